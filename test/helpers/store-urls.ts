import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh SQLite store URL in a temporary folder. */
export function tempSqliteUrl(name = 'store.sqlite'): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'skills-desk-')), name)}`;
}

export type StoreBackend = {
  name: string;
  url: () => string;
  enabled: boolean;
  /** The suite title: the backend, and why it is skipped when it is. */
  title: (suite: string) => string;
};

const serverBackend = (name: string, variable: 'TEST_REDIS_URL' | 'TEST_POSTGRES_URL'): StoreBackend => {
  const url = process.env[variable];
  return {
    name,
    url: () => url ?? '',
    enabled: Boolean(url),
    title: (suite) => `${suite}: ${name}${url ? '' : ` (skipped: ${variable} is not set)`}`,
  };
};

/**
 * Every backend the storage suites run against: SQLite always; Redis and PostgreSQL when their test URLs are set,
 * and otherwise registered as skipped with the reason in the suite's name (use with describe.skipIf).
 */
export function storeBackends(): StoreBackend[] {
  return [
    { name: 'sqlite', url: () => tempSqliteUrl(), enabled: true, title: (suite) => `${suite}: sqlite` },
    serverBackend('redis', 'TEST_REDIS_URL'),
    serverBackend('postgres', 'TEST_POSTGRES_URL'),
  ];
}
