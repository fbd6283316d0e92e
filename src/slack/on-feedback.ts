import type { App, types } from '@slack/bolt';
import { SLACK_IDS } from './ids.js';
import { modalView } from './modal-view.js';
import {
  FeedbackButtonValue,
  FeedbackReason,
  FeedbackReasonMetadata,
  FeedbackReasonSubmission,
  MessageBlockAction,
} from './payload-schemas.js';
import type { SlackAppContext } from './slack-app-context.js';
import { FEEDBACK_REASON_PROMPT, FEEDBACK_REASON_SAVED } from './slack-texts.js';

/**
 * 👍/👎 under an answer. Slack's feedback buttons toggle and send every change, so the last choice per person is
 * what is stored; a 👎 invites an optional reason through a small form.
 */
export function registerFeedbackHandlers(app: App, ctx: SlackAppContext): void {
  app.action(SLACK_IDS.actions.feedback, async ({ ack, body, respond }) => {
    await ack();
    const parsed = MessageBlockAction.safeParse(body);
    const value = FeedbackButtonValue.safeParse(parsed.success ? parsed.data.actions[0]?.value : undefined);
    if (!parsed.success || !value.success) {
      ctx.log.warn('ignored a feedback action with an unexpected shape');
      return;
    }
    const action = parsed.data;
    const { rating, answerId } = value.data;
    const messageId = action.container?.message_ts ?? action.message?.ts ?? answerId;
    const record = await ctx.conversation.records.get(answerId);
    await ctx.core.feedback.record({
      platform: 'slack',
      messageId,
      userId: action.user.id,
      rating,
      question: record?.question ?? '',
      answerText: record?.answer.text ?? '',
      sources: (record?.answer.citations ?? []).map(({ articleId, sectionId, title, url }) => ({
        articleId,
        sectionId,
        title,
        url,
      })),
      at: ctx.now().toISOString(),
    });
    ctx.log.info({ messageId, userId: action.user.id, rating, answerId }, 'feedback recorded');
    if (rating === 'down') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: FEEDBACK_REASON_PROMPT,
        blocks: reasonPrompt({ messageId, answerId }),
      });
    }
  });

  app.action(SLACK_IDS.actions.feedbackReason, async ({ ack, body, client }) => {
    await ack();
    const parsed = MessageBlockAction.safeParse(body);
    const metadata = FeedbackReasonMetadata.safeParse(
      readJson(parsed.success ? parsed.data.actions[0]?.value : undefined),
    );
    if (!parsed.success || !metadata.success || !parsed.data.trigger_id) {
      ctx.log.warn('ignored a feedback reason action with an unexpected shape');
      return;
    }
    await client.views.open({ trigger_id: parsed.data.trigger_id, view: reasonForm(metadata.data) });
  });

  app.view(SLACK_IDS.views.feedbackReasonForm, async ({ ack, body }) => {
    const parsed = FeedbackReasonSubmission.safeParse(body);
    const metadata = FeedbackReasonMetadata.safeParse(
      readJson(parsed.success ? parsed.data.view.private_metadata : undefined),
    );
    if (!parsed.success || !metadata.success) {
      await ack({ response_action: 'errors', errors: { reason: 'This form has expired. Close it and try again.' } });
      return;
    }
    const reason = FeedbackReason.safeParse(parsed.data.view.state.values.reason.reason.value ?? undefined);
    if (!reason.success) {
      await ack({
        response_action: 'errors',
        errors: { reason: reason.error.issues[0]?.message ?? 'Check the reason.' },
      });
      return;
    }
    const userId = parsed.data.user.id;
    const saved = await ctx.core.feedback.addReason('slack', metadata.data.messageId, userId, reason.data);
    if (!saved) {
      await ack({
        response_action: 'errors',
        errors: { reason: 'Choose 👍 or 👎 under the answer first, then add your note.' },
      });
      return;
    }
    await ack({ response_action: 'update', view: thanksView() });
    ctx.log.info({ messageId: metadata.data.messageId, userId }, 'feedback reason recorded');
  });
}

function reasonPrompt(metadata: FeedbackReasonMetadata): types.KnownBlock[] {
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: FEEDBACK_REASON_PROMPT },
      accessory: {
        type: 'button',
        action_id: SLACK_IDS.actions.feedbackReason,
        text: { type: 'plain_text', text: 'Add a reason' },
        value: JSON.stringify(metadata),
      },
    },
  ];
}

function reasonForm(metadata: FeedbackReasonMetadata): types.ModalView {
  return modalView({
    callbackId: SLACK_IDS.views.feedbackReasonForm,
    metadata,
    title: 'What was wrong?',
    submit: 'Send',
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'What was wrong with the answer?' },
        hint: { type: 'plain_text', text: 'For example: out of date, wrong figure, did not answer my question.' },
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 1_000 },
      },
    ],
  });
}

function thanksView(): types.ModalView {
  return modalView({
    callbackId: SLACK_IDS.views.feedbackReasonForm,
    title: 'Thank you',
    close: 'Close',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: FEEDBACK_REASON_SAVED } }],
  });
}

function readJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Not JSON: the schema check that follows reports it.
  }
}
