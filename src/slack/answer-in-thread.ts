import type { ChatStreamer, WebClient } from '@slack/web-api';
import type { Asker, ConversationOutcome } from '../conversation/index.js';
import { renderAnswer } from './render-answer.js';
import type { SlackAppContext } from './slack-app-context.js';
import { slackErrorCode } from './slack-error.js';
import { APOLOGY, LOADING_MESSAGES, THINKING_STATUS } from './slack-texts.js';
import { readThreadHistory } from './thread-history.js';

export type ThreadQuestion = {
  eventId?: string | undefined;
  channel: string;
  /** The message asking the question. */
  messageTs: string;
  /** Set when the question is itself a reply in a thread: earlier turns are read from there. */
  threadTs?: string | undefined;
  userId: string;
  question: string;
  isDirectMessage: boolean;
  /** True when the thread is already known to be answered (a follow-up): it need not be marked again. */
  isFollowUp: boolean;
  /** The workspace that installed the app (authorizations[0].team_id), and the asker's own workspace. */
  appTeamId?: string | undefined;
  userTeamId?: string | undefined;
  botUserId?: string | undefined;
};

/**
 * Answers a question asked in a DM or channel, in the question's thread, through the shared conversation flow:
 * streamed when the model is writing, and always saying something.
 */
export async function answerInThread(ctx: SlackAppContext, client: WebClient, question: ThreadQuestion): Promise<void> {
  const { channel, userId } = question;
  const replyTs = question.threadTs ?? question.messageTs;

  let streamer: ChatStreamer | undefined;
  let streamedText = '';
  let streaming: Promise<unknown> = Promise.resolve();
  let streamError: unknown;
  // The "is looking this up…" status appears only if the answer is not ready almost at once, so quick answers
  // do not flicker. A status request already under way is awaited before answering, so it never lands after.
  let statusCall: Promise<void> | undefined;
  const statusTimer = setTimeout(() => {
    statusCall = showStatus(ctx, client, channel, replyTs);
  }, ctx.statusDelayMs);
  const recipientTeam = question.userTeamId ?? question.appTeamId;

  const onText = (delta: string) => {
    clearTimeout(statusTimer);
    streamedText += delta;
    streaming = streaming
      .then(async () => {
        if (streamError !== undefined) return;
        await statusCall;
        streamer ??= client.chatStream({
          channel,
          thread_ts: replyTs,
          recipient_user_id: userId,
          ...(recipientTeam ? { recipient_team_id: recipientTeam } : {}),
        });
        // The model's text is escaped like any other: no mentions or links smuggled in through a stream.
        await streamer.append({ markdown_text: escapeStreamText(delta) });
      })
      .catch((error: unknown) => {
        streamError = error;
      });
  };

  let outcome: ConversationOutcome;
  try {
    outcome = await ctx.conversation.handle({
      platform: 'slack',
      eventId: question.eventId,
      question: question.question,
      asker: async (): Promise<Asker> => {
        const { audience, isExternal } = await ctx.audienceOf({
          userId,
          appTeamId: question.appTeamId,
          userTeamId: question.userTeamId,
        });
        return { id: userId, audience, isExternal, isOfficer: false };
      },
      where: {
        channel,
        ...(!question.isDirectMessage && !question.isFollowUp && { thread: { channel, ts: replyTs } }),
      },
      ...(question.threadTs !== undefined && {
        history: () =>
          readThreadHistory(client, {
            channel,
            threadTs: question.threadTs as string,
            beforeTs: question.messageTs,
            botUserId: question.botUserId,
          }),
      }),
      ...(ctx.core.config.model !== 'off' && { onText }),
      // The answer is posted first; the question is kept for reports after (awaited below).
      keepAfterReply: true,
    });
    await streaming;
  } finally {
    clearTimeout(statusTimer);
    await statusCall;
  }

  // Bindings for this answer's log lines, spread into each call: no child logger is built per event.
  const about = { channel, threadTs: replyTs, userId };
  const log = ctx.log;
  try {
    switch (outcome.kind) {
      case 'repeat':
        return;
      case 'empty':
        await client.chat.postMessage({ channel, thread_ts: replyTs, text: outcome.text });
        return;
      case 'rate-limited':
        await client.chat.postEphemeral({ channel, user: userId, thread_ts: replyTs, text: outcome.text });
        return;
      case 'failed':
        await apologise(ctx, client, { channel, replyTs, streamer });
        return;
      case 'answered':
        break;
    }
    const { view, answer } = outcome;
    const renderOptions = { action: { channel, threadTs: replyTs } };
    const whole = renderAnswer(view, renderOptions);

    if (streamer !== undefined && streamError === undefined) {
      const tail = renderAnswer(view, { ...renderOptions, includeText: false });
      await streamer.stop({ blocks: tail.blocks });
      if (!(answer.mode === 'model' && streamedText.trim() === answer.text.trim()) && streamer.ts) {
        // The engine settled on different text (e.g. it fell back to an extractive answer): the answer wins.
        log.info({ ...about, mode: answer.mode }, 'streamed text replaced by the final answer');
        await client.chat.update({ channel, ts: streamer.ts, text: whole.text, blocks: whole.blocks });
      }
    } else if (streamer !== undefined) {
      log.warn(
        { ...about, err: streamError, code: slackErrorCode(streamError) },
        'streaming failed; replacing with the whole answer',
      );
      await stopQuietly(ctx, streamer);
      if (streamer.ts) await client.chat.update({ channel, ts: streamer.ts, text: whole.text, blocks: whole.blocks });
      else await client.chat.postMessage({ channel, thread_ts: replyTs, text: whole.text, blocks: whole.blocks });
    } else {
      await client.chat.postMessage({ channel, thread_ts: replyTs, text: whole.text, blocks: whole.blocks });
    }
    log.info(
      {
        ...about,
        kind: answer.kind,
        mode: answer.mode,
        citations: view.citations.length,
        streamed: streamer !== undefined,
      },
      'answered',
    );
  } catch (error) {
    log.error({ ...about, err: error, code: slackErrorCode(error) }, 'answer could not be posted');
    await apologise(ctx, client, { channel, replyTs, streamer });
  }
  if (outcome.kind === 'answered') await outcome.kept;
}

