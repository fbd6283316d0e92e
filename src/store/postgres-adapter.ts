import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import { createGroupedUpsert, type GroupedUpsert, postgresUpsert } from './grouped-upsert.js';

/** A namespace's adapter, with the group-commit upsert its sets go through (for rows written together). */
export type PooledAdapter = KeyvPostgres & { upsert: GroupedUpsert };
export type PostgresAdapters = { create(): PooledAdapter; end(): Promise<void> };

/**
 * KeyvPostgres adapters that share one pool this store owns. The library's own pool is a module-wide singleton
 * with no `error` listener, so a restart of PostgreSQL (an idle connection closed by the server) ended the
 * process; here the pool reports such errors to `onError`, drops the broken connection and opens a new one on the
 * next query. Connecting and queries are bounded so a request during an outage fails instead of hanging.
 */
export function createPostgresAdapters(url: string, onError: (error: unknown) => void): PostgresAdapters {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: 10_000,
    query_timeout: 15_000,
  });
  pool.on('error', onError);

  class PooledPostgres extends KeyvPostgres {
    /** Sets that arrive while one is being written go in together as one statement (group commit). */
    readonly upsert = createGroupedUpsert(postgresUpsert((sql, values) => pool.query(sql, values)));
    override async set(key: string, value: string) {
      await this.upsert([{ key, value }]);
    }
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    override async disconnect() {
      // The store ends the shared pool once, in close().
    }
  }

  let ended: Promise<void> | undefined;
  return {
    create() {
      const adapter = new PooledPostgres({ uri: url });
      adapter.on('error', onError);
      return adapter;
    },
    end() {
      ended ??= pool.end();
      return ended;
    },
  };
}
