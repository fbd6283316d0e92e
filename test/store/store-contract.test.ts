import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { storeBackends } from '../helpers/store-urls.js';

for (const backend of storeBackends()) {
  describe.skipIf(!backend.enabled)(backend.title('store contract'), () => {
    const opened: Store[] = [];
    const open = async () => {
      const store = await createStore(backend.url());
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      vi.useRealTimers();
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('keeps values per namespace', async () => {
      const store = await open();
      const key = randomUUID();
      await store.namespace<{ n: number }>('alpha').set(key, { n: 1 });
      await store.namespace<{ n: number }>('beta').set(key, { n: 2 });
      expect(await store.namespace('alpha').get(key)).toEqual({ n: 1 });
      expect(await store.namespace('beta').get(key)).toEqual({ n: 2 });
    });

    it('expires cached values after their time to live', async () => {
      const store = await open();
      const cache = store.namespace<string>(`ttl-${randomUUID()}`);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
      await cache.set('answer', 'cached', 60_000);
      expect(await cache.get('answer')).toBe('cached');
      vi.setSystemTime(new Date('2026-11-23T09:02:00Z'));
      expect(await cache.get('answer')).toBeUndefined();
    });

    it('lets exactly one of many concurrent writers insert a key, across connections', async () => {
      const url = backend.url();
      const first = await createStore(url);
      const second = await createStore(url);
      opened.push(first, second);
      const key = randomUUID();
      const attempts = Array.from({ length: 20 }, (_, n) =>
        (n % 2 === 0 ? first : second).insertIfAbsent('race', key, { n }),
      );
      const results = await Promise.all(attempts);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await second.readUnique('race', key)).toEqual({ n: winner });
    });

    it('writes every one of many concurrent inserts of different keys', async () => {
      const store = await open();
      const keys = Array.from({ length: 50 }, () => randomUUID());
      const results = await Promise.all(keys.map((key, n) => store.insertIfAbsent('many', key, { n })));
      expect(results.every(Boolean)).toBe(true);
      const values = await Promise.all(keys.map((key) => store.readUnique('many', key)));
      expect(values).toEqual(keys.map((_, n) => ({ n })));
    });

    it('refuses a second insert of the same key and leaves the first value', async () => {
      const store = await open();
      const key = randomUUID();
      expect(await store.insertIfAbsent('once', key, 'first')).toBe(true);
      expect(await store.insertIfAbsent('once', key, 'second')).toBe(false);
      expect(await store.readUnique('once', key)).toBe('first');
      expect(await store.readUnique('once', randomUUID())).toBeUndefined();
    });

    it.skipIf(backend.name === 'redis')('lets an expired unique key be taken again', async () => {
      const store = await open();
      const key = randomUUID();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
      expect(await store.insertIfAbsent('lease', key, 'a', { ttlMs: 1_000 })).toBe(true);
      expect(await store.insertIfAbsent('lease', key, 'b', { ttlMs: 1_000 })).toBe(false);
      vi.setSystemTime(new Date('2026-11-23T09:00:05Z'));
      expect(await store.readUnique('lease', key)).toBeUndefined();
      expect(await store.insertIfAbsent('lease', key, 'c', { ttlMs: 1_000 })).toBe(true);
    });

    // A closed Redis client reconnects on the next command, so this failure is only reachable on the SQL stores.
    it.skipIf(backend.name === 'redis')('makes a failed write an error rather than a silent false', async () => {
      const store = await createStore(backend.url());
      const keyv = store.namespace<string>('closed');
      await store.close();
      await expect(keyv.set('k', 'v')).rejects.toThrow();
      await expect(store.insertIfAbsent('closed', 'k', 'v')).rejects.toThrow(StoreError);
    });
  });
}

describe('createStore', () => {
  it('fails start-up with a StoreError when the server cannot be reached', async () => {
    await expect(createStore('redis://127.0.0.1:1')).rejects.toThrow(StoreError);
  });

  it('rejects an unknown scheme', async () => {
    await expect(createStore('mysql://localhost/x')).rejects.toThrow(/unsupported STORE_URL scheme/);
  });
});
