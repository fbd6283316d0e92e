import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { StoreError } from '../errors.js';
import type { Store } from '../store/create-store.js';

/**
 * Unordered sets of strings on the product's store, with atomic add and remove: Redis sets on Redis, one row per
 * member in the keyv table on SQLite and PostgreSQL (read back with a primary-key range scan). The queue keeps its
 * indexes (by status, by contact, the outbox) here, so a listing reads one set instead of every enquiry.
 */
export type IndexSets = {
  add(set: string, member: string): Promise<void>;
  remove(set: string, member: string): Promise<void>;
  members(set: string): Promise<string[]>;
};

const ROW_PREFIX = 'set:';

export function createIndexSets(store: Store, prefix: string): IndexSets {
  // A namespace of its own gives this module its own connection; the keys below bypass keyv's namespacing.
  const adapter = store.namespace<never>(`${prefix}index-sets`).store as unknown;
  const setKey = (set: string) => `${ROW_PREFIX}${prefix}${set}:`;

  if (adapter instanceof KeyvRedis) {
    const redis = adapter;
    return {
      async add(set, member) {
        await guard('add to', set, async () => (await redis.getClient()).sAdd(setKey(set), member));
      },
      async remove(set, member) {
        await guard('remove from', set, async () => (await redis.getClient()).sRem(setKey(set), member));
      },
      async members(set) {
        return guard('read', set, async () => (await redis.getClient()).sMembers(setKey(set)));
      },
    };
  }

  if (adapter instanceof KeyvSqlite || adapter instanceof KeyvPostgres) {
    const isPostgres = adapter instanceof KeyvPostgres;
    const query = async (sql: string, values: unknown[]): Promise<{ key: string }[]> => {
      const text = isPostgres
        ? sql.replace(/\?/g, (_, offset: number) => `$${sql.slice(0, offset).split('?').length}`)
        : sql;
      if (adapter instanceof KeyvPostgres) return (await adapter.query(text, values)) as { key: string }[];
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
