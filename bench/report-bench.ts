// How long a year's outcome report takes with 100,000 enquiries on SQLite: figures, then each format.
// Run: npx tsx bench/report-bench.ts   (REPORT_BENCH_COUNT to change the number of enquiries)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEnquiryQueue } from '../src/enquiries/index.js';
import { createLogger } from '../src/log.js';
import { createOutcomeReports } from '../src/reports/outcome-report.js';
import { createQuestionLog } from '../src/reports/question-log.js';
import { createStore } from '../src/store/create-store.js';
import { seedEnquiries } from './seed-enquiries.js';

const TOPICS = ['apprenticeships', 'levy-transfer', 'llw', 'hackney-100', 's106', 'recruitment', 'other'] as const;
const ARRIVALS = ['staff', 'external', 'bot'] as const;
const YEAR_START = Date.parse('2026-01-01T09:00:00Z');
const HOUR = 3_600_000;

export async function runReportBench(count = 100_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const store = await createStore(`sqlite://${join(dir, 'bench.sqlite')}`);
  try {
    const now = () => new Date('2026-12-31T12:00:00Z');
    let started = performance.now();
    await seedEnquiries({
      store,
      now,
      count,
      make: (index) => {
        // Spread over the year; four in five claimed within a day, three in four of those resolved within a week.
        const loggedAt = new Date(YEAR_START + Math.floor((index / count) * 360 * 24) * HOUR);
        const claimed =
          index % 5 !== 0
            ? { at: new Date(loggedAt.getTime() + ((index % 23) + 1) * HOUR), by: `U0OFFICER${index % 6}` }
            : undefined;
        const resolved =
          claimed && index % 4 !== 0
            ? { at: new Date(claimed.at.getTime() + ((index % 97) + 2) * HOUR), outcome: 'Done' }
            : undefined;
        return {
          organisation: `Employer ${index}`,
          contactName: `Contact ${index}`,
          email: `c${index}@employer.example`,
          topic: TOPICS[index % TOPICS.length]!,
          description: 'Seeded for the report benchmark.',
          arrivedVia: ARRIVALS[index % ARRIVALS.length]!,
          loggedOn: (['slack', 'teams', 'cli'] as const)[index % 3]!,
          loggedAt,
          ...(claimed && { claimed }),
          ...(resolved && { resolved }),
        };
      },
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const queue = createEnquiryQueue({
      store,
      log: createLogger({ level: 'silent' }),
      now,
      settings: { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 },
    });
    const reports = createOutcomeReports({
      queue,
      questions: createQuestionLog({ store, now, retentionDays: 90 }),
      slaHours: 8,
    });
    started = performance.now();
    const figures = await reports.figures({ from: '2026-01-01', to: '2026-12-31' });
    const figuresMs = performance.now() - started;
    started = performance.now();
    await reports.render(figures, 'html');
    const htmlMs = performance.now() - started;
    if (figures.enquiries.logged !== count)
      throw new Error(`expected ${count} enquiries, counted ${figures.enquiries.logged}`);
    return {
      enquiries: count,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      yearFiguresMs: Math.round(figuresMs),
      htmlRenderMs: Math.round(htmlMs),
      yearReportTotalMs: Math.round(figuresMs + htmlMs),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = process.env.REPORT_BENCH_COUNT ? Number(process.env.REPORT_BENCH_COUNT) : undefined;
  const results = await runReportBench(count);
  for (const [key, value] of Object.entries(results)) process.stdout.write(`${key.padEnd(20)} ${value}\n`);
}
