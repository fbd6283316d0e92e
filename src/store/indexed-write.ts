import type KeyvRedis from '@keyv/redis';
import type Keyv from 'keyv';
import { StoreError } from '../errors.js';
import { groupedUpsertOf, type Row } from './grouped-upsert.js';
import { shortReason } from './store-target.js';

/** Writes a value and adds its key to index sets, as one store operation. */
export type IndexedWrite = (key: string, value: unknown, options: { ttlMs?: number; sets: string[] }) => Promise<void>;

/** The part of a node-redis MULTI used here (its full chained type is very costly for the type checker). */
type RedisTransaction = {
  sAdd(key: string, member: string): unknown;
  set(key: string, value: string, options: { expiration?: { type: 'PX'; value: number } }): unknown;
  exec(): Promise<unknown>;
};

// The index layout of createIndexSets (src/enquiries/index-set.ts): on SQL stores a row per member under
// `set:<prefix><set>:<member>` holding '1', on Redis a Redis set under `set:<prefix><set>:`.
const setKey = (prefix: string, set: string) => `set:${prefix}${set}:`;

/**
 * Writes `value` under `key` in `keyv` (a namespace from the store; read back by `keyv.get`, expiring after
 * `ttlMs`) and adds `key` to each of `sets` (read back by `createIndexSets(keyv, prefix).members`), together:
 * on SQLite and PostgreSQL one upsert statement, group-committed with concurrent writes; on Redis one MULTI.
 * The value and its index entries are kept together or not at all.
 */
export function createIndexedWrite(keyv: Keyv<unknown>, prefix: string): IndexedWrite {
  const adapter = keyv.store as object;
  const serialize = keyv.serialize;
  if (serialize === undefined) throw new StoreError('indexed writes need a serialising keyv');
  const upsert = groupedUpsertOf(adapter);
  const isRedis = typeof (adapter as Partial<KeyvRedis<unknown>>).getClient === 'function';
  if (upsert === undefined && !isRedis) throw new StoreError('indexed writes need a store opened by createStore');

  return async (key, value, options) => {
    const ttl = options.ttlMs !== undefined && options.ttlMs > 0 ? options.ttlMs : undefined;
    // As keyv.set stores it: the value and its expiry serialised by keyv, under keyv's namespaced key.
    const text = await serialize({ value, expires: ttl === undefined ? undefined : Date.now() + ttl });
    const stored = keyv._getKeyPrefix(key);
    try {
      if (upsert) {
        const index: Row[] = options.sets.map((set) => ({ key: setKey(prefix, set) + key, value: '1' }));
        await upsert([{ key: stored, value: text }, ...index]);
        return;
      }
      const redis = adapter as KeyvRedis<unknown>;
      const client = (await redis.getClient()) as unknown as { multi(): RedisTransaction };
      const transaction = client.multi();
      for (const set of options.sets) transaction.sAdd(setKey(prefix, set), key);
      transaction.set(redis.createKeyPrefix(stored, redis.namespace), text, {
        ...(ttl !== undefined && { expiration: { type: 'PX', value: ttl } }),
      });
      await transaction.exec();
    } catch (error) {
      const what = `${keyv.namespace ?? 'store'} record and its index`;
      throw new StoreError(`could not write the ${what}: ${shortReason(error)}`, { cause: error });
    }
  };
}
