// Understanding step: time to load the committed model, and the median time to understand one message.
import { readFileSync } from 'node:fs';
import { MODEL_URL, modelFromJson } from '../src/understand/model.js';
import { understandWith } from '../src/understand/understand.js';

export type UnderstandBenchFigures = { modelLoadMs: number; understandMedianMs: number; understandP95Ms: number };

const MESSAGES = [
  'whats the llw rate',
  'roughly £3.5m paybill, what levy would they pay',
  'had a call from a scaffolding firm in Homerton, they need two local labourers, can someone ring them back',
  'write me a limerick about the levy',
  'can a 17 year old start a level 3 apprenticeship in september',
  'how do I dismiss an apprentice',
  "Islington's LLW policy",
  'top-up in 2019',
  'hi',
  'someone from a games studio emailed, they want two Hackney 100 placements',
];

export function runUnderstandBench(rounds = 200): UnderstandBenchFigures {
  const started = performance.now();
  const model = modelFromJson(readFileSync(MODEL_URL, 'utf8'));
  understandWith(model, { message: 'hello', asOf: '2026-12-01', today: '2026-12-01' }); // gazetteer built here
  const modelLoadMs = performance.now() - started;
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const message of MESSAGES) {
      const at = performance.now();
      understandWith(model, { message, asOf: '2026-12-01', today: '2026-12-01' });
      times.push(performance.now() - at);
    }
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => Math.round((times[Math.floor(share * (times.length - 1))] ?? 0) * 1000) / 1000;
  return { modelLoadMs: Math.round(modelLoadMs * 10) / 10, understandMedianMs: at(0.5), understandP95Ms: at(0.95) };
}

if (process.argv[1]?.endsWith('understand-bench.ts')) process.stdout.write(`${JSON.stringify(runUnderstandBench())}\n`);
