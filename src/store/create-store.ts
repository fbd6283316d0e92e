import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type KeyvPostgres from '@keyv/postgres';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import { createGroupedUpsert, registerGroupedUpsert, sqliteUpsert } from './grouped-upsert.js';
import type { PooledAdapter } from './postgres-adapter.js';
import { describeStoreTarget, shortReason, toStoreError, withStoreErrors } from './store-target.js';

export type StoreKind = 'sqlite' | 'redis' | 'postgres';

/**
 * The product's one storage handle. `namespace()` gives a keyv per concern (with `throwOnErrors`, so a failed
 * write is an error); `insertIfAbsent()` is the single atomic primitive that several replicas can agree through.
 */
export type Store = {
  kind: StoreKind;
  namespace<Value>(name: string): Keyv<Value>;
  /** Writes `value` under `key` only if nothing (unexpired) is there; true when this call wrote it. Atomic across processes. */
  insertIfAbsent(namespace: string, key: string, value: unknown, options?: { ttlMs?: number }): Promise<boolean>;
  /** Reads a value written by insertIfAbsent; undefined when absent or expired. */
  readUnique<Value>(namespace: string, key: string): Promise<Value | undefined>;
  close(): Promise<void>;
};

type Envelope = { value: unknown; expires: number | null };

type Adapter = KeyvSqlite | KeyvPostgres | KeyvRedis<unknown>;

const UNIQUE_PREFIX = 'unique:';
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Opens the store named by STORE_URL: sqlite://PATH (default, a file under data/), redis://… or postgresql://….
 * A connection lost later (a server restart) is logged, never fatal: requests meanwhile reject with a StoreError
 * naming the store, and the clients reconnect by themselves.
 */
