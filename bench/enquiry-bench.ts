// Enquiry queue throughput with a full store: enquiries logged per second and claim latency (median, p99) with
// 100,000 enquiries already stored, on SQLite (a temporary file) and on Redis when a URL is given.
// Run: npx tsx bench/enquiry-bench.ts   (Redis from TEST_REDIS_URL or REDIS_URL)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import KeyvRedis from '@keyv/redis';
import { type Actor, createEnquiryQueue } from '../src/enquiries/index.js';
import { createLogger } from '../src/log.js';
import { createStore, type Store } from '../src/store/create-store.js';
import { seedEnquiries } from './seed-enquiries.js';

export type EnquiryBenchOptions = {
  /** Redis to measure as well (default TEST_REDIS_URL or REDIS_URL); SQLite always runs, on a temporary file. */
  redisUrl?: string;
  /** Enquiries in the store before measuring (default 100,000). */
  seedCount?: number;
  /** Enquiries logged, one after another, to measure logging (default 200). */
  logCount?: number;
  /** Claims measured, one after another, on seeded enquiries (default 200). */
  claimCount?: number;
  /** Progress lines (default: none). */
  progress?: (line: string) => void;
};

const SETTINGS = { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 };
const TOPICS = ['apprenticeships', 'levy-transfer', 'llw', 'hackney-100', 's106', 'recruitment', 'other'] as const;
const staff: Actor = { platform: 'cli', userId: 'U0BENCHSTAFF', isOfficer: false };

/** Measures the queue on each backend; keys are `<backend>.<measure>`. */
export async function runEnquiryBench(options: EnquiryBenchOptions = {}): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const progress = options.progress ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'enquiry-bench-'));
  try {
    const targets: { name: string; url: string }[] = [{ name: 'sqlite', url: `sqlite://${join(dir, 'bench.sqlite')}` }];
    const redisUrl = options.redisUrl ?? process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
    if (redisUrl) targets.push({ name: 'redis', url: redisUrl });
    for (const target of targets) {
      const store = await createStore(target.url);
      const prefix = `bench-${randomUUID()}:`;
      try {
        const measured = await benchOne(store, prefix, options, (line) => progress(`${target.name}: ${line}`));
        for (const [key, value] of Object.entries(measured)) results[`${target.name}.${key}`] = value;
      } finally {
        if (target.name === 'redis') await removeRedisKeys(store, prefix);
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function benchOne(
  store: Store,
  prefix: string,
  options: EnquiryBenchOptions,
  progress: (line: string) => void,
): Promise<Record<string, number>> {
  const seedCount = options.seedCount ?? 100_000;
  const logCount = options.logCount ?? 200;
  const claimCount = options.claimCount ?? 200;
  const now = () => new Date();

  progress(`seeding ${seedCount.toLocaleString('en-GB')} enquiries`);
  let started = performance.now();
  const seeded = await seedEnquiries({
    store,
    namespacePrefix: prefix,
    now,
    count: seedCount,
    make: (index) => ({
      organisation: `Seeded Employer ${index}`,
      contactName: `Contact ${index}`,
      email: `contact${index}@employer${index}.example`,
      topic: TOPICS[index % TOPICS.length]!,
      description: 'Seeded enquiry for the benchmark.',
      arrivedVia: 'staff',
    }),
  });
  const seedSeconds = (performance.now() - started) / 1000;

  const queue = createEnquiryQueue({
    store,
    log: createLogger({ level: 'silent' }),
    now,
    settings: SETTINGS,
    namespacePrefix: prefix,
  });

  progress(`logging ${logCount} enquiries`);
  started = performance.now();
  for (let index = 0; index < logCount; index++) {
    const result = await queue.log(
      {
        organisation: `New Employer ${index}`,
        contactName: 'Bench Contact',
        email: `new${index}@bench.example`,
        description: 'We would like to host a Hackney 100 placement next summer.',
        arrivedVia: 'staff',
      },
      staff,
    );
    if (!result.ok) throw new Error('benchmark enquiry was refused');
  }
  const logsPerSecond = logCount / ((performance.now() - started) / 1000);

  progress(`claiming ${claimCount} enquiries`);
  const latencies: number[] = [];
  const step = Math.max(1, Math.floor(seeded.length / claimCount));
  for (let index = 0; index < claimCount; index++) {
    const reference = seeded[(index * step) % seeded.length]!;
    const officer: Actor = { platform: 'cli', userId: `U0OFFICER${index % 5}`, isOfficer: true };
    const claimStarted = performance.now();
    const result = await queue.claim(reference, officer);
    latencies.push(performance.now() - claimStarted);
    if (!result.ok) throw new Error(`benchmark claim failed: ${result.message}`);
  }
  latencies.sort((a, b) => a - b);

  started = performance.now();
  const claimed = await queue.list({ status: ['claimed'] });
  const listClaimedMs = performance.now() - started;
  if (claimed.length !== claimCount) throw new Error(`expected ${claimCount} claimed, listed ${claimed.length}`);

  return {
    seeded: seeded.length,
    seedSeconds: round(seedSeconds, 1),
    logsPerSecond: round(logsPerSecond, 1),
    claimMedianMs: round(percentile(latencies, 0.5), 2),
    claimP99Ms: round(percentile(latencies, 0.99), 2),
    listClaimedMs: round(listClaimedMs, 1),
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** Deletes this run's keys (and only them) from a shared Redis. */
async function removeRedisKeys(store: Store, prefix: string): Promise<void> {
  const adapter = store.namespace('bench-cleanup').store as unknown;
  if (!(adapter instanceof KeyvRedis)) return;
  const client = await adapter.getClient();
  let cursor = '0';
  do {
    const reply = await client.scan(cursor, { MATCH: `*${prefix}*`, COUNT: 5000 });
    cursor = String(reply.cursor);
    if (reply.keys.length > 0) await client.unlink(reply.keys);
  } while (cursor !== '0');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seedCount = process.env.ENQUIRY_BENCH_SEED ? Number(process.env.ENQUIRY_BENCH_SEED) : undefined;
  const results = await runEnquiryBench({
    ...(seedCount !== undefined && { seedCount }),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  for (const [key, value] of Object.entries(results)) process.stdout.write(`${key.padEnd(28)} ${value}\n`);
}
