import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { answerInThread } from './answer-in-thread.js';
import { MessageEvent } from './payload-schemas.js';
import type { SlackAppContext } from './slack-app-context.js';
import { EMPTY_QUESTION } from './slack-texts.js';
import { stripMentions } from './thread-history.js';

type EventContext = { botUserId?: string | undefined; botId?: string | undefined; retryNum?: number | undefined };

/**
 * Questions arrive three ways: a direct message (the app's Messages tab), an @mention in a channel, and a reply in a
 * channel thread the bot has already answered in (no new mention needed).
 */
export function registerMessageHandlers(app: App, ctx: SlackAppContext): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const message = readQuestionEvent(ctx, event, context);
    if (!message) return;
    const where = { body, context, isDirectMessage: false, isFollowUp: false };
    await handleQuestion(ctx, client, message, where);
  });

  app.event('message', async ({ event, body, client, context }) => {
    const message = readQuestionEvent(ctx, event, context);
    if (!message) return;
    if (message.channel_type === 'im') {
      await handleQuestion(ctx, client, message, { body, context, isDirectMessage: true, isFollowUp: false });
      return;
    }
    // In channels, mentions arrive as app_mention; plain replies count only in threads the bot answered in.
    if (!message.thread_ts || message.thread_ts === message.ts) return;
    if (context.botUserId && message.text?.includes(`<@${context.botUserId}>`)) return;
    if (!(await ctx.records.isThreadAnswered({ channel: message.channel, ts: message.thread_ts }))) return;
    await handleQuestion(ctx, client, message, { body, context, isDirectMessage: false, isFollowUp: true });
  });
}

/** A person's question, or undefined for anything to ignore: bots (this one included), edits, joins and other subtypes. */
function readQuestionEvent(ctx: SlackAppContext, event: unknown, context: EventContext): MessageEvent | undefined {
  const parsed = MessageEvent.safeParse(event);
  if (!parsed.success) {
    ctx.log.warn(
      { issues: parsed.error.issues.map((issue) => issue.path.join('.')) },
      'ignored a malformed message event',
    );
    return undefined;
  }
  const message = parsed.data;
  if (message.subtype !== undefined && message.subtype !== 'file_share') return undefined;
  if (message.bot_id !== undefined || message.user === undefined) return undefined;
  if (context.botUserId !== undefined && message.user === context.botUserId) return undefined;
  return message;
}

async function handleQuestion(
  ctx: SlackAppContext,
  client: WebClient,
  message: MessageEvent,
  where: { body: unknown; context: EventContext; isDirectMessage: boolean; isFollowUp: boolean },
): Promise<void> {
  if (!(await ctx.events.claim(fieldOf(where.body, 'event_id'), where.context.retryNum))) return;
  const userId = message.user as string;
  const question = stripMentions(message.text ?? '');
  if (question === '') {
    await client.chat.postMessage({
      channel: message.channel,
      thread_ts: message.thread_ts ?? message.ts,
      text: EMPTY_QUESTION,
    });
    return;
  }
  await answerInThread(ctx, client, {
    channel: message.channel,
    messageTs: message.ts,
    threadTs: message.thread_ts,
    userId,
    question,
    isDirectMessage: where.isDirectMessage,
    isFollowUp: where.isFollowUp,
    appTeamId: fieldOf(where.body, 'team_id'),
    userTeamId: message.user_team ?? message.team,
    botUserId: where.context.botUserId,
  });
}

function fieldOf(body: unknown, field: 'team_id' | 'event_id'): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
