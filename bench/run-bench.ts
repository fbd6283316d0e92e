// `npm run bench`: speed and memory of the answer engine (and the transports and queue), printed as a table or,
// with --json, as one JSON object. Each knowledge-base size runs in its own process so its peak RSS is its own.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs, promisify } from 'node:util';
import type { AnswerBenchFigures } from './answer-bench.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    // 1,000x the knowledge base (218,000 sections): several minutes and a few GB, so only when asked.
    huge: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`npm run bench [-- OPTIONS]: speed and memory figures, printed as a table.
  --json    print them as one JSON object
  --quick   only the answer engine on the real knowledge base, and start-up
  --huge    also the 1,000x knowledge base (several minutes and a few GB)
  --verify  check search results against the reference ranking while measuring
`);
  process.exit(0);
}

async function answerFigures(scale: number): Promise<AnswerBenchFigures> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/answer-bench.ts', '--scale', String(scale), ...(values.verify ? ['--verify'] : [])],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as AnswerBenchFigures;
}

const TIME = '/usr/bin/time';
const STARTUP_RUNS = 11;

/**
 * Process start to first answer: `skills-desk ask` in a fresh process, median of eleven runs (a shared machine moves
 * single runs by a third), and that process's peak
 * RSS (read with GNU time where it is installed).
 */
async function startup(snapshot: 'on' | 'off'): Promise<{ ms: number; peakRssMb?: number }> {
  const times: number[] = [];
  const rss: number[] = [];
  const env = {
    ...process.env,
    STORE_URL: 'sqlite://data/bench-startup.sqlite',
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: '',
    SLACK_BOT_TOKEN: '',
    TEAMS_APP_ID: '',
    ...(snapshot === 'off' && { KNOWLEDGE_SNAPSHOT: 'off' }),
  };
  const withTime = existsSync(TIME);
  for (let attempt = 0; attempt < STARTUP_RUNS; attempt += 1) {
    const started = performance.now();
    const args = ['bin/skills-desk.js', 'ask', 'What is the levy allowance?'];
    const { stderr } = withTime
      ? await run(TIME, ['-f', 'maxrss=%M', process.execPath, ...args], { env })
      : await run(process.execPath, args, { env });
    times.push(performance.now() - started);
    const kilobytes = /maxrss=(\d+)/.exec(stderr)?.[1];
    if (kilobytes) rss.push(Number(kilobytes) / 1024);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    ms: Math.round(median(times)),
    ...(rss.length > 0 && { peakRssMb: Math.round(median(rss) * 10) / 10 }),
  };
}

const report: Record<string, unknown> = {};
const scales = values.quick ? [1] : values.huge ? [1, 10, 100, 1000] : [1, 10, 100];
const answerByScale: Record<string, AnswerBenchFigures> = {};
for (const scale of scales) answerByScale[`x${scale}`] = await answerFigures(scale);
report.answer = answerByScale;
const single = answerByScale.x1;
if (single) {
  // How the cost grows with the knowledge base: each size's median answer time over the 1x median.
  report.answerGrowth = Object.fromEntries(
    Object.entries(answerByScale).map(([size, figures]) => [
      size,
      Math.round((figures.answerMedianMs / single.answerMedianMs) * 100) / 100,
    ]),
  );
}
const fromSnapshot = await startup('on');
const cold = await startup('off');
report.startupToFirstAnswerMs = fromSnapshot.ms;
report.startupColdMs = cold.ms;
if (fromSnapshot.peakRssMb !== undefined) report.botPeakRssMb = fromSnapshot.peakRssMb;
report.understanding = (await import('./understand-bench.js')).runUnderstandBench();

if (!values.quick) {
  // Slack: the default SQLite store, then Redis (the store for several replicas) when a server is named.
  const { runSlackBench } = await import('./slack-bench.js');
  report.slack = await runSlackBench();
  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
  if (redisUrl) {
    process.env.BENCH_STORE_URL = redisUrl;
    report.slackOnRedis = await runSlackBench();
    delete process.env.BENCH_STORE_URL;
  }
  const { runEnquiryBench } = await import('./enquiry-bench.js');
  report.enquiries = await runEnquiryBench();
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const answer = report.answer as Record<string, AnswerBenchFigures>;
  const lines = [
    'Answer engine (extractive, no model), per question; peak RSS is the benchmark process (tsx and harness included):',
  ];
  lines.push('size        articles sections retrieval median/p99  answer median/p99   questions/s  peak RSS');
  for (const figures of Object.values(answer)) {
    lines.push(
      `${`x${figures.scale}`.padEnd(11)} ${String(figures.articles).padStart(8)} ${String(figures.sections).padStart(8)} ${`${figures.retrievalMedianMs} / ${figures.retrievalP99Ms} ms`.padStart(20)} ${`${figures.answerMedianMs} / ${figures.answerP99Ms} ms`.padStart(18)} ${String(figures.questionsPerSecond).padStart(12)} ${`${figures.peakRssMb} MB`.padStart(9)}`,
    );
  }
  lines.push(`Recall of the expected article (project questions): ${recallLine(answer)}`);
  if (report.answerGrowth) lines.push(`Answer median over the 1x median: ${JSON.stringify(report.answerGrowth)}`);
  lines.push(
    `Start-up to first answer (skills-desk ask, median of ${STARTUP_RUNS}): ${report.startupToFirstAnswerMs} ms from the knowledge snapshot, ${report.startupColdMs} ms without it`,
  );
  const understood = report.understanding as {
    modelLoadMs: number;
    understandMedianMs: number;
    understandP95Ms: number;
  };
  lines.push(
    `Understanding: model load ${understood.modelLoadMs} ms; one message median ${understood.understandMedianMs} ms, p95 ${understood.understandP95Ms} ms`,
  );
  if (report.botPeakRssMb !== undefined) lines.push(`Peak RSS of that process: ${report.botPeakRssMb} MB`);
  for (const name of ['slack', 'slackOnRedis', 'enquiries']) {
    if (report[name]) lines.push(`${name}: ${JSON.stringify(report[name])}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function recallLine(answer: Record<string, AnswerBenchFigures>): string {
  return Object.values(answer)
    .map(
      (figures) =>
        `x${figures.scale} @1 ${figures.recallAt1} @5 ${figures.recallAt5}, after the understanding step @1 ${figures.retrievalRecallAt1} @5 ${figures.retrievalRecallAt5}${figures.rankingMatchesReference ? ` (same ranking as MiniSearch: ${figures.rankingMatchesReference})` : ''}`,
    )
    .join('; ');
}
