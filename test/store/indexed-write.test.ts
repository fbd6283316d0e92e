import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIndexSets } from '../../src/enquiries/index-set.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { createIndexedWrite } from '../../src/store/indexed-write.js';
import { storeBackends } from '../helpers/store-urls.js';

type Note = { text: string; n?: number };

for (const backend of storeBackends()) {
  describe.skipIf(!backend.enabled)(backend.title('a value written with its index entries'), () => {
    const opened: Store[] = [];
    const open = async (url: string) => {
      const store = await createStore(url);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      vi.useRealTimers();
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    /** A namespace of its own (the servers are shared), its index sets, and the writer under test. */
    const notes = (store: Store, name: string) => {
      const keyv = store.namespace<Note>(name) as unknown as Keyv<unknown>;
      return {
        keyv,
        sets: createIndexSets(keyv, `${name}:`),
        write: createIndexedWrite(keyv, `${name}:`),
      };
    };

    it('reads back, value and index, after the store is closed and opened again', async () => {
      const url = backend.url();
      const name = `notes-${randomUUID()}`;
      const first = notes(await open(url), name);
      await first.write('a', { text: ':wave: starts with a colon' }, { sets: ['day:2026-11-23', 'all'] });
      await Promise.all(opened.splice(0).map((store) => store.close()));

      const again = notes(await open(url), name);
      expect(await again.keyv.get('a')).toEqual({ text: ':wave: starts with a colon' });
      expect(await again.sets.members('day:2026-11-23')).toEqual(['a']);
      expect(await again.sets.members('all')).toEqual(['a']);
      expect(await again.sets.members('day:2026-11-24')).toEqual([]);
    });

    it('keeps every one of many concurrent writes, each in its own set', async () => {
      const { keyv, sets, write } = notes(await open(backend.url()), `notes-${randomUUID()}`);
      const keys = Array.from({ length: 60 }, (_, n) => `k${String(n).padStart(2, '0')}`);
      await Promise.all(keys.map((key, n) => write(key, { text: key, n }, { sets: [`day:${n % 3}`] })));

      expect(await keyv.getMany(keys)).toEqual(keys.map((key, n) => ({ text: key, n })));
      for (const day of [0, 1, 2]) {
        expect((await sets.members(`day:${day}`)).sort()).toEqual(keys.filter((_, n) => n % 3 === day));
      }
    });

    it('keeps the later of two concurrent writes of one key', async () => {
      const { keyv, sets, write } = notes(await open(backend.url()), `notes-${randomUUID()}`);
      await Promise.all([
        write('same', { text: 'first' }, { sets: ['all'] }),
        write('same', { text: 'second' }, { sets: ['all'] }),
      ]);
      expect(await keyv.get('same')).toEqual({ text: 'second' });
      expect(await sets.members('all')).toEqual(['same']);
    });

    it('is gone once its time to live has passed, like any other value', async () => {
      const { keyv, write } = notes(await open(backend.url()), `notes-${randomUUID()}`);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
      await write('brief', { text: 'kept a minute' }, { ttlMs: 60_000, sets: ['all'] });
      expect(await keyv.get('brief')).toEqual({ text: 'kept a minute' });
      vi.setSystemTime(new Date('2026-11-23T09:02:00Z'));
      expect(await keyv.get('brief')).toBeUndefined();
    });
  });
}
