// The per-message flow Slack and Teams share: dedupe, rate limit, history, answering, and the answer view.
export { type AnswerRecord, type AnswerRecords, type ChannelThread, createAnswerRecords } from './answer-records.js';
export {
  type AnswerView,
  buildAnswerView,
  hasAction,
  VIEW_LIMITS,
  type ViewAction,
  type ViewCitation,
  type ViewNotice,
} from './answer-view.js';
export {
  type Asker,
  type Conversation,
  type ConversationOutcome,
  createConversation,
  type IncomingQuestion,
} from './conversation.js';
export { createEventClaims, type EventClaims } from './event-claims.js';
export { createCoreConversation, DEFAULT_LIMIT_PER_MINUTE } from './from-core.js';
export { HISTORY_TURNS, lastTurns } from './history.js';
export * from './labels.js';
export { createRateLimit, type RateLimit } from './rate-limit.js';
export { type ViewBlock, viewBlocks } from './view-blocks.js';
