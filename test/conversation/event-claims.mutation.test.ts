import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventClaims } from '../../src/conversation/event-claims.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { captureLogLines } from '../helpers/capture-log.js';
import { tempSqliteUrl } from '../helpers/store-urls.js';

const HOUR_MS = 3_600_000;

/** A store that never remembers a claim (every insert "wins"), so only this process's own memory can spot a repeat. */
function forgetfulStore(): Store & { inserts: { namespace: string; key: string; ttlMs: number | undefined }[] } {
  const inserts: { namespace: string; key: string; ttlMs: number | undefined }[] = [];
  return {
    kind: 'sqlite',
    inserts,
    namespace: () => {
      throw new Error('not used');
    },
    insertIfAbsent: async (namespace, key, _value, options) => {
      inserts.push({ namespace, key, ttlMs: options?.ttlMs });
      return true;
    },
    readUnique: async () => undefined,
    close: async () => {},
  };
}

/** A store whose writes fail, as when PostgreSQL or Redis is down. */
function failingStore(): Store {
  return {
    ...forgetfulStore(),
    insertIfAbsent: async () => {
      throw new Error('connection refused');
    },
  };
}

describe('event claims (Slack retries and Teams re-deliveries answered once)', () => {
  let store: Store | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await store?.close();
    store = undefined;
  });

  it('answers the first delivery of an event and drops the retry, logging that it did', async () => {
    store = await createStore(tempSqliteUrl());
    const captured = captureLogLines();
    const claims = createEventClaims(store, captured.log);
    expect(await claims.claim('slack', 'Ev01')).toBe('first');
    expect(captured.messages()).not.toContain('ignored a repeated event');
    expect(await claims.claim('slack', 'Ev01')).toBe('repeat');
    expect(captured.lines.filter((line) => line.msg === 'ignored a repeated event')).toMatchObject([
      { eventId: 'Ev01', platform: 'slack' },
    ]);
  });

  it('drops a retry that reaches another replica sharing the store', async () => {
    store = await createStore(tempSqliteUrl());
    const first = createEventClaims(store, captureLogLines().log);
    const captured = captureLogLines();
    const second = createEventClaims(store, captured.log);
    expect(await first.claim('slack', 'Ev02')).toBe('first');
    expect(await second.claim('slack', 'Ev02')).toBe('repeat');
    expect(captured.lines).toMatchObject([{ msg: 'ignored a repeated event', eventId: 'Ev02', platform: 'slack' }]);
  });

  it('keeps Slack and Teams apart: the same id on the two platforms is two events', async () => {
    store = await createStore(tempSqliteUrl());
    const claims = createEventClaims(store, captureLogLines().log);
    expect(await claims.claim('slack', 'X1')).toBe('first');
    expect(await claims.claim('teams', 'X1')).toBe('first');
    expect(await claims.claim('slack', 'X2')).toBe('first');
  });

  it('answers every message that carries no event id (nothing to dedupe on)', async () => {
    const forgetful = forgetfulStore();
    const claims = createEventClaims(forgetful, captureLogLines().log);
    expect(await claims.claim('slack', undefined)).toBe('first');
    expect(await claims.claim('slack', undefined)).toBe('first');
    expect(forgetful.inserts).toEqual([]);
  });

  it('records each claim in its own namespace for one hour', async () => {
    const forgetful = forgetfulStore();
    const claims = createEventClaims(forgetful, captureLogLines().log);
    await claims.claim('teams', 'act-1');
    expect(forgetful.inserts).toEqual([{ namespace: 'conversation-events', key: 'teams:act-1', ttlMs: HOUR_MS }]);
  });

  it('remembers its own claims for an hour, even when the store forgets, and not a moment longer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const forgetful = forgetfulStore();
    const claims = createEventClaims(forgetful, captureLogLines().log);
    expect(await claims.claim('slack', 'Ev03')).toBe('first');
    vi.setSystemTime(new Date('2026-11-23T10:59:59.999Z'));
    expect(await claims.claim('slack', 'Ev03')).toBe('repeat');
    // The repeat was caught without asking the store.
    expect(forgetful.inserts).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-23T11:00:00.000Z'));
    expect(await claims.claim('slack', 'Ev03')).toBe('first');
  });

  it('answers anyway when the store cannot record the claim, says so in the log, and still drops the retry', async () => {
    const captured = captureLogLines();
    const claims = createEventClaims(failingStore(), captured.log);
    expect(await claims.claim('slack', 'Ev04')).toBe('unknown');
    expect(captured.lines).toMatchObject([
      { msg: 'could not record the event claim; answering anyway', eventId: 'Ev04', platform: 'slack' },
    ]);
    expect(captured.lines[0]?.level).toBe(50);
    expect(await claims.claim('slack', 'Ev04')).toBe('repeat');
  });

  it('keeps recent claims when it clears out expired ones from memory', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const forgetful = forgetfulStore();
    const claims = createEventClaims(forgetful, captureLogLines().log);
    await claims.claim('slack', 'old');
    vi.setSystemTime(new Date('2026-11-23T11:30:00.000Z'));
    await claims.claim('slack', 'recent');
    // Enough other events to make it clear out memory (more than 20,000 held).
    for (let index = 0; index < 20_000; index += 1) await claims.claim('slack', `busy-${index}`);
    expect(await claims.claim('slack', 'recent')).toBe('repeat');
    expect(await claims.claim('slack', 'old')).toBe('first');
  });
});
