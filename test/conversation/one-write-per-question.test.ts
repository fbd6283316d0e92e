import { afterEach, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import {
  type Asker,
  createAnswerRecords,
  createConversation,
  createEventClaims,
  createRateLimit,
  type IncomingQuestion,
} from '../../src/conversation/index.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { captureLogLines } from '../helpers/capture-log.js';
import { tempSqliteUrl } from '../helpers/store-urls.js';
import { answerWithSources, fixtureAnswerer } from '../slack/fixture-answers.js';

const STAFF: Asker = { id: 'U0STAFF', audience: 'staff', isExternal: false, isOfficer: false };

/** Counts every write the conversation makes through the store (claims and answer records). */
function countingWrites(store: Store): Store & { writes: string[] } {
  const writes: string[] = [];
  return {
    ...store,
    writes,
    insertIfAbsent: (namespace, key, value, options) => {
      writes.push(`${namespace}/${key}`);
      return store.insertIfAbsent(namespace, key, value, options);
    },
  };
}

/** One replica's conversation flow on a shared store (its own memory of claims, as a separate process has). */
function replica(store: Store, answerer: Answerer, limitPerMinute = 10) {
  const { log } = captureLogLines();
  return createConversation({
    answerer,
    records: createAnswerRecords(store, log),
    claims: createEventClaims(store, log),
    rateLimit: createRateLimit({ storeUrl: 'sqlite://memory', limitPerMinute, log }),
    limitPerMinute,
    log,
    now: () => new Date('2026-11-23T10:00:00Z'),
  });
}

function question(eventId: string, overrides: Partial<IncomingQuestion> = {}): IncomingQuestion {
  return {
    platform: 'slack',
    eventId,
    question: 'Who pays the apprenticeship levy?',
    asker: async () => STAFF,
    where: { channel: 'D0DM' },
    ...overrides,
  };
}

describe('one store write per answered question, with retries still answered once on every replica', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('stores a DM answer and a thread-starting answer with one write each: the record is the claim', async () => {
    store = await createStore(tempSqliteUrl());
    const counted = countingWrites(store);
    const conversation = replica(
      counted,
      fixtureAnswerer(() => answerWithSources()),
    );
    const dm = await conversation.handle(question('EvDM1'));
    const mention = await conversation.handle(
      question('EvMENTION1', {
        where: { channel: 'C0STAFF', thread: { channel: 'C0STAFF', ts: '1700000000.000100' } },
      }),
    );
    expect([dm.kind, mention.kind]).toEqual(['answered', 'answered']);
    expect(counted.writes).toHaveLength(2);
    expect(counted.writes[1]).toBe('slack-answers/thread-C0STAFF-1700000000-000100');
    expect(await conversation.records.isThreadAnswered({ channel: 'C0STAFF', ts: '1700000000.000100' })).toBe(true);
  });

  it('shows a retry that reached another replica (or this one after a restart) once', async () => {
    store = await createStore(tempSqliteUrl());
    const answerer = fixtureAnswerer(() => answerWithSources());
    const thread = { channel: 'C0STAFF', ts: '1700000000.000200' };
    for (const first of [question('EvDM2'), question('EvMENTION2', { where: { channel: 'C0STAFF', thread } })]) {
      expect((await replica(store, answerer).handle(first)).kind).toBe('answered');
      expect((await replica(store, answerer).handle(first)).kind).toBe('repeat');
    }
  });

  it('tells a second question in an answered thread from a retry of it', async () => {
    store = await createStore(tempSqliteUrl());
    const answerer = fixtureAnswerer(() => answerWithSources());
    const thread = { channel: 'C0STAFF', ts: '1700000000.000300' };
    const opening = question('EvOPEN', { where: { channel: 'C0STAFF', thread } });
    const second = question('EvSECOND', { where: { channel: 'C0STAFF', thread } });
    expect((await replica(store, answerer).handle(opening)).kind).toBe('answered');
    const answered = await replica(store, answerer).handle(second);
    expect(answered.kind).toBe('answered');
    expect((await replica(store, answerer).handle(second)).kind).toBe('repeat');
    // Each answer keeps its own record: feedback on the second finds the second question.
    const id = answered.kind === 'answered' ? answered.view.answerId : '';
    expect(id).toMatch(/^event-[0-9a-f]{32}$/);
    expect((await store.readUnique<{ event: string }>('slack-answers', id))?.event).toBe('slack:EvSECOND');
  });

  it('claims a reply that stores no answer (empty, rate limited) before giving it, once across replicas', async () => {
    store = await createStore(tempSqliteUrl());
    const answerer = fixtureAnswerer(() => answerWithSources());
    const empty = question('EvEMPTY', { question: '   ' });
    expect((await replica(store, answerer).handle(empty)).kind).toBe('empty');
    expect((await replica(store, answerer).handle(empty)).kind).toBe('repeat');
    const limited = question('EvLIMITED');
    expect((await replica(store, answerer, 0).handle(limited)).kind).toBe('rate-limited');
    expect((await replica(store, answerer, 0).handle(limited)).kind).toBe('repeat');
    expect(answerer.requests).toEqual([]);
  });

  it('claims a streamed answer before it is written, so another replica never starts a second stream', async () => {
    store = await createStore(tempSqliteUrl());
    const counted = countingWrites(store);
    const answerer = fixtureAnswerer(() => answerWithSources({ mode: 'model' }));
    const streamed = question('EvSTREAM', { onText: () => {} });
    expect((await replica(counted, answerer).handle(streamed)).kind).toBe('answered');
    expect((await replica(counted, answerer).handle(streamed)).kind).toBe('repeat');
    expect(answerer.requests).toHaveLength(1);
    expect(counted.writes[0]).toBe('conversation-events/slack:EvSTREAM');
  });

  it('drops a retry on the same replica from memory, without asking the answerer or the store again', async () => {
    store = await createStore(tempSqliteUrl());
    const counted = countingWrites(store);
    const answerer = fixtureAnswerer(() => answerWithSources());
    const conversation = replica(counted, answerer);
    expect((await conversation.handle(question('EvSAME'))).kind).toBe('answered');
    expect((await conversation.handle(question('EvSAME'))).kind).toBe('repeat');
    expect(answerer.requests).toHaveLength(1);
    expect(counted.writes).toHaveLength(1);
  });
});
