import { randomUUID } from 'node:crypto';
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
    async get(id) {
      return store.readUnique<AnswerRecord>(NAMESPACE, id);
    },
    async isThreadAnswered(thread) {
      return (await store.readUnique<AnswerRecord>(NAMESPACE, threadAnswerId(thread))) !== undefined;
    },
  };
}
