import type { Core } from '../core.js';
import { createCoreQuestionLog } from '../reports/question-log.js';
import { createAnswerRecords } from './answer-records.js';
import { type Conversation, createConversation } from './conversation.js';
import { createEventClaims } from './event-claims.js';
import { createRateLimit } from './rate-limit.js';

/** Questions per person per minute when SLACK_RATE_LIMIT_PER_MINUTE is not set: the same for Slack and Teams. */
export const DEFAULT_LIMIT_PER_MINUTE = 10;

/** The conversation flow on the core's store, answerer and clock. */
export function createCoreConversation(
  core: Core,
  options: { keyPrefix?: string; limitPerMinute?: number } = {},
): Conversation {
  const log = core.log.child({ module: 'conversation' });
  const limitPerMinute =
    options.limitPerMinute ??
    (core.config.slack === 'off' ? DEFAULT_LIMIT_PER_MINUTE : core.config.slack.rateLimitPerMinute);
  const rateLimit = createRateLimit({
    storeUrl: core.config.storeUrl,
    limitPerMinute,
    log,
    ...(options.keyPrefix !== undefined && { keyPrefix: options.keyPrefix }),
  });
  return createConversation({
    answerer: core.answerer,
    records: createAnswerRecords(core.store, log),
    claims: createEventClaims(core.store, log),
    rateLimit,
    limitPerMinute,
    log,
    now: core.now,
    questions: createCoreQuestionLog(core),
  });
}
