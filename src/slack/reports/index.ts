// Reports in Slack: 👍/👎 kept in the question log, the content owners' digest and its buttons, report summaries.
import type { App } from '@slack/bolt';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { registerDigestActions } from './on-digest-actions.js';
import { registerQuestionFeedback } from './on-question-feedback.js';

export { createSlackDigestPublisher } from './slack-digest-publisher.js';
export { createSlackReportPublisher } from './slack-report-publisher.js';

/** Registers every Slack listener the reports feature has. */
export function registerReportHandlers(app: App, deps: SlackFeatureDeps): void {
  registerQuestionFeedback(app, deps);
  registerDigestActions(app, deps);
}
