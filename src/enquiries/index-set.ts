import type KeyvPostgres from '@keyv/postgres';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import { StoreError } from '../errors.js';

/**
 * Unordered sets of strings on the product's store, with atomic add and remove: Redis sets on Redis, one row per
 * member in the keyv table on SQLite and PostgreSQL (read back with a primary-key range scan). The queue keeps its
 * indexes (by status, by contact, the outbox) here, so a listing reads one set instead of every enquiry.
 */
export type IndexSets = {
  add(set: string, member: string): Promise<void>;
  remove(set: string, member: string): Promise<void>;
  /** Several additions in one round trip (one statement on SQL stores). */
  addMany(entries: { set: string; member: string }[]): Promise<void>;
  members(set: string): Promise<string[]>;
};

const ROW_PREFIX = 'set:';

/** Sets kept on the same connection as `keyv` (a namespace from `store`); their keys bypass keyv's namespacing. */
export function createIndexSets(keyv: Keyv<unknown>, prefix: string): IndexSets {
  const adapter = keyv.store as unknown;
  // Recognised by shape rather than class, so only the configured driver is ever loaded.
  const dialect = (adapter as { opts?: { dialect?: string } }).opts?.dialect;
  const isRedis = typeof (adapter as Partial<KeyvRedis<unknown>>).getClient === 'function';
  const setKey = (set: string) => `${ROW_PREFIX}${prefix}${set}:`;

  if (isRedis) {
    const redis = adapter as KeyvRedis<unknown>;
    return {
      async add(set, member) {
        await guard('add to', set, async () => (await redis.getClient()).sAdd(setKey(set), member));
      },
      async remove(set, member) {
        await guard('remove from', set, async () => (await redis.getClient()).sRem(setKey(set), member));
      },
      async addMany(entries) {
        if (entries.length === 0) return;
        await guard('add to', entries[0]!.set, async () => {
          const client = await redis.getClient();
          await Promise.all(entries.map((entry) => client.sAdd(setKey(entry.set), entry.member)));
        });
      },
      async members(set) {
        return guard('read', set, async () => (await redis.getClient()).sMembers(setKey(set)));
      },
    };
  }

  if (dialect === 'sqlite' || dialect === 'postgres') {
    const isPostgres = dialect === 'postgres';
    const query = async (sql: string, values: unknown[]): Promise<{ key: string }[]> => {
      const text = isPostgres
        ? sql.replace(/\?/g, (_, offset: number) => `$${sql.slice(0, offset).split('?').length}`)
        : sql;
      if (isPostgres) return (await (adapter as KeyvPostgres).query(text, values)) as { key: string }[];
      return (await (adapter as KeyvSqlite).query(text, ...values)) as { key: string }[];
    };
    return {
      async add(set, member) {
        await guard('add to', set, () =>
          query('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
            setKey(set) + member,
            '1',
          ]),
        );
      },
      async remove(set, member) {
        await guard('remove from', set, () => query('DELETE FROM keyv WHERE key = ?', [setKey(set) + member]));
      },
      async addMany(entries) {
        if (entries.length === 0) return;
        const rows = entries.map(() => '(?, ?)').join(', ');
        const values = entries.flatMap((entry) => [setKey(entry.set) + entry.member, '1']);
        await guard('add to', entries[0]!.set, () =>
          query(`INSERT INTO keyv (key, value) VALUES ${rows} ON CONFLICT (key) DO NOTHING`, values),
        );
      },
      async members(set) {
        const start = setKey(set);
        // Keys sort bytewise (SQLite BINARY, PostgreSQL C collation): every member lies in [start, start with ';').
        const end = `${start.slice(0, -1)};`;
        const collate = isPostgres ? ' COLLATE "C"' : '';
        const rows = await guard('read', set, () =>
          query(`SELECT key FROM keyv WHERE key${collate} >= ? AND key${collate} < ?`, [start, end]),
        );
        return rows.map((row) => row.key.slice(start.length));
      },
    };
  }
  throw new StoreError('index sets need a SQLite, PostgreSQL or Redis store');
}

async function guard<T>(verb: string, set: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StoreError(`could not ${verb} the ${set.split(':')[0]} index`, { cause: error });
  }
}
