import type { AnswerRecords } from './answer-records.js';
import type { AudienceCheck } from './audience.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SlackFeatureDeps } from './slack-deps.js';
import type { ThreadMemory } from './thread-history.js';

/** What the app's own listeners share, on top of what every Slack feature module gets. */
export type SlackAppContext = SlackFeatureDeps & {
  records: AnswerRecords;
  threads: ThreadMemory;
  rateLimiter: RateLimiter;
  audienceOf: AudienceCheck;
  now: () => Date;
};
