import type { App } from '@slack/bolt';
import { createCoreQuestionLog } from '../../reports/question-log.js';
import { SLACK_IDS } from '../ids.js';
import {
  FeedbackButtonValue,
  FeedbackReason,
  FeedbackReasonMetadata,
  FeedbackReasonSubmission,
  MessageBlockAction,
} from '../payload-schemas.js';
import type { SlackFeatureDeps } from '../slack-deps.js';

function readJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Adds 👍/👎 (and a 👎 reason) to the question log, beside the feedback handlers that acknowledge and answer them:
 * the question is stored under its answer's id, which the buttons carry. Never acknowledges (the feedback handler
 * does) and never throws: a failed write is logged, the person's feedback is kept either way.
 */
export function registerQuestionFeedback(app: App, deps: SlackFeatureDeps): void {
  const questions = createCoreQuestionLog(deps.core);
  const keep = async (answerId: string, rating: 'up' | 'down', reason?: string) => {
    try {
      await questions.rate(answerId, rating, reason);
    } catch (error) {
      deps.log.warn({ err: error, answerId }, 'rating not kept for reports');
    }
  };
  app.action(SLACK_IDS.actions.feedback, async ({ body }) => {
    const parsed = MessageBlockAction.safeParse(body);
    const value = FeedbackButtonValue.safeParse(parsed.success ? parsed.data.actions[0]?.value : undefined);
    if (value.success) await keep(value.data.answerId, value.data.rating);
  });
  app.view(SLACK_IDS.views.feedbackReasonForm, async ({ body }) => {
    const parsed = FeedbackReasonSubmission.safeParse(body);
    if (!parsed.success) return;
    const metadata = FeedbackReasonMetadata.safeParse(readJson(parsed.data.view.private_metadata));
    const reason = FeedbackReason.safeParse(parsed.data.view.state.values.reason.reason.value ?? undefined);
    if (metadata.success && reason.success) await keep(metadata.data.answerId, 'down', reason.data);
  });
}
