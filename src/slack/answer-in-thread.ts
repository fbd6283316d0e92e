import type { ChatStreamer, WebClient } from '@slack/web-api';
import type { Answer, Turn } from '../answer/answer.js';
import { errorCode } from '../errors.js';
import { renderAnswer } from './render-answer.js';
import type { SlackAppContext } from './slack-app-context.js';
import { APOLOGY, LOADING_MESSAGES, rateLimited, THINKING_STATUS } from './slack-texts.js';
import { readThreadHistory } from './thread-history.js';

export type ThreadQuestion = {
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
  appTeamId?: string | undefined;
  userTeamId?: string | undefined;
  botUserId?: string | undefined;
};

/**
 * Answers a question asked in a DM or channel, in the question's thread: within the person's rate limit, streamed
 * when the model is writing, and always saying something. Repeated deliveries are dropped before this, by event id.
 */
export async function answerInThread(ctx: SlackAppContext, client: WebClient, question: ThreadQuestion): Promise<void> {
  const { channel, userId } = question;
  const replyTs = question.threadTs ?? question.messageTs;
  const log = ctx.log.child({ channel, threadTs: replyTs, messageTs: question.messageTs, userId });

  if (!ctx.rateLimiter.tryTake(userId)) {
    log.info('rate limited');
    await client.chat.postEphemeral({
      channel,
      user: userId,
      thread_ts: replyTs,
      text: rateLimited(ctx.settings.rateLimitPerMinute),
    });
    return;
  }

  let streamer: ChatStreamer | undefined;
  try {
    const { audience, isExternal } = await ctx.audienceOf({
      userId,
      appTeamId: question.appTeamId,
      userTeamId: question.userTeamId,
    });
    // The "is looking this up…" status appears only if the answer is not ready almost at once, so quick answers
    // do not flicker. A status request already under way is awaited before answering, so it never lands after.
    let statusCall: Promise<void> | undefined;
    const statusTimer = setTimeout(() => {
      statusCall = showStatus(ctx, client, channel, replyTs);
    }, ctx.statusDelayMs);
    let history: Turn[] = [];
    let answer: Answer;
    let streamedText = '';
    let streaming: Promise<unknown> = Promise.resolve();
    let streamError: unknown;
    try {
      if (question.threadTs) {
        history = await readThreadHistory(client, {
          channel,
          threadTs: question.threadTs,
          beforeTs: question.messageTs,
          botUserId: question.botUserId,
        });
      }

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
              ...((question.userTeamId ?? question.appTeamId)
                ? { recipient_team_id: (question.userTeamId ?? question.appTeamId) as string }
                : {}),
            });
            await streamer.append({ markdown_text: delta });
          })
          .catch((error: unknown) => {
            streamError = error;
          });
      };

      answer = await ctx.core.answerer.answer({
        question: question.question,
        history,
        audience,
        ...(ctx.core.config.model !== 'off' && { onText }),
      });
      await streaming;
    } finally {
      clearTimeout(statusTimer);
      await statusCall;
    }

    const startsThread = !question.isDirectMessage && !question.isFollowUp;
    const answerId = await ctx.records.save(
      { question: question.question, answer, audience, isExternal, channel, at: ctx.now().toISOString() },
      startsThread ? { thread: { channel, ts: replyTs } } : {},
    );
    const renderOptions = {
      answerId,
      action: { question: question.question, channel, threadTs: replyTs, isExternal },
    };
    const whole = renderAnswer(answer, renderOptions);

    if (streamer !== undefined && streamError === undefined) {
      const tail = renderAnswer(answer, { ...renderOptions, includeText: false });
      await streamer.stop({ blocks: tail.blocks });
      if (!matchesStream(answer, streamedText) && streamer.ts) {
        // The engine settled on different text (e.g. it fell back to an extractive answer): the answer wins.
        log.info({ mode: answer.mode }, 'streamed text replaced by the final answer');
        await client.chat.update({ channel, ts: streamer.ts, text: whole.text, blocks: whole.blocks });
      }
    } else if (streamer?.ts) {
      log.warn({ err: streamError, code: errorCode(streamError) }, 'streaming failed; replacing with the whole answer');
      await client.chat.update({ channel, ts: streamer.ts, text: whole.text, blocks: whole.blocks });
    } else {
      await client.chat.postMessage({ channel, thread_ts: replyTs, text: whole.text, blocks: whole.blocks });
    }

    log.info(
      {
        kind: answer.kind,
        mode: answer.mode,
        audience,
        citations: answer.citations.length,
        streamed: streamer !== undefined,
      },
      'answered',
    );
  } catch (error) {
    log.error({ err: error, code: errorCode(error) }, 'answer failed');
    await apologise(ctx, client, { channel, replyTs, streamedTs: streamer?.ts });
  }
}

function matchesStream(answer: Answer, streamedText: string): boolean {
  return answer.mode === 'model' && streamedText.trim() === answer.text.trim();
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
    ctx.log.debug({ err: error, channel }, 'could not set the thinking status');
  }
}

async function apologise(
  ctx: SlackAppContext,
  client: WebClient,
  where: { channel: string; replyTs: string; streamedTs?: string | undefined },
): Promise<void> {
  try {
    if (where.streamedTs) {
      await client.chat.update({ channel: where.channel, ts: where.streamedTs, text: APOLOGY, blocks: [] });
    } else {
      await client.chat.postMessage({ channel: where.channel, thread_ts: where.replyTs, text: APOLOGY });
    }
  } catch (error) {
    ctx.log.error({ err: error, code: errorCode(error), channel: where.channel }, 'could not post the apology');
  }
}
