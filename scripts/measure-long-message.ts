// Issue 14.7: memory and time for one 40,000-character word through the answer engine (no model).
// `npx tsx scripts/measure-long-message.ts`
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerer } from '../src/answer/create-answerer.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { createLogger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';

// A throwaway SQLite file in the temporary folder (the store reads sqlite://PATH as a file path).
const store = await createStore(
  `sqlite://${join(mkdtempSync(join(tmpdir(), 'skills-desk-measure-')), 'store.sqlite')}`,
);
const answerer = await createAnswerer({
  knowledge: await loadKnowledge('knowledge'),
  store,
  log: createLogger({ level: 'silent' }),
  model: 'off',
  promptsDir: 'prompts',
  cacheTtlMs: 0,
  now: () => new Date(),
});
await answerer.answer({ question: 'what is the levy rate' }); // warm up
const mb = () => Math.round((process.memoryUsage().rss / 1048576) * 10) / 10;
const before = mb();
const started = performance.now();
const answer = await answerer.answer({ question: 'x'.repeat(40_000) });
const millis = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ rssBeforeMb: before, rssAfterMb: mb(), rssGrowthMb: Math.round((mb() - before) * 10) / 10, millis: Math.round(millis * 10) / 10, kind: answer.kind, notice: answer.notice })}\n`,
);
await store.close();
