import type { App } from '@slack/bolt';
import { buildAnswerView, VIEW_LIMITS, viewBlocks } from '../conversation/index.js';
import { openEligibilityModal, openLevyModal } from './calculators/index.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_IDS } from './ids.js';
import { MessageBlockAction } from './payload-schemas.js';
import { renderViewBlocks } from './render-blocks.js';
import type { SlackAppContext } from './slack-app-context.js';
import { slackErrorCode } from './slack-error.js';
import { ANSWER_EXPIRED } from './slack-texts.js';

/** Buttons the answer view adds under an answer: open a calculator form, show a calculator's working. */
export function registerAnswerActions(app: App, ctx: SlackAppContext): void {
  app.action(SLACK_IDS.actions.openCalculator, async ({ ack, body, client }) => {
    await ack();
    const parsed = MessageBlockAction.safeParse(body);
    const tool = parsed.success ? parsed.data.actions[0]?.value : undefined;
    const triggerId = parsed.success ? parsed.data.trigger_id : undefined;
    if (!triggerId || (tool !== 'levy' && tool !== 'eligibility')) {
      ctx.log.warn('ignored a calculator button with an unexpected shape');
      return;
    }
    try {
      await (tool === 'levy' ? openLevyModal(client, triggerId) : openEligibilityModal(client, triggerId));
    } catch (error) {
      ctx.log.warn({ err: error, code: slackErrorCode(error) }, 'could not open the calculator form');
    }
  });

  app.action(SLACK_IDS.actions.showWorking, async ({ ack, body, respond }) => {
    await ack();
    const parsed = MessageBlockAction.safeParse(body);
    const answerId = parsed.success ? parsed.data.actions[0]?.value : undefined;
    if (!answerId) return;
    const record = await ctx.conversation.records.get(answerId);
    const view = record
      ? buildAnswerView(record.answer, { answerId, question: record.question, isExternal: record.isExternal })
      : undefined;
    const working = view?.actions.find((action) => action.kind === 'show-working');
    if (!working || working.kind !== 'show-working') {
      await respond({ response_type: 'ephemeral', replace_original: false, text: ANSWER_EXPIRED });
      return;
    }
    // The working is shown to the person who asked for it, laid out like the answer (lists, tables).
    const blocks = renderViewBlocks(viewBlocks(undefined, working.text, () => true, VIEW_LIMITS.textChars).blocks);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: escapeMrkdwn(working.text.slice(0, 2_900)),
      blocks: blocks.slice(0, 49),
    });
  });
}
