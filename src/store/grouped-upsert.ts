/** Rows of the keyv table, key and stored text, written (inserted or replaced) together. */
export type Row = { key: string; value: string };

export type GroupedUpsert = (rows: Row[]) => Promise<void>;

type Pending = { rows: Row[]; resolve(): void; reject(error: unknown): void };

/** Rows per statement: well inside SQLite's limit on bound values, and a modest PostgreSQL array. */
const MAX_ROWS = 500;

/**
 * Group commit for upserts: while one statement is in flight the next callers queue, then go in together as one
 * multi-row upsert (the last value per key wins, as it would in order). A caller's rows always share one
 * statement, so they are committed together or not at all; each caller resolves once its rows are committed.
 * Under a burst of writes this turns many commits, each waiting on the disk, into a few.
 */
export function createGroupedUpsert(write: (rows: Row[]) => Promise<unknown>): GroupedUpsert {
  const waiting: Pending[] = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = async (batch: Pending[]) => {
    const last = new Map<string, string>();
    for (const pending of batch) for (const row of pending.rows) last.set(row.key, row.value);
    try {
      await write([...last].map(([key, value]) => ({ key, value })));
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  };
  const nextBatch = () => {
    let rows = 0;
    let count = 0;
    while (count < waiting.length && (count === 0 || rows + waiting[count]!.rows.length <= MAX_ROWS)) {
      rows += waiting[count]!.rows.length;
      count += 1;
    }
    return waiting.splice(0, count);
  };

  return (rows) =>
    new Promise<void>((resolve, reject) => {
      if (rows.length === 0) return resolve();
      waiting.push({ rows, resolve, reject });
      if (waiting.length > 1) return; // a write is already queued for this batch
      writing = writing.then(async () => {
        while (waiting.length > 0) await flush(nextBatch());
      });
    });
}

/** The upsert statement for SQLite: one multi-row INSERT … ON CONFLICT DO UPDATE. */
export function sqliteUpsert(
  query: (sql: string, ...values: unknown[]) => Promise<unknown>,
): (rows: Row[]) => Promise<unknown> {
  return (rows) =>
    query(
      `INSERT INTO keyv (key, value) VALUES ${rows.map(() => '(?, ?)').join(', ')}
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ...rows.flatMap((row) => [row.key, row.value]),
    );
}

/** The upsert statement for PostgreSQL: the rows as two arrays, so the statement text is the same for any count. */
export function postgresUpsert(
  query: (sql: string, values: unknown[]) => Promise<unknown>,
): (rows: Row[]) => Promise<unknown> {
  return (rows) =>
    query(
      `INSERT INTO keyv (key, value) SELECT * FROM UNNEST($1::text[], $2::text[])
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [rows.map((row) => row.key), rows.map((row) => row.value)],
    );
}

const upserts = new WeakMap<object, GroupedUpsert>();

/** Records that rows for the SQL table behind `adapter` (a namespace's keyv adapter) go through `upsert`. */
export function registerGroupedUpsert(adapter: object, upsert: GroupedUpsert): void {
  upserts.set(adapter, upsert);
}

/** The grouped upsert the store registered for this adapter, if it is a SQL adapter opened by createStore. */
export function groupedUpsertOf(adapter: object): GroupedUpsert | undefined {
  return upserts.get(adapter);
}
