// Issue 14.7: memory and time for answering one very long message (no model), in a process of its own.
// Run: node --expose-gc --import tsx bench/long-message-bench.ts [--runs 5] [--json]
// Peak RSS is the process's own high-water mark (process.resourceUsage().maxRSS), read before and after the long
// messages; heap growth is measured after a forced collection, so it is what the answer keeps, not garbage.
import { parseArgs } from 'node:util';
import { createAnswerer } from '../src/answer/create-answerer.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { createLogger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const MESSAGES: Record<string, string> = {
  'one 40,000-character word': 'x'.repeat(40_000),
  '40,000 characters of words': 'what is the apprenticeship levy rate for a pay bill of £4m '
    .repeat(700)
    .slice(0, 40_000),
  '40,000 characters of figures': '£1,000 15% 31/10/2016 0.5 '.repeat(1_600).slice(0, 40_000),
  'an ordinary question': 'what is the london living wage',
};

const store = await createStore('sqlite://:memory:');
const answerer = await createAnswerer({
  knowledge: await loadKnowledge('knowledge'),
  store,
  log: createLogger({ level: 'silent' }),
  model: 'off',
  promptsDir: 'prompts',
  cacheTtlMs: 0,
  now: () => new Date(),
});
await answerer.answer({ question: 'what is the levy rate' }); // warm up: indexes built, code compiled

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

const figures: Record<string, { msMedian: number; msMax: number; heapKeptMb: number; peakRssGrowthMb: number }> = {};
for (const [name, question] of Object.entries(MESSAGES)) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const peakBefore = peakRss();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await answerer.answer({ question });
    times.push(performance.now() - started);
  }
  gc();
  figures[name] = {
    msMedian: Math.round(median(times) * 10) / 10,
    msMax: Math.round(Math.max(...times) * 10) / 10,
    heapKeptMb: mb(process.memoryUsage().heapUsed - heapBefore),
    peakRssGrowthMb: mb(peakRss() - peakBefore),
  };
}
await store.close();

const summary = { runs, peakRssMb: mb(peakRss()), messages: figures };
if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
else {
  process.stdout.write(`runs ${runs}, peak RSS of the whole process ${summary.peakRssMb} MB\n`);
  for (const [name, row] of Object.entries(figures)) {
    process.stdout.write(
      `${name.padEnd(30)} median ${row.msMedian} ms, max ${row.msMax} ms, heap kept ${row.heapKeptMb} MB, peak RSS growth ${row.peakRssGrowthMb} MB\n`,
    );
  }
}
