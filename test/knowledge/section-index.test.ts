import { beforeAll, describe, expect, it } from 'vitest';
import { scaleKnowledge } from '../../bench/answer-bench.js';
import { readEvalQuestions } from '../../src/answer/eval-questions.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildSearchIndex } from '../../src/knowledge/search-index.js';
import { buildSectionIndex, editDistance } from '../../src/knowledge/section-index.js';
import { referenceSectionSearch } from './reference-ranking.js';

let knowledge: Knowledge;
let questions: string[];

beforeAll(async () => {
  knowledge = await loadKnowledge('knowledge');
  const read = await readEvalQuestions('test/eval/questions.yml');
  if (!read.ok) throw new Error(read.problems.join('\n'));
  questions = read.questions.map((item) => item.question);
  // Misspellings exercise the fuzzy path.
  questions.push('whats the lndon livng wage', 'apprentiseship levey alowance', 'hackny 100 placemnt');
});

function expectSameRanking(scale: number) {
  const scaled = scaleKnowledge(knowledge, scale);
  const index = buildSearchIndex(scaled);
  const reference = referenceSectionSearch(scaled, (term) => index.hasTerm(term));
  let compared = 0;
  for (const question of questions) {
    for (const publicOnly of [false, true]) {
      const ours = index.searchSections(question, { audience: publicOnly ? 'public' : 'staff', limit: 8 });
      const theirs = reference(question, { limit: 8, publicOnly });
      expect(
        ours.map((hit) => hit.id),
        question,
      ).toEqual(theirs.map((hit) => hit.id));
      ours.forEach((hit, at) => {
        expect(hit.score).toBeCloseTo(theirs[at]!.score, 6);
      });
      compared += 1;
    }
  }
  return compared;
}

describe('section index', () => {
  it('ranks the top 8 sections exactly as the reference ranking does, for every project question', {
    timeout: 60_000,
  }, () => {
    expect(expectSameRanking(1)).toBe(questions.length * 2);
  });

  // Building the reference index ten times over takes a while on a busy machine.
  it('keeps the same ranking on a knowledge base ten times larger', { timeout: 240_000 }, () => {
    expect(expectSameRanking(10)).toBe(questions.length * 2);
  });

  it('searches one article only when asked, with the reference ranking inside it', () => {
    const index = buildSearchIndex(knowledge);
    const reference = referenceSectionSearch(knowledge, (term) => index.hasTerm(term));
    const asked: [string, string][] = [
      ['llw-rates-by-year', 'what is the rate and when did it change'],
      ['levy-transfers', 'how much levy can be transferred to another employer'],
      ['hackney-100-overview', 'what is hackney 100 and who runs the placements'],
    ];
    for (const [articleId, question] of asked) {
      const ours = index.searchSections(question, { audience: 'staff', articleId, limit: 3 });
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.every((hit) => hit.id.startsWith(`${articleId}#`))).toBe(true);
      expect(ours.map((hit) => hit.id)).toEqual(
        reference(question, { limit: 3, publicOnly: false, articleId }).map((hit) => hit.id),
      );
    }
  });

  it('reads back from its snapshot data with the same results', () => {
    const built = buildSearchIndex(knowledge);
    const restored = buildSearchIndex(knowledge, JSON.parse(JSON.stringify(built.toData())));
    for (const question of questions.slice(0, 60)) {
      expect(restored.searchSections(question, { audience: 'staff' })).toEqual(
        built.searchSections(question, { audience: 'staff' }),
      );
    }
  });

  it('answers a 40,000-character word without trying to correct its spelling', () => {
    const index = buildSearchIndex(knowledge);
    expect(index.searchSections('x'.repeat(40_000), { audience: 'staff' })).toEqual([]);
  });

  it('names the matched terms and those found in titles, headings, questions or keywords', () => {
    const index = buildSectionIndex(
      [
        {
          id: 'a#1',
          articleId: 'a',
          isPublic: true,
          title: 'Levy rate',
          heading: '',
          text: 'pay bill',
          questions: '',
          keywords: '',
        },
        {
          id: 'b#1',
          articleId: 'b',
          isPublic: false,
          title: 'Other',
          heading: '',
          text: 'levy',
          questions: '',
          keywords: '',
        },
      ],
      {
        tokenize: (text) => text.toLowerCase().split(/\s+/).filter(Boolean),
        boost: { title: 2, heading: 1, text: 1, questions: 1, keywords: 1 },
        strongFields: new Set(['title']),
        bm25: { k: 1.2, b: 0.6, d: 0.5 },
        fuzzy: () => false,
      },
    );
    const hits = index.search('levy pay', { limit: 5, publicOnly: false });
    expect(hits.map((hit) => hit.id)).toEqual(['a#1', 'b#1']);
    expect(hits[0]).toMatchObject({ terms: ['levy', 'pay'], strongTerms: ['levy'] });
    expect(hits[1]).toMatchObject({ terms: ['levy'], strongTerms: [] });
    expect(index.search('levy', { limit: 5, publicOnly: true }).map((hit) => hit.id)).toEqual(['a#1']);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions, and stops past the bound', () => {
    expect(editDistance('levy', 'levy', 2)).toBe(0);
    expect(editDistance('levey', 'levy', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
