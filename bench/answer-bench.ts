// Times the answer engine on the project's knowledge base, or on a synthetic one `--scale N` times larger.
// Run alone to see one size: `npx tsx bench/answer-bench.ts --scale 10`.
import { parseArgs } from 'node:util';
import { createAnswerer } from '../src/answer/create-answerer.js';
import { readEvalQuestions } from '../src/answer/eval-questions.js';
import { retrieve } from '../src/answer/retrieve.js';
import type { Knowledge } from '../src/knowledge/knowledge.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildSearchIndex, type SearchIndex } from '../src/knowledge/search-index.js';
import { createLogger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';
import { understand } from '../src/understand/index.js';
import { tempSqliteUrl } from '../test/helpers/store-urls.js';
import { referenceSectionSearch } from '../test/knowledge/reference-ranking.js';

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
  /** Share of the project's questions whose expected article is found first, and among the first five. */
  recallAt1: number;
  recallAt5: number;
  /**
   * The same, for the sections an answer is composed from: the search after the understanding step (the topic it
   * read lifts that topic's passages, an article listing the question lifts its own).
   */
  retrievalRecallAt1: number;
  retrievalRecallAt5: number;
  /** With --verify: questions whose top 8 sections equal the MiniSearch reference ranking. */
  rankingMatchesReference?: string;
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

export async function runAnswerBench(scale: number, rounds = 5, verify = false): Promise<AnswerBenchFigures> {
  const base = await loadKnowledge('knowledge');
  const knowledge = scaleKnowledge(base, scale);
  const file = await readEvalQuestions('test/eval/questions.yml');
  const questions = file.ok ? file.questions.map((item) => item.question) : ['What is the levy allowance?'];
  const withSource = file.ok
    ? file.questions.filter(
        (item) => item.source !== undefined && item.history === undefined && item.audience !== 'public',
      )
    : [];

  const indexStarted = performance.now();
  const index = buildSearchIndex(knowledge);
  const indexBuildMs = performance.now() - indexStarted;

  const store = await createStore(tempSqliteUrl());
  const answerer = await createAnswerer({
    // The engine reads the index just built instead of building its own again.
    knowledge: { ...knowledge, searchIndexData: index.toData() },
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
  const sourced = withSource.map((item) => ({ question: item.question, source: item.source ?? '' }));
  const recall = recallOfSource(sourced, (question) =>
    index.searchSections(question, { audience: 'staff', limit: 8 }).map((hit) => hit.id.split('#')[0] ?? ''),
  );
  const today = new Date().toISOString().slice(0, 10);
  const retrievalRecall = recallOfSource(sourced, (question) => {
    const understanding = understand({ message: question, history: [], asOf: today, today });
    return retrieve(knowledge, index, question, { audience: 'staff', understanding }).sections.map(
      ({ section }) => section.articleId,
    );
  });
  const matchesReference = verify ? sameRankingAsReference(knowledge, index, questions) : undefined;
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
    recallAt1: round3(recall.at1),
    recallAt5: round3(recall.at5),
    retrievalRecallAt1: round3(retrievalRecall.at1),
    retrievalRecallAt5: round3(retrievalRecall.at5),
    ...(matchesReference !== undefined && { rankingMatchesReference: matchesReference }),
  };
}

/** Share of questions whose expected article is the first (recall@1) or among the first five articles found. */
function recallOfSource(items: { question: string; source: string }[], articlesFound: (question: string) => string[]) {
  let at1 = 0;
  let at5 = 0;
  for (const { question, source } of items) {
    // A copy in a scaled knowledge base counts as its original article.
    const articles = [...new Set(articlesFound(question).map((id) => id.replace(/-copy-\d+$/, '')))];
    if (articles[0] === source) at1 += 1;
    if (articles.slice(0, 5).includes(source)) at5 += 1;
  }
  return { at1: at1 / Math.max(1, items.length), at5: at5 / Math.max(1, items.length) };
}

/** How many questions get the same top 8 sections as the MiniSearch reference ranking, as "n/total". */
function sameRankingAsReference(knowledge: Knowledge, index: SearchIndex, questions: string[]): string {
  const reference = referenceSectionSearch(knowledge, (term) => index.hasTerm(term));
  const same = questions.filter((question) => {
    const ours = index.searchSections(question, { audience: 'staff', limit: 8 }).map((hit) => hit.id);
    const theirs = reference(question, { limit: 8, publicOnly: false }).map((hit) => hit.id);
    return ours.join() === theirs.join();
  }).length;
  return `${same}/${questions.length}`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, verify: { type: 'boolean', default: false } },
  });
  const figures = await runAnswerBench(Number(values.scale), 5, values.verify);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
