// Times the answer engine on the project's knowledge base, or on a synthetic one `--scale N` times larger.
// Run alone to see one size: `npx tsx bench/answer-bench.ts --scale 10`.
import { parseArgs } from 'node:util';
import { createAnswerer } from '../src/answer/create-answerer.js';
import { readEvalQuestions } from '../src/answer/eval-questions.js';
import { retrieve } from '../src/answer/retrieve.js';
import type { Knowledge } from '../src/knowledge/knowledge.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildSearchIndex } from '../src/knowledge/search-index.js';
import { createLogger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';
import { tempSqliteUrl } from '../test/helpers/store-urls.js';

export type AnswerBenchFigures = {
  scale: number;
  articles: number;
  sections: number;
  indexBuildMs: number;
  retrievalMedianMs: number;
  retrievalP99Ms: number;
  answerMedianMs: number;
  answerP99Ms: number;
  questionsPerSecond: number;
  peakRssMb: number;
};

/** The knowledge base repeated `scale` times under new ids: same facts, `scale`× the articles and sections. */
export function scaleKnowledge(knowledge: Knowledge, scale: number): Knowledge {
  if (scale === 1) return knowledge;
  const articles = new Map(knowledge.articles);
  for (let copy = 1; copy < scale; copy += 1) {
    for (const article of knowledge.articles.values()) {
      const id = `${article.id}-copy-${copy}`;
      articles.set(id, {
        ...article,
        id,
        sections: article.sections.map((section) => ({
          ...section,
          articleId: id,
          id: section.id.replace(article.id, id),
        })),
      });
    }
  }
  const { searchIndexData: _single, ...rest } = knowledge;
  return {
    ...rest,
    articles,
    sections: [...articles.values()].flatMap((article) => article.sections),
    version: `${knowledge.version}x${scale}`,
  };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

export async function runAnswerBench(scale: number, rounds = 5): Promise<AnswerBenchFigures> {
  const base = await loadKnowledge('knowledge');
  const knowledge = scaleKnowledge(base, scale);
  const file = await readEvalQuestions('test/eval/questions.yml');
  const questions = file.ok ? file.questions.map((item) => item.question) : ['What is the levy allowance?'];

  const indexStarted = performance.now();
  const index = buildSearchIndex(knowledge);
  const indexBuildMs = performance.now() - indexStarted;

  const store = await createStore(tempSqliteUrl());
  const answerer = await createAnswerer({
    knowledge,
    store,
    log: createLogger({ level: 'silent' }),
    model: 'off',
    promptsDir: 'prompts',
    cacheTtlMs: 0,
    now: () => new Date(),
  });

  const retrievalTimes: number[] = [];
  const answerTimes: number[] = [];
  for (const question of questions) await answerer.answer({ question }); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      let started = performance.now();
      retrieve(knowledge, index, question, { audience: 'staff' });
      retrievalTimes.push(performance.now() - started);
      started = performance.now();
      await answerer.answer({ question });
      answerTimes.push(performance.now() - started);
    }
  }
  await store.close();
  retrievalTimes.sort((a, b) => a - b);
  answerTimes.sort((a, b) => a - b);
  const meanAnswer = answerTimes.reduce((sum, time) => sum + time, 0) / answerTimes.length;
  return {
    scale,
    articles: knowledge.articles.size,
    sections: knowledge.sections.length,
    indexBuildMs: round2(indexBuildMs),
    retrievalMedianMs: round2(percentile(retrievalTimes, 0.5)),
    retrievalP99Ms: round2(percentile(retrievalTimes, 0.99)),
    answerMedianMs: round2(percentile(answerTimes, 0.5)),
    answerP99Ms: round2(percentile(answerTimes, 0.99)),
    questionsPerSecond: Math.round(1000 / meanAnswer),
    peakRssMb: round2(process.resourceUsage().maxRSS / 1024),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const figures = await runAnswerBench(Number(values.scale));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
