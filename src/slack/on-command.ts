import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildAnswerView } from '../conversation/index.js';
import { openEligibilityModal, openLevyModal } from './calculators/index.js';
import { openEnquiryModal } from './enquiries/index.js';
import { quoteMrkdwn } from './escape.js';
import { SLACK_IDS } from './ids.js';
import { MessageBlockAction, type SlashCommand, SlashCommand as SlashCommandSchema } from './payload-schemas.js';
import { renderAnswer } from './render-answer.js';
import type { SlackAppContext } from './slack-app-context.js';
import { slackErrorCode } from './slack-error.js';
import { ANSWER_EXPIRED, APOLOGY, cannotPostIn, HELP_TEXT } from './slack-texts.js';

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
      // Someone from another organisation (Slack Connect) logging an enquiry is an external one from the start.
      const teams = await teamsOf(ctx, command, body);
      const isExternal =
        teams.userTeamId !== undefined && teams.appTeamId !== undefined && teams.userTeamId !== teams.appTeamId;
      await openEnquiryModal(client, command.trigger_id, isExternal ? { arrivedVia: 'external' } : {});
    } else {
      await answerPrivately(ctx, respond, command, text, await teamsOf(ctx, command, body));
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

type CommandTeams = { appTeamId?: string | undefined; userTeamId?: string | undefined };

/**
 * The installing workspace and the invoker's own. A command names only the invoker's workspace (`team_id`, in Slack
 * Connect another organisation's), so the installing one comes from the bot token. In an org-wide install every
 * workspace of the organisation is ours: the per-person lookup decides there.
 */
async function teamsOf(ctx: SlackAppContext, command: SlashCommand, body: unknown): Promise<CommandTeams> {
  if (command.is_enterprise_install === 'true') return {};
  return { appTeamId: await ctx.installedTeam(body), userTeamId: command.team_id };
}

async function answerPrivately(
  ctx: SlackAppContext,
  respond: RespondFn,
  command: SlashCommand,
  question: string,
  teams: CommandTeams,
) {
  const outcome = await ctx.conversation.handle({
    platform: 'slack',
    // A slash command is delivered once (no retries), so there is no event id to claim.
    question,
    asker: async () => {
      const { audience, isExternal } = await ctx.audienceOf({ userId: command.user_id, ...teams });
      return { id: command.user_id, audience, isExternal, isOfficer: false };
    },
    where: { channel: command.channel_id },
  });
  if (outcome.kind === 'repeat') return;
  if (outcome.kind !== 'answered') {
    await respond({ response_type: 'ephemeral', text: outcome.kind === 'failed' ? APOLOGY : outcome.text });
    return;
  }
  const message = renderAnswer(outcome.view, { canShare: true, byline: `You asked: _${quoteMrkdwn(question)}_` });
  try {
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
  } catch (error) {
    ctx.log.error({ err: error, code: slackErrorCode(error) }, 'private answer could not be posted');
    await respond({ response_type: 'ephemeral', text: APOLOGY });
    return;
  }
  ctx.log.info(
    { kind: outcome.answer.kind, mode: outcome.answer.mode, command: SLACK_IDS.command },
    'answered privately',
  );
}

/** Posts a privately shown answer in the channel for everyone, with the full set of buttons. */
async function shareAnswer(
  ctx: SlackAppContext,
  client: WebClient,
  respond: RespondFn,
  share: { answerId: string; channel: string; userId: string },
) {
  const record = await ctx.conversation.records.get(share.answerId);
  if (!record) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: ANSWER_EXPIRED });
    return;
  }
  const byline = `<@${share.userId}> asked: _${quoteMrkdwn(record.question)}_`;
  const viewOf = (answerId: string) =>
    buildAnswerView(record.answer, { answerId, question: record.question, isExternal: record.isExternal });
  const first = renderAnswer(viewOf(record.id), { byline });
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({ channel: share.channel, text: first.text, blocks: first.blocks });
    ts = posted.ts;
  } catch (error) {
    ctx.log.warn({ err: error, code: slackErrorCode(error), channel: share.channel }, 'could not share an answer');
    await respond({ response_type: 'ephemeral', replace_original: false, text: cannotPostIn(share.channel) });
    return;
  }
  if (ts) {
    // The shared message starts a thread (follow-ups there are answered) and has its own feedback; "Ask the team"
    // and "Log employer enquiry" point at it, so they are added once it exists.
    const { id: _previousId, ...shown } = record;
    const sharedId = await ctx.conversation.records.save(
      { ...shown, channel: share.channel, at: ctx.now().toISOString() },
      { thread: { channel: share.channel, ts } },
    );
    const full = renderAnswer(viewOf(sharedId), { byline, action: { channel: share.channel, threadTs: ts } });
    await client.chat.update({ channel: share.channel, ts, text: full.text, blocks: full.blocks });
  }
  await respond({ delete_original: true });
  ctx.log.info({ channel: share.channel, userId: share.userId, answerId: share.answerId }, 'answer shared');
}
