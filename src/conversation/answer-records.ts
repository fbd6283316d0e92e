import { createHash, randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import type { Audience } from '../knowledge/article-schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';

/** An answer as it was shown, kept so feedback is stored with its question and sources and "Share" can repost it. */
export type AnswerRecord = {
  id: string;
  question: string;
  answer: Answer;
  audience: Audience;
  isExternal: boolean;
  /** Where it was shown: a Slack channel id or a Teams conversation id. */
  channel: string;
  at: string;
  /** The delivery it answered (platform and event id), when there was one: the record is that event's claim. */
  event?: string;
};

export type ChannelThread = { channel: string; ts: string };

/**
 * Answers shown on any platform. The first answer in a channel thread is stored as that thread's answer, and that is
 * how the thread is remembered as answered (follow-ups there need no new mention): one write per answer, shared by
 * every replica through the store.
 */
export type AnswerRecords = {
  /** Stores an answer and returns its id; `thread` marks a channel thread the answer starts. A failed write still returns an id. */
  save(record: Omit<AnswerRecord, 'id'>, options?: { thread?: ChannelThread }): Promise<string>;
  /**
   * Stores the answer to one delivery (`record.event`), as its claim: 'repeat' when another delivery of the same
   * event (a retry, on this replica or another) has already stored its answer, which is then not shown again. One
   * write, under the thread (if it starts one) or an id made from the event; a failed write still returns an id.
   */
  saveOnce(
    record: Omit<AnswerRecord, 'id'> & { event: string },
    options?: { thread?: ChannelThread },
  ): Promise<string | 'repeat'>;
  get(id: string): Promise<AnswerRecord | undefined>;
  isThreadAnswered(thread: ChannelThread): Promise<boolean>;
};

const RECORD_TTL_MS = 90 * 24 * 3_600_000;
const NAMESPACE = 'slack-answers';

export function createAnswerRecords(store: Store, log?: Logger): AnswerRecords {
  const threadAnswerId = ({ channel, ts }: ChannelThread) => `thread-${channel}-${ts.replace('.', '-')}`;
  return {
    async save(record, options = {}) {
      try {
        if (options.thread) {
          const id = threadAnswerId(options.thread);
          if (await store.insertIfAbsent(NAMESPACE, id, { ...record, id }, { ttlMs: RECORD_TTL_MS })) return id;
          // The thread already has its first answer: this one is stored on its own.
        }
        const id = randomUUID();
        await store.insertIfAbsent(NAMESPACE, id, { ...record, id }, { ttlMs: RECORD_TTL_MS });
        return id;
      } catch (error) {
        // The answer is still shown; only feedback and sharing lose their link to it.
        log?.error({ err: error }, 'could not store the answer record');
        return randomUUID();
      }
    },
    async saveOnce(record, options = {}) {
      try {
        if (options.thread) {
          const id = threadAnswerId(options.thread);
          if (await store.insertIfAbsent(NAMESPACE, id, { ...record, id }, { ttlMs: RECORD_TTL_MS })) return id;
          // The thread has its first answer already: this event's own, or another question's in the same thread.
          const first = await store.readUnique<AnswerRecord>(NAMESPACE, id);
          if (first?.event === record.event) return 'repeat';
        }
        const id = eventAnswerId(record.event);
        if (await store.insertIfAbsent(NAMESPACE, id, { ...record, id }, { ttlMs: RECORD_TTL_MS })) return id;
        return 'repeat';
      } catch (error) {
        // The answer is still shown (a store that cannot say must not silence it); feedback loses its link to it.
        log?.error({ err: error, event: record.event }, 'could not record the event claim; answering anyway');
        return randomUUID();
      }
    },
    async get(id) {
      return store.readUnique<AnswerRecord>(NAMESPACE, id);
    },
    async isThreadAnswered(thread) {
      return (await store.readUnique<AnswerRecord>(NAMESPACE, threadAnswerId(thread))) !== undefined;
    },
  };
}

/** An answer id made from the event it answers (the same on every replica); safe in button values and the question log. */
function eventAnswerId(event: string): string {
  return `event-${createHash('sha256').update(event).digest('hex').slice(0, 32)}`;
}
