import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import { describe } from 'vitest';
import { createEnquiryQueue, type EnquiryQueueDeps } from '../../src/enquiries/create-enquiry-queue.js';
import type { Actor, EnquiryQueue } from '../../src/enquiries/enquiry-queue.js';
import { createLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/create-store.js';

export type QueueBackend = {
  name: string;
  open: () => Promise<{ url: string; prefix: string; cleanup(): void }>;
  /** Why this backend's suites are skipped here (its test URL is not set); undefined when they run. */
  skipReason?: string;
};

const serverBackend = (name: string, variable: 'TEST_REDIS_URL' | 'TEST_POSTGRES_URL'): QueueBackend => {
  const url = process.env[variable];
  return {
    name,
    open: async () => ({ url: url ?? '', prefix: `test-${randomUUID()}:`, cleanup: () => {} }),
    ...(url ? {} : { skipReason: `${variable} not set` }),
  };
};

/** Every backend: SQLite always (a fresh file per call); Redis and PostgreSQL marked skipped when their URL is unset. */
export function allBackends(): QueueBackend[] {
  return [
    {
      name: 'sqlite',
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'enquiries-'));
        return {
          url: `sqlite://${join(dir, 'store.sqlite')}`,
          prefix: '',
          cleanup: () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
    serverBackend('redis', 'TEST_REDIS_URL'),
    serverBackend('postgres', 'TEST_POSTGRES_URL'),
  ];
}

/** The backends that can run here: SQLite always; Redis and PostgreSQL when their test URLs are set. */
export function backends(): QueueBackend[] {
  return allBackends().filter((backend) => backend.skipReason === undefined);
}

/**
 * One suite per backend, named "<suite> on <backend>". A backend whose test URL is unset still registers its suite,
 * as skipped with the reason in its name ("… on postgres (skipped: TEST_POSTGRES_URL not set)"), so its tests are
 * counted as skipped rather than vanishing.
 */
export function describeEachBackend(suite: string, body: (backend: QueueBackend) => void): void {
  for (const backend of allBackends()) {
    const reason = backend.skipReason;
    describe.skipIf(reason !== undefined)(`${suite} on ${backend.name}${reason ? ` (skipped: ${reason})` : ''}`, () =>
      body(backend),
    );
  }
}

/** A log sink the tests can read, to check what reaches the logs. */
export function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), text: () => lines.join('') };
}

export type Harness = {
  store: Store;
  /** The storage prefix of this run ('' on a fresh SQLite file). */
  prefix: string;
  queue: EnquiryQueue;
  clock: { set(iso: string): void; now(): Date };
  newQueue(overrides?: Partial<EnquiryQueueDeps>): EnquiryQueue;
  logText(): string;
  close(): Promise<void>;
};

export const SETTINGS = { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 };

export async function openHarness(backend: QueueBackend, startAt = '2026-11-23T10:00:00Z'): Promise<Harness> {
  const opened = await backend.open();
  const store = await createStore(opened.url);
  let current = new Date(startAt);
  const clock = {
    set(iso: string) {
      current = new Date(iso);
    },
    now: () => new Date(current),
  };
  const captured = captureLog();
  const newQueue = (overrides: Partial<EnquiryQueueDeps> = {}) =>
    createEnquiryQueue({
      store,
      log: captured.log,
      now: clock.now,
      settings: SETTINGS,
      namespacePrefix: opened.prefix,
      ...overrides,
    });
  return {
    store,
    prefix: opened.prefix,
    queue: newQueue(),
    clock,
    newQueue,
    logText: captured.text,
    async close() {
      if (opened.prefix !== '') await removeKeysWithPrefix(store, opened.prefix);
      await store.close();
      opened.cleanup();
    },
  };
}

export const officer = (userId = 'U0FFICER1', name = 'Ana Officer'): Actor => ({
  platform: 'slack',
  userId,
  name,
  isOfficer: true,
});
export const staff = (userId = 'U0STAFF01'): Actor => ({
  platform: 'slack',
  userId,
  name: 'Sam Staff',
  isOfficer: false,
});

export const enquiryInput = (overrides: Record<string, unknown> = {}) => ({
  organisation: 'Dalston Bakery Ltd',
  contactName: 'Priya Shah',
  email: 'priya@dalston-bakery.example',
  phone: '020 7946 0123',
  description: 'We would like to take on our first apprentice baker next spring.',
  arrivedVia: 'staff',
  ...overrides,
});

/** RFC 4180 parser for checking exports. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Deletes this run's keys, and only them, from the shared Redis or PostgreSQL. */
export async function removeKeysWithPrefix(store: Store, prefix: string): Promise<void> {
  const adapter = store.namespace('test-cleanup').store as unknown;
  if (adapter instanceof KeyvRedis) {
    const client = await adapter.getClient();
    let cursor = '0';
    do {
      const reply = await client.scan(cursor, { MATCH: `*${prefix}*`, COUNT: 1000 });
      cursor = String(reply.cursor);
      if (reply.keys.length > 0) await client.unlink(reply.keys);
    } while (cursor !== '0');
  } else if (adapter instanceof KeyvPostgres) {
    await adapter.query('DELETE FROM keyv WHERE key LIKE $1', [`%${prefix.replace(/[%_\\]/g, '\\$&')}%`]);
  }
}
