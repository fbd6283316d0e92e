import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh SQLite store URL in a temporary folder. */
export function tempSqliteUrl(name = 'store.sqlite'): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'skills-desk-')), name)}`;
}

/** Every backend the contract suites run against: SQLite always; Redis and PostgreSQL when their test URLs are set. */
export function storeBackends(): { name: string; url: () => string; enabled: boolean }[] {
  return [
    { name: 'sqlite', url: () => tempSqliteUrl(), enabled: true },
    { name: 'redis', url: () => process.env.TEST_REDIS_URL ?? '', enabled: Boolean(process.env.TEST_REDIS_URL) },
    {
      name: 'postgres',
      url: () => process.env.TEST_POSTGRES_URL ?? '',
      enabled: Boolean(process.env.TEST_POSTGRES_URL),
    },
  ];
}
