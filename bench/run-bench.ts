// `npm run bench`: speed and memory of the answer engine (and the transports and queue), printed as a table or,
// with --json, as one JSON object. Each knowledge-base size runs in its own process so its peak RSS is its own.
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import type { AnswerBenchFigures } from './answer-bench.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});

async function answerFigures(scale: number): Promise<AnswerBenchFigures> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/answer-bench.ts', '--scale', String(scale)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as AnswerBenchFigures;
}

/** Process start to first answer: `skills-desk ask` in a fresh process, median of five runs. */
async function startupMs(): Promise<number> {
  const times: number[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = performance.now();
    await run(process.execPath, ['bin/skills-desk.js', 'ask', 'What is the levy allowance?'], {
      env: {
        ...process.env,
        STORE_URL: 'sqlite://data/bench-startup.sqlite',
        LOG_LEVEL: 'silent',
        OPENAI_API_KEY: '',
        SLACK_BOT_TOKEN: '',
        TEAMS_APP_ID: '',
      },
    });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[2] ?? 0);
}

const report: Record<string, unknown> = {};
const scales = values.quick ? [1] : [1, 10, 100];
const answerByScale: Record<string, AnswerBenchFigures> = {};
for (const scale of scales) answerByScale[`x${scale}`] = await answerFigures(scale);
report.answer = answerByScale;
report.startupToFirstAnswerMs = await startupMs();

const extras: [string, string, string][] = [
  ['slack', './slack-bench.js', 'runSlackBench'],
  ['enquiries', './enquiry-bench.js', 'runEnquiryBench'],
];
for (const [name, path, exportName] of extras) {
  if (values.quick) break;
  const module = (await import(path)) as Record<string, (() => Promise<Record<string, number>>) | undefined>;
  const bench = module[exportName];
  if (bench) report[name] = await bench();
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const answer = report.answer as Record<string, AnswerBenchFigures>;
  const lines = ['Answer engine (extractive, no model), per question:'];
  lines.push('size        articles sections retrieval median/p99  answer median/p99   questions/s  peak RSS');
  for (const figures of Object.values(answer)) {
    lines.push(
      `${`x${figures.scale}`.padEnd(11)} ${String(figures.articles).padStart(8)} ${String(figures.sections).padStart(8)} ${`${figures.retrievalMedianMs} / ${figures.retrievalP99Ms} ms`.padStart(20)} ${`${figures.answerMedianMs} / ${figures.answerP99Ms} ms`.padStart(18)} ${String(figures.questionsPerSecond).padStart(12)} ${`${figures.peakRssMb} MB`.padStart(9)}`,
    );
  }
  lines.push(`Start-up to first answer (skills-desk ask, median of 5): ${report.startupToFirstAnswerMs} ms`);
  for (const name of ['slack', 'enquiries']) {
    if (report[name]) lines.push(`${name}: ${JSON.stringify(report[name])}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
