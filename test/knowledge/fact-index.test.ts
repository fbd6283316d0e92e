import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readEvalQuestions } from '../../src/answer/eval-questions.js';
import { buildFactIndex } from '../../src/knowledge/fact-index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { searchTerms } from '../../src/knowledge/normalise-text.js';
import { buildSearchIndex } from '../../src/knowledge/search-index.js';
import { referenceFactSearch } from './reference-ranking.js';

let knowledge: Knowledge;
let messages: string[];

/** Every question and message the project's eval, held-out and understanding files hold. */
function projectMessages(): string[] {
  const texts = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'text' || key === 'question') && typeof inner === 'string') texts.add(inner);
        else collect(inner);
      }
    }
  };
  for (const folder of ['knowledge/understanding', 'test/eval', 'test/heldout']) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yml'))) {
      collect(parse(readFileSync(join(folder, file), 'utf8')));
    }
  }
  return [...texts];
}

/** The message with each long word misspelt (a letter dropped), to reach the near-spelling path. */
function misspelt(message: string): string {
  return message.replace(/[a-z]{7,}/gi, (word) => word.slice(0, 3) + word.slice(4));
}

beforeAll(async () => {
  knowledge = await loadKnowledge('knowledge');
  messages = projectMessages();
  const read = await readEvalQuestions('test/eval/questions.yml');
  if (!read.ok) throw new Error(read.problems.join('\n'));
  messages.push(...read.questions.map((item) => misspelt(item.question)), 'apprentiseship levey alowance', '');
});

describe('the fact index', () => {
  it('gives what MiniSearch gave for every message in the project: the same facts, scores, order and terms', () => {
    const index = buildSearchIndex(knowledge);
    const reference = referenceFactSearch(knowledge, (term) => index.hasTerm(term));
    expect(messages.length).toBeGreaterThan(4000);
    for (const message of messages) {
      for (const audience of ['staff', 'public'] as const) {
        const ours = index.searchFacts(message, { audience, limit: 8 });
        expect(ours, message).toEqual(reference(message, { limit: 8, publicOnly: audience === 'public' }));
      }
    }
  });

  it('gives the same facts when read back from a snapshot', () => {
    const built = buildSearchIndex(knowledge);
    const data = JSON.parse(JSON.stringify(built.toData())) as ReturnType<typeof built.toData>;
    expect(data.facts?.terms.length).toBeGreaterThan(100);
    const read = buildSearchIndex(knowledge, data);
    for (const message of messages.slice(0, 800)) {
      expect(read.searchFacts(message, { audience: 'staff', limit: 8 }), message).toEqual(
        built.searchFacts(message, { audience: 'staff', limit: 8 }),
      );
    }
  });

  it('hands a query to the fallback only when a word has two or more near spellings', () => {
    const asked: string[] = [];
    const index = buildFactIndex(
      [
        { id: 'a', isPublic: true, title: 'levy rate', heading: '', text: 'levy', questions: '', keywords: '' },
        { id: 'b', isPublic: false, title: 'levy allowance', heading: '', text: '', questions: '', keywords: '' },
        { id: 'c', isPublic: true, title: 'trainee', heading: '', text: 'trainer', questions: '', keywords: '' },
        { id: 'd', isPublic: true, title: 'placement', heading: '', text: '', questions: '', keywords: '' },
      ],
      {
        tokenize: searchTerms,
        boost: { title: 3 },
        strongFields: new Set(['title']),
        bm25: { k: 1.2, b: 0.6, d: 0.5 },
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        fallback: (query) => {
          asked.push(query);
          return [];
        },
      },
    );
    const hits = index.search('levy allowance', { publicOnly: false, limit: 5 });
    expect(hits.map((hit) => hit.id)).toEqual(['b', 'a']);
    expect(hits[0]?.strongTerms).toEqual(['levi', 'allow']);
    expect(index.search('levy allowance', { publicOnly: true, limit: 5 }).map((hit) => hit.id)).toEqual(['a']);
    expect(index.search('plaicement', { publicOnly: false, limit: 5 }).map((hit) => hit.id)).toEqual(['d']);
    expect(asked).toEqual([]);
    // "trainex" is one letter from both "traine" and "trainer".
    index.search('trainex', { publicOnly: false, limit: 5 });
    expect(asked).toEqual(['trainex']);
  });
});
