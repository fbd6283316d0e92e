import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/answer.js';
import type { Audience } from '../knowledge/article-schema.js';
import type { Store } from '../store/create-store.js';

/** An answer as it was shown, kept so feedback is stored with its question and sources and "Share" can repost it. */
export type AnswerRecord = {
  id: string;
  question: string;
  answer: Answer;
  audience: Audience;
  isExternal: boolean;
  channel: string;
  at: string;
};

export type AnswerRecords = {
  newId(): string;
  save(record: AnswerRecord): Promise<void>;
  get(id: string): Promise<AnswerRecord | undefined>;
};

const RECORD_TTL_MS = 90 * 24 * 3_600_000;

const NAMESPACE = 'slack-answers';

/** Records are written once under a fresh id, so the store's single-statement insert is all they need. */
export function createAnswerRecords(store: Store): AnswerRecords {
  return {
    newId: () => randomUUID(),
    async save(record) {
      await store.insertIfAbsent(NAMESPACE, record.id, record, { ttlMs: RECORD_TTL_MS });
    },
    async get(id) {
      return store.readUnique<AnswerRecord>(NAMESPACE, id);
    },
  };
}
