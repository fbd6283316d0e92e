import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { errorCode } from '../errors.js';
import { openEligibilityModal, openLevyModal } from './calculators/index.js';
import { openEnquiryModal } from './enquiries/index.js';
import { SLACK_IDS } from './ids.js';
import { MessageBlockAction, type SlashCommand, SlashCommand as SlashCommandSchema } from './payload-schemas.js';
import { renderAnswer } from './render-answer.js';
import type { SlackAppContext } from './slack-app-context.js';
import { ANSWER_EXPIRED, APOLOGY, cannotPostIn, HELP_TEXT, rateLimited } from './slack-texts.js';

/** `/skills <question>` answers privately; `levy`, `eligibility`, `enquiry` open forms; `help` lists it all. */
export function registerSkillsCommand(app: App, ctx: SlackAppContext): void {
  app.command(SLACK_IDS.command, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = SlashCommandSchema.safeParse(body);
    if (!parsed.success) {
      ctx.log.warn('ignored a slash command with an unexpected shape');
      return;
    }
    const command = parsed.data;
    const text = command.text.trim();
    const keyword = text.toLowerCase();
    if (keyword === '' || keyword === 'help') {
      await respond({ response_type: 'ephemeral', text: HELP_TEXT });
    } else if (keyword === 'levy') {
      await openLevyModal(client, command.trigger_id);
    } else if (keyword === 'eligibility') {
      await openEligibilityModal(client, command.trigger_id);
    } else if (keyword === 'enquiry') {
      await openEnquiryModal(client, command.trigger_id);
    } else {
      await answerPrivately(ctx, respond, command, text);
    }
  });

  app.action(SLACK_IDS.actions.shareAnswer, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = MessageBlockAction.safeParse(body);
    const answerId = parsed.success ? parsed.data.actions[0]?.value : undefined;
    const channel = parsed.success ? (parsed.data.channel?.id ?? parsed.data.container?.channel_id) : undefined;
    if (!parsed.success || !answerId || !channel) {
      ctx.log.warn('ignored a share action with an unexpected shape');
      return;
    }
    await shareAnswer(ctx, client, respond, { answerId, channel, userId: parsed.data.user.id });
  });
}

async function answerPrivately(ctx: SlackAppContext, respond: RespondFn, command: SlashCommand, question: string) {
  const log = ctx.log.child({ channel: command.channel_id, userId: command.user_id, command: SLACK_IDS.command });
  if (!ctx.rateLimiter.tryTake(command.user_id)) {
    await respond({ response_type: 'ephemeral', text: rateLimited(ctx.settings.rateLimitPerMinute) });
    return;
  }
  try {
    const { audience, isExternal } = await ctx.audienceOf({ userId: command.user_id });
    const answer = await ctx.core.answerer.answer({ question, audience });
    const answerId = await ctx.records.save({
      question,
      answer,
      audience,
      isExternal,
      channel: command.channel_id,
      at: ctx.now().toISOString(),
    });
    const message = renderAnswer(answer, {
      answerId,
      canShare: true,
      byline: `You asked: _${escapeQuestion(question)}_`,
    });
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    log.info({ kind: answer.kind, mode: answer.mode, audience }, 'answered privately');
  } catch (error) {
    log.error({ err: error, code: errorCode(error) }, 'answer failed');
    await respond({ response_type: 'ephemeral', text: APOLOGY });
  }
}

/** Posts a privately shown answer in the channel for everyone, with the full set of buttons. */
async function shareAnswer(
  ctx: SlackAppContext,
  client: WebClient,
  respond: RespondFn,
  share: { answerId: string; channel: string; userId: string },
) {
  const record = await ctx.records.get(share.answerId);
  if (!record) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: ANSWER_EXPIRED });
    return;
  }
  const byline = `<@${share.userId}> asked: _${escapeQuestion(record.question)}_`;
  const first = renderAnswer(record.answer, { answerId: record.id, byline });
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({ channel: share.channel, text: first.text, blocks: first.blocks });
    ts = posted.ts;
  } catch (error) {
    ctx.log.warn({ err: error, code: errorCode(error), channel: share.channel }, 'could not share an answer');
    await respond({ response_type: 'ephemeral', replace_original: false, text: cannotPostIn(share.channel) });
    return;
  }
  if (ts) {
    // The shared message starts a thread (follow-ups there are answered) and has its own feedback; "Ask the team"
    // and "Log employer enquiry" point at it, so they are added once it exists.
    const { id: _previousId, ...shown } = record;
    const sharedId = await ctx.records.save(
      { ...shown, channel: share.channel, at: ctx.now().toISOString() },
      { thread: { channel: share.channel, ts } },
    );
    const full = renderAnswer(record.answer, {
      answerId: sharedId,
      byline,
      action: { question: record.question, channel: share.channel, threadTs: ts, isExternal: record.isExternal },
    });
    await client.chat.update({ channel: share.channel, ts, text: full.text, blocks: full.blocks });
  }
  await respond({ delete_original: true });
  ctx.log.info({ channel: share.channel, userId: share.userId, answerId: share.answerId }, 'answer shared');
}

function escapeQuestion(question: string): string {
  const short = question.length > 200 ? `${question.slice(0, 199)}…` : question;
  return short
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[_*~`]/g, '');
}
