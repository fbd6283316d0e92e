import type { Answer, Answerer, Turn } from '../answer/answer.js';
import { errorCode } from '../errors.js';
import type { Audience } from '../knowledge/article-schema.js';
import type { Logger } from '../log.js';
import type { QuestionLog } from '../reports/question-log.js';
import { recordQuestion } from '../reports/record-question.js';
import type { AnswerRecords, ChannelThread } from './answer-records.js';
import { type AnswerView, buildAnswerView } from './answer-view.js';
import { type EventClaims, eventKey } from './event-claims.js';
import { lastTurns } from './history.js';
import { APOLOGY, EMPTY_QUESTION, rateLimitedText } from './labels.js';
import type { RateLimit } from './rate-limit.js';

/** Who is asking, as the transport established it. */
export type Asker = {
  /** Platform user id. */
  id: string;
  audience: Audience;
  /** Outside the organisation (Slack Connect, a Teams guest or another tenant): public articles, no enquiry buttons. */
  isExternal: boolean;
  isOfficer: boolean;
};

/** One incoming question, platform-free. */
export type IncomingQuestion = {
  platform: 'slack' | 'teams';
  /** The platform's id for this delivery (Slack event_id, Teams activity id): repeats are dropped. */
  eventId?: string | undefined;
  question: string;
  /** Resolved only after dedupe and the rate limit, so repeats cost no lookups. */
  asker: () => Promise<Asker>;
  /** Where it is answered: a channel/conversation id; `thread` when the answer starts a channel thread. */
  where: { channel: string; thread?: ChannelThread | undefined };
  /** Earlier turns (read lazily, cut to the shared history length). */
  history?: () => Promise<Turn[]>;
  /** Text as the model writes it, for streaming transports. */
  onText?: (delta: string) => void;
  /**
   * Set by a transport that shows the answer first and then awaits the outcome's `kept` (the question kept for
   * reports), so the asker does not wait on that write; otherwise `handle` waits for it before answering.
   */
  keepAfterReply?: boolean;
};

export type ConversationOutcome =
  | { kind: 'repeat' }
  | { kind: 'empty'; text: string }
  | { kind: 'rate-limited'; text: string }
  | {
      kind: 'answered';
      view: AnswerView;
      answer: Answer;
      asker: Asker;
      /** Settles once the question is in the question log (or could not be kept, which is logged); never rejects. */
      kept: Promise<void>;
    }
  | { kind: 'failed'; text: string };

export type Conversation = {
  handle(incoming: IncomingQuestion): Promise<ConversationOutcome>;
  records: AnswerRecords;
  /** Closes the shared rate-limit connection, if one was opened. */
  close(): Promise<void>;
};

export type ConversationDeps = {
  answerer: Answerer;
  records: AnswerRecords;
  claims: EventClaims;
  rateLimit: RateLimit;
  limitPerMinute: number;
  log: Logger;
  now: () => Date;
  /** Where questions are kept for reports and the knowledge-gaps digest; none kept without it. */
  questions?: Pick<QuestionLog, 'record'>;
};

/**
 * The per-question flow both transports share: drop repeats, hold the rate limit, read history, answer, keep the
 * record, and hand back the answer view. Never throws: a fault becomes the apology outcome.
 */
export function createConversation(deps: ConversationDeps): Conversation {
  return {
    records: deps.records,
    close: () => deps.rateLimit.close(),
    async handle(incoming) {
      const { platform, eventId } = incoming;
      if (deps.claims.claimHere(platform, eventId) === 'repeat') return { kind: 'repeat' };
      // The event is claimed in the store once. An answer's record is its claim (one write per question); a
      // streamed answer is shown while it is written, so it is claimed before; any other reply claims it before
      // it is given. A retry that reached another replica first is then dropped, whichever path it took.
      const claim = { made: false };
      const claimInStore = async () => {
        claim.made = true;
        return (await deps.claims.claimInStore(platform, eventId)) !== 'repeat';
      };
      if (incoming.onText !== undefined && !(await claimInStore())) return { kind: 'repeat' };
      const outcome = await answerQuestion(deps, incoming, claim);
      if (outcome.kind === 'answered' || outcome.kind === 'repeat' || claim.made) return outcome;
      return (await claimInStore()) ? outcome : { kind: 'repeat' };
    },
  };
}

/** Everything after the dedupe: the rate limit, history, the answer and its record. Never throws. */
async function answerQuestion(
  deps: ConversationDeps,
  incoming: IncomingQuestion,
  claim: { made: boolean },
): Promise<ConversationOutcome> {
  const { log } = deps;
  const { platform, eventId } = incoming;
  let askerId: string | undefined;
  try {
    const question = incoming.question.trim();
    if (question === '') return { kind: 'empty', text: EMPTY_QUESTION };
    const asker = await incoming.asker();
    askerId = asker.id;
    if (!(await deps.rateLimit.tryTake(`${platform}:${asker.id}`))) {
      log.info({ platform }, 'rate limited');
      return { kind: 'rate-limited', text: rateLimitedText(deps.limitPerMinute) };
    }
    const history = incoming.history ? lastTurns(await readHistory(incoming.history, log)) : [];
    const answer = await deps.answerer.answer({
      question,
      history,
      audience: asker.audience,
      ...(incoming.onText !== undefined && { onText: incoming.onText }),
    });
    const record = {
      question,
      answer,
      audience: asker.audience,
      isExternal: asker.isExternal,
      channel: incoming.where.channel,
      at: deps.now().toISOString(),
    };
    const thread = incoming.where.thread ? { thread: incoming.where.thread } : {};
    const answerId =
      claim.made || eventId === undefined
        ? await deps.records.save(record, thread)
        : await deps.records.saveOnce({ ...record, event: eventKey(platform, eventId) }, thread);
    claim.made = true;
    if (answerId === 'repeat') {
      log.info({ eventId, platform }, 'ignored a repeated event');
      return { kind: 'repeat' };
    }
    const kept = recordQuestion(deps.questions, { platform, userId: asker.id, question, answer, answerId }, log).catch(
      (error: unknown) => log.warn({ err: error, platform }, 'question not kept for reports'),
    );
    if (!incoming.keepAfterReply) await kept;
    const view = buildAnswerView(answer, { answerId, question, isExternal: asker.isExternal });
    return { kind: 'answered', view, answer, asker, kept };
  } catch (error) {
    log.error(
      {
        err: error,
        code: errorCode(error),
        platform,
        channel: incoming.where.channel,
        ...(askerId !== undefined && { userId: askerId }),
      },
      'answer failed',
    );
    return { kind: 'failed', text: APOLOGY };
  }
}

/** Earlier turns, or none when they cannot be read: a question is answered without its history, never dropped. */
async function readHistory(read: () => Promise<Turn[]>, log: Logger): Promise<Turn[]> {
  try {
    return await read();
  } catch (error) {
    log.warn({ err: error, code: errorCode(error) }, 'could not read the conversation history; answering without it');
    return [];
  }
}