export async function createStore(url: string, options: { log?: Logger } = {}): Promise<Store> {
  const kind = storeKind(url);
  const target = describeStoreTarget(url);
  const adapters: Adapter[] = [];
  let outage = false;
  // Until the store has opened, a failure is reported once by the error createStore throws, not logged as well.
  let opened = false;
  const onConnectionError = (error: unknown) => {
    // One warning per outage, not one per retry; the next success ends it.
    if (outage || !opened) return;
    outage = true;
    options.log?.warn({ store: target, reason: shortReason(error) }, 'store connection lost; reconnecting');
  };
  const recovered = () => {
    if (!outage) return;
    outage = false;
    options.log?.info({ store: target }, 'store connection back');
  };
  // Only the chosen backend's driver is loaded.
  const Sqlite = kind === 'sqlite' ? (await import('@keyv/sqlite')).default : undefined;
  const postgres =
    kind === 'postgres'
      ? (await import('./postgres-adapter.js')).createPostgresAdapters(url, onConnectionError)
      : undefined;
  const Redis = kind === 'redis' ? (await import('@keyv/redis')).default : undefined;
  const redis =
    kind === 'redis' ? (await import('./redis-adapter.js')).createRedisAdapters(url, onConnectionError) : undefined;

  const newAdapter = (): Adapter => {
    let adapter: Adapter;
    if (Sqlite) {
      const file = sqlitePath(url);
      try {
        mkdirSync(dirname(file), { recursive: true });
      } catch (error) {
        throw toStoreError(error, target, 'create the folder for');
      }
      adapter = new Sqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
      adapter.on('error', onConnectionError);
    } else if (postgres) {
      adapter = postgres.create();
    } else if (redis) {
      adapter = redis.create();
    } else {
      throw new StoreError(`unsupported STORE_URL ${kind}`);
    }
    adapters.push(adapter);
    return withStoreErrors(adapter, target);
  };
  const closeAll = async () => {
    // Redis and PostgreSQL adapters share one client or pool, ended once; each SQLite adapter has its own file handle.
    if (kind === 'sqlite') await Promise.allSettled(adapters.map((adapter) => adapter.disconnect?.()));
    await Promise.allSettled([postgres?.end(), redis?.end()]);
  };

  const raw = newAdapter();
  const isPostgres = kind === 'postgres';
  if (kind === 'sqlite') {
    // Write-ahead logging: readers do not block the writer and each write waits on the disk far less.
    try {
      await runQuery(raw, false, 'PRAGMA journal_mode = WAL', []);
    } catch (error) {
      await closeAll();
      throw toStoreError(error, target, 'open');
    }
  }
  const namespaces = new Map<string, Keyv<unknown>>();
  // SQLite reads go through a connection of their own, so they never see another caller's open transaction.
  const reader = kind === 'sqlite' ? newAdapter() : raw;
  const insertBatched = kind === 'sqlite' || kind === 'postgres' ? createBatchedInsert(raw, isPostgres) : undefined;
  // On SQLite, rows written together go through the connection that group-commits inserts, rather than contend
  // with it for the write lock from one of their own; on PostgreSQL they join their namespace's grouped sets.
  const sqliteRows =
    kind === 'sqlite'
      ? createGroupedUpsert(sqliteUpsert((sql, ...values) => runQuery(raw, false, sql, values)))
      : undefined;

  const uniqueKey = (namespace: string, key: string) => `${UNIQUE_PREFIX}${namespace}:${key}`;

  async function insertIfAbsent(namespace: string, key: string, value: unknown, options?: { ttlMs?: number }) {
    const now = Date.now();
    const envelope: Envelope = { value, expires: options?.ttlMs ? now + options.ttlMs : null };
    const text = JSON.stringify(envelope);
    const fullKey = uniqueKey(namespace, key);
    try {
      if (Redis && raw instanceof Redis) {
        const client = await raw.getClient();
        const reply = await client.set(fullKey, text, {
          condition: 'NX',
          ...(options?.ttlMs ? { expiration: { type: 'PX', value: options.ttlMs } } : {}),
        });
        return reply === 'OK';
      }
      if (insertBatched) return await insertBatched(fullKey, text);
      // PostgreSQL (and SQLite) share the keyv table; an expired row may be taken over in the same statement.
      const placeholder = isPostgres ? ['$1', '$2', '$3'] : ['?', '?', '?'];
      const expiresOf = isPostgres ? `(keyv.value::json->>'expires')::bigint` : `json_extract(keyv.value, '$.expires')`;
      const sql = `INSERT INTO keyv (key, value) VALUES (${placeholder[0]}, ${placeholder[1]})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        WHERE ${expiresOf} IS NOT NULL AND ${expiresOf} < ${placeholder[2]}
        RETURNING key`;
      const rows = await runQuery(raw, isPostgres, sql, [fullKey, text, now]);
      recovered();
      return rows.length === 1;
    } catch (error) {
      throw new StoreError(`could not write ${namespace} record to the ${target}: ${shortReason(error)}`, {
        cause: error,
      });
    }
  }

  async function readUnique<Value>(namespace: string, key: string): Promise<Value | undefined> {
    const fullKey = uniqueKey(namespace, key);
    let text: string | undefined;
    try {
      if (Redis && raw instanceof Redis) {
        const client = await raw.getClient();
        text = (await client.get(fullKey)) ?? undefined;
      } else {
        const placeholder = isPostgres ? '$1' : '?';
        const rows = await runQuery(reader, isPostgres, `SELECT value FROM keyv WHERE key = ${placeholder}`, [fullKey]);
        text = rows[0]?.value;
      }
      recovered();
    } catch (error) {
      throw new StoreError(`could not read ${namespace} record from the ${target}: ${shortReason(error)}`, {
        cause: error,
      });
    }
    if (text === undefined) return undefined;
    const envelope = JSON.parse(text) as Envelope;
    if (envelope.expires !== null && envelope.expires < Date.now()) return undefined;
    return envelope.value as Value;
  }

  // Make sure the connection works (and the table exists) before anything relies on it; a server that never
  // answers fails start-up instead of hanging it (the clients themselves keep reconnecting later on).
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await redis?.connect();
        await readUnique('health', 'probe');
      })(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    await closeAll();
    const reason = error instanceof StoreError && error.cause !== undefined ? error.cause : error;
    throw new StoreError(`cannot open the ${target}: ${shortReason(reason)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  opened = true;

  return {
    kind,
    namespace<Value>(name: string): Keyv<Value> {
      const existing = namespaces.get(name);
      if (existing) return existing as Keyv<Value>;
      const adapter = newAdapter();
      const rows = sqliteRows ?? (isPostgres ? (adapter as PooledAdapter).upsert : undefined);
      if (rows) registerGroupedUpsert(adapter, rows);
      const keyv = new Keyv<Value>({ store: adapter, namespace: name, throwOnErrors: true });
      keyv.on('error', onConnectionError);
      namespaces.set(name, keyv as Keyv<unknown>);
      return keyv;
    },
    insertIfAbsent,
    readUnique,
    close: closeAll,
  };
}

function storeKind(url: string): StoreKind {
  if (url.startsWith('sqlite://')) return 'sqlite';
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return 'redis';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new StoreError(`unsupported STORE_URL scheme in ${url.split('://')[0]}://`);
}

function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite://'.length));
}

