import type { Conversation } from '../conversation/index.js';
import type { AudienceCheck } from './audience.js';
import type { SlackFeatureDeps } from './slack-deps.js';

/** What the app's own listeners share, on top of what every Slack feature module gets. */
export type SlackAppContext = SlackFeatureDeps & {
  /** The per-question flow shared with Teams: dedupe, rate limit, history, answer, records. */
  conversation: Conversation;
  audienceOf: AudienceCheck;
  now: () => Date;
  /** How long an answer may take before the thinking status is shown. */
  statusDelayMs: number;
};
