import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { answerInThread } from './answer-in-thread.js';
import { installedTeamOf } from './audience.js';
import { MessageEvent } from './payload-schemas.js';
import type { SlackAppContext } from './slack-app-context.js';
import { stripMentions } from './thread-history.js';

type EventContext = { botUserId?: string | undefined; botId?: string | undefined };

/** Message subtypes that are a person writing: plain messages, files with text, and "Also send to channel" replies. */
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/**
 * Questions arrive three ways: a direct message (the app's Messages tab), an @mention in a channel, and a reply in a
 * channel thread the bot has already answered in (no new mention needed), "Also send to channel" replies included.
 */
export function registerMessageHandlers(app: App, ctx: SlackAppContext): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const message = readQuestionEvent(ctx, event, context);
    if (!message) return;
    await handleQuestion(ctx, client, message, { body, context, isDirectMessage: false, isFollowUp: false });
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
    let answered: boolean;
    try {
      answered = await ctx.conversation.records.isThreadAnswered({ channel: message.channel, ts: message.thread_ts });
    } catch (error) {
      ctx.log.warn({ err: error }, 'could not tell whether the thread was answered; treating it as not');
      return;
    }
    if (!answered) return;
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
  if (!QUESTION_SUBTYPES.has(message.subtype)) return undefined;
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
  await answerInThread(ctx, client, {
    eventId: fieldOf(where.body, 'event_id'),
    channel: message.channel,
    messageTs: message.ts,
    threadTs: message.thread_ts,
    userId: message.user as string,
    question: stripMentions(message.text ?? ''),
    isDirectMessage: where.isDirectMessage,
    isFollowUp: where.isFollowUp,
    appTeamId: installedTeamOf(where.body),
    userTeamId: message.user_team ?? message.team,
    botUserId: where.context.botUserId,
  });
}

function fieldOf(body: unknown, field: 'event_id'): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
