// The ranking the section index must reproduce: MiniSearch 7 over the same fields, boosts and BM25 settings that
// Skills Desk used before it had its own index. Test-only.
import MiniSearch from 'minisearch';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { searchTerms } from '../../src/knowledge/normalise-text.js';
import { factDocuments, sectionDocuments } from '../../src/knowledge/search-index.js';
import { INDEXED_FIELDS } from '../../src/knowledge/section-index.js';

export type ReferenceHit = { id: string; score: number };

export function referenceSectionSearch(knowledge: Knowledge, vocabulary: (term: string) => boolean) {
  const search = new MiniSearch({
    fields: [...INDEXED_FIELDS],
    storeFields: ['isPublic'],
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2, heading: 2.5, text: 1, questions: 1.8, keywords: 1.5 },
      fuzzy: (term) => (term.length >= 6 && term.length <= 30 && !/\d/.test(term) && !vocabulary(term) ? 0.2 : false),
      combineWith: 'OR',
      bm25: { k: 1.2, b: 0.6, d: 0.5 },
    },
  });
  search.addAll(sectionDocuments(knowledge));
  return (query: string, options: { limit: number; publicOnly: boolean; articleId?: string }): ReferenceHit[] =>
    search
      .search(query, {
        filter: (result) =>
          (!options.publicOnly || result['isPublic'] === true) &&
          (options.articleId === undefined || (result.id as string).startsWith(`${options.articleId}#`)),
      })
      .slice(0, options.limit)
      .map((result) => ({ id: result.id as string, score: result.score }));
}

/** The facts' search as MiniSearch 7 gave it, which the fact index must reproduce to the last bit. */
export function referenceFactSearch(knowledge: Knowledge, vocabulary: (term: string) => boolean) {
  const search = new MiniSearch({
    fields: ['title', 'heading', 'text', 'questions', 'keywords'],
    storeFields: ['audience'],
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2, heading: 2.5, text: 1, questions: 1.8, keywords: 1.5 },
      fuzzy: (term) => (term.length >= 6 && term.length <= 30 && !/\d/.test(term) && !vocabulary(term) ? 0.2 : false),
      combineWith: 'OR',
      bm25: { k: 1.2, b: 0.6, d: 0.5 },
    },
  });
  search.addAll(factDocuments(knowledge));
  const strong = new Set(['title', 'heading', 'questions', 'keywords']);
  return (query: string, options: { limit: number; publicOnly: boolean }) =>
    search
      .search(query, {
        filter: (result) => !options.publicOnly || result['audience'] === 'public',
        boost: { title: 3, questions: 3, text: 0.5 },
      })
      .slice(0, options.limit)
      .map((result) => ({
        id: result.id as string,
        score: result.score,
        terms: result.terms,
        strongTerms: Object.entries(result.match)
          .filter(([, fields]) => fields.some((field) => strong.has(field)))
          .map(([term]) => term),
      }));
}
