import type { AnswerRecords } from './answer-records.js';
import type { AudienceCheck } from './audience.js';
import type { EventClaims } from './event-claims.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SlackFeatureDeps } from './slack-deps.js';

/** What the app's own listeners share, on top of what every Slack feature module gets. */
export type SlackAppContext = SlackFeatureDeps & {
  records: AnswerRecords;
  events: EventClaims;
  rateLimiter: RateLimiter;
  audienceOf: AudienceCheck;
  now: () => Date;
  /** How long an answer may take before the thinking status is shown. */
  statusDelayMs: number;
};
