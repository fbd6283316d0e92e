import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  type OwnPostgres,
  type OwnRedis,
  ownServersMissing,
  startOwnPostgres,
  startOwnRedis,
} from './own-servers.js';
import { type StoreProcess, startStoreProcess } from './store-process.js';

// Private servers on ports of their own, free when the run starts: the shared ones on 5432 and 6379 are never touched.
let POSTGRES_PORT = 0;
let REDIS_PORT = 0;
const missing = ownServersMissing();

/** Requests until one succeeds (each waits on the store's own answer, so no sleeping), at most `attempts`. */
async function untilRecovered(store: StoreProcess, attempts = 200) {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const reply = await store.request();
    if (reply.ok) return attempt;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no successful request in ${attempts} attempts`);
}

describe.skipIf(missing !== undefined)(
  `the store rides out a server restart${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let postgres: OwnPostgres | undefined;
    let redis: OwnRedis | undefined;
    beforeAll(async () => {
      [POSTGRES_PORT, REDIS_PORT] = [await freePort(), await freePort()];
      [postgres, redis] = await Promise.all([startOwnPostgres(POSTGRES_PORT), startOwnRedis(REDIS_PORT)]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([postgres?.destroy(), redis?.destroy()]);
    }, 30_000);

    it('PostgreSQL: the process survives a stop, requests meanwhile fail with a store error naming the server, then recover', async () => {
      const server = postgres as OwnPostgres;
      const store = await startStoreProcess(server.url);
      try {
        expect(await store.request()).toEqual({ ok: true });
        await server.stop();
        const during = await store.request();
        expect(during).toMatchObject({ ok: false, code: 'store_failed' });
        expect(during.message).toContain(`PostgreSQL store at 127.0.0.1:${POSTGRES_PORT}`);
        expect(store.alive(), store.exitInfo()).toBe(true);
        await server.start();
        await untilRecovered(store);
        expect(await store.request()).toEqual({ ok: true });
        expect(store.alive(), store.exitInfo()).toBe(true);
      } finally {
        await store.close();
      }
    }, 60_000);

    it('PostgreSQL: a restart between requests (idle connections closed by the server) does not end the process', async () => {
      const server = postgres as OwnPostgres;
      const store = await startStoreProcess(server.url);
      try {
        expect(await store.request()).toEqual({ ok: true });
        await server.restart();
        await untilRecovered(store);
        expect(store.alive(), store.exitInfo()).toBe(true);
      } finally {
        await store.close();
      }
    }, 60_000);

    it('Redis: the process survives a stop, requests meanwhile fail at once with a store error, then recover', async () => {
      const server = redis as OwnRedis;
      const store = await startStoreProcess(server.url);
      try {
        expect(await store.request()).toEqual({ ok: true });
        await server.stop();
        const during = await store.request(5_000);
        expect(during).toMatchObject({ ok: false, code: 'store_failed' });
        expect(during.message).toContain(`Redis store at 127.0.0.1:${REDIS_PORT}`);
        expect(store.alive(), store.exitInfo()).toBe(true);
        await server.start();
        await untilRecovered(store, 10_000);
        expect(await store.request()).toEqual({ ok: true });
      } finally {
        await store.close();
      }
    }, 60_000);
  },
);
