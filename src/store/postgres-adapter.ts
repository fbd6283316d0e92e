import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';

export type PostgresAdapters = { create(): KeyvPostgres; end(): Promise<void> };

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
    private readonly writeSet = createGroupedSet((keys, values) =>
      pool.query(
        `INSERT INTO keyv (key, value) SELECT * FROM UNNEST($1::text[], $2::text[])
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [keys, values],
      ),
    );
    override async set(key: string, value: string) {
      await this.writeSet(key, value);
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

type PendingSet = { key: string; value: string; resolve(): void; reject(error: unknown): void };

/**
 * Group commit for single-key writes: while one statement is in flight the next callers queue, then go in as one
 * multi-row upsert (the last value per key wins, as it would in order). Each caller resolves once its row is
 * committed. Under a burst of writes this turns thousands of commits, each waiting on the disk, into a few.
 */
function createGroupedSet(
  write: (keys: string[], values: string[]) => Promise<unknown>,
): (key: string, value: string) => Promise<void> {
  const waiting: PendingSet[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async (batch: PendingSet[]) => {
    const last = new Map<string, string>();
    for (const pending of batch) last.set(pending.key, pending.value);
    try {
      await write([...last.keys()], [...last.values()]);
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  };
  return (key, value) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ key, value, resolve, reject });
      if (waiting.length > 1) return;
      writing = writing.then(async () => {
        while (waiting.length > 0) await flush(waiting.splice(0, 500));
      });
    });
}