type PendingInsert = { key: string; text: string; resolve(inserted: boolean): void; reject(error: unknown): void };

const MAX_BATCH = 500;

/**
 * Group commit for insert-if-absent (SQLite and PostgreSQL): inserts that arrive while one is being written wait and then go in
 * together as one multi-row statement, so concurrent writers share one wait for the disk. One statement keeps it
 * atomic and holds no lock between calls. Each caller is answered only after its row is committed.
 */
function createBatchedInsert(adapter: Adapter, isPostgres: boolean): (key: string, text: string) => Promise<boolean> {
  const waiting: PendingInsert[] = [];
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: PendingInsert[]): Promise<void> {
    // The first write of a key in a batch is the one that can win; later ones for the same key lose to it.
    const first = new Map<string, PendingInsert>();
    for (const pending of batch) if (!first.has(pending.key)) first.set(pending.key, pending);
    const rows = [...first.values()];
    const expiresOf = isPostgres ? `(keyv.value::json->>'expires')::bigint` : "json_extract(keyv.value, '$.expires')";
    const at = (n: number) => (isPostgres ? `$${n}` : '?');
    const sql = `INSERT INTO keyv (key, value) VALUES ${rows.map((_, n) => `(${at(2 * n + 1)}, ${at(2 * n + 2)})`).join(', ')}
      ON CONFLICT (key) DO UPDATE SET value = excluded.value
      WHERE ${expiresOf} IS NOT NULL AND ${expiresOf} < ${at(2 * rows.length + 1)}
      RETURNING key`;
    try {
      const inserted = await runQuery(adapter, isPostgres, sql, [
        ...rows.flatMap((pending) => [pending.key, pending.text]),
        Date.now(),
      ]);
      const keys = new Set(inserted.map((row) => (row as { key?: string }).key));
      for (const pending of batch) pending.resolve(first.get(pending.key) === pending && keys.has(pending.key));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }

  return (key, text) =>
    new Promise((resolve, reject) => {
      waiting.push({ key, text, resolve, reject });
      if (waiting.length > 1) return; // a write is already queued for this batch
      writing = writing.then(async () => {
        while (waiting.length > 0) await write(waiting.splice(0, MAX_BATCH));
      });
    });
}

/** Runs SQL on the SQLite or PostgreSQL adapter's own connection (their `query` functions differ in arguments). */
async function runQuery(
  adapter: Adapter,
  isPostgres: boolean,
  sql: string,
  values: unknown[],
): Promise<{ value?: string }[]> {
  if (isPostgres) return (await (adapter as KeyvPostgres).query(sql, values)) as { value?: string }[];
  return (await (adapter as KeyvSqlite).query(sql, ...values)) as { value?: string }[];
}