/** Escapes what a model streams the same way as the final text: `<`, `>` and `&` never reach Slack raw. */
function escapeStreamText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Ends a stream Slack still holds open (chat.stopStream) before its message is replaced. */
async function stopQuietly(ctx: SlackAppContext, streamer: ChatStreamer): Promise<void> {
  // A stream Slack never opened needs no stop (stopping it would open one).
  if (!streamer.ts) return;
  try {
    await streamer.stop();
  } catch (error) {
    ctx.log.debug({ err: error, code: slackErrorCode(error) }, 'could not stop the failed stream');
  }
}

async function showStatus(ctx: SlackAppContext, client: WebClient, channel: string, threadTs: string): Promise<void> {
  try {
    await client.assistant.threads.setStatus({
      channel_id: channel,
      thread_ts: threadTs,
      status: THINKING_STATUS,
      loading_messages: LOADING_MESSAGES,
    });
  } catch (error) {
    // Status is a nicety: outside agent threads Slack may refuse it, and the answer still follows.
    ctx.log.debug({ err: error, code: slackErrorCode(error), channel }, 'could not set the thinking status');
  }
}

async function apologise(
  ctx: SlackAppContext,
  client: WebClient,
  where: { channel: string; replyTs: string; streamer?: ChatStreamer | undefined },
): Promise<void> {
  try {
    if (where.streamer) await stopQuietly(ctx, where.streamer);
    if (where.streamer?.ts) {
      await client.chat.update({ channel: where.channel, ts: where.streamer.ts, text: APOLOGY, blocks: [] });
    } else {
      await client.chat.postMessage({ channel: where.channel, thread_ts: where.replyTs, text: APOLOGY });
    }
  } catch (error) {
    ctx.log.error({ err: error, code: slackErrorCode(error), channel: where.channel }, 'could not post the apology');
  }
}
