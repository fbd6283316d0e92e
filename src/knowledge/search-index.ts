import MiniSearch, { type SearchResult } from 'minisearch';
import type { Audience } from './article-schema.js';
import { FACT_REFERENCE } from './fact-references.js';
import type { Knowledge, Section } from './knowledge.js';
import { searchTerms } from './normalise-text.js';

type IndexedDocument = {
  id: string;
  title: string;
  heading: string;
  text: string;
  questions: string;
  keywords: string;
  audience: Audience;
};

export type SearchHit = {
  /** Section id, or the fact key for fact hits. */
  id: string;
  score: number;
  /** Query terms (stemmed) that matched. */
  terms: string[];
  /** Matched query terms found in a title, heading, question or alias field (stronger evidence than body text). */
  strongTerms: string[];
};

export type SearchIndex = {
  searchSections(query: string, options: { audience: Audience; limit?: number; articleId?: string }): SearchHit[];
  searchFacts(query: string, options: { audience: Audience; limit?: number }): SearchHit[];
  /** Whether a stemmed term occurs anywhere in the knowledge base. */
  hasTerm(term: string): boolean;
  /** The section a hit names. */
  section(id: string): Section | undefined;
};

const FIELDS = ['title', 'heading', 'text', 'questions', 'keywords'] as const;
const STRONG_FIELDS = new Set(['title', 'heading', 'questions', 'keywords']);
const BOOST = { title: 2, heading: 2.5, text: 1, questions: 1.8, keywords: 1.5 };

function newMiniSearch(vocabulary: Set<string>): MiniSearch<IndexedDocument> {
  return new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    storeFields: ['audience'],
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: BOOST,
      // Only words the knowledge base does not contain are treated as possible misspellings (fuzzy search is costly).
      fuzzy: (term) => (term.length >= 6 && !/\d/.test(term) && !vocabulary.has(term) ? 0.2 : false),
      combineWith: 'OR',
      bm25: { k: 1.2, b: 0.6, d: 0.5 },
    },
  });
}

function toHit(result: SearchResult): SearchHit {
  const strong = Object.entries(result.match)
    .filter(([, fields]) => fields.some((field) => STRONG_FIELDS.has(field)))
    .map(([term]) => term);
  return { id: result.id as string, score: result.score, terms: result.terms, strongTerms: strong };
}

/** Builds the full-text index over article sections and the facts table (stemmed, with the domain's synonyms). */
export function buildSearchIndex(knowledge: Knowledge): SearchIndex {
  const vocabulary = new Set<string>();
  const sectionsById = new Map(knowledge.sections.map((section) => [section.id, section]));
  const sections = newMiniSearch(vocabulary);
  const facts = newMiniSearch(vocabulary);

  const sectionDocuments: IndexedDocument[] = knowledge.sections.map((section) => {
    const article = knowledge.articles.get(section.articleId);
    const text = section.body.replace(FACT_REFERENCE, (_whole, _kind: string, key: string) => {
      return knowledge.facts.get(key)?.label ?? '';
    });
    return {
      id: section.id,
      title: article?.title ?? '',
      heading: section.heading === 'Overview' ? (article?.summary ?? '') : section.heading,
      text,
      questions: section.order === 0 ? (article?.questions.join(' \n ') ?? '') : '',
      keywords: article?.keywords.join(' ') ?? '',
      audience: article?.audience ?? 'staff',
    };
  });
  sections.addAll(sectionDocuments);

  const factDocuments: IndexedDocument[] = [...knowledge.facts.values()].map((fact) => ({
    id: fact.key,
    title: fact.label,
    heading: '',
    text: fact.key.replace(/[._-]/g, ' '),
    questions: fact.aliases.join(' \n '),
    keywords: '',
    audience: fact.audience,
  }));
  facts.addAll(factDocuments);

  for (const document of [...sectionDocuments, ...factDocuments]) {
    for (const field of FIELDS) for (const term of searchTerms(document[field])) vocabulary.add(term);
  }

  const visible = (audience: Audience) => (result: SearchResult) =>
    audience === 'staff' || result['audience'] === 'public';

  return {
    searchSections(query, options) {
      const filter = visible(options.audience);
      return sections
        .search(query, {
          filter: options.articleId
            ? (result) => filter(result) && (result.id as string).startsWith(`${options.articleId}#`)
            : filter,
        })
        .slice(0, options.limit ?? 8)
        .map(toHit);
    },
    searchFacts(query, options) {
      return facts
        .search(query, { filter: visible(options.audience), boost: { title: 3, questions: 3, text: 0.5 } })
        .slice(0, options.limit ?? 5)
        .map(toHit);
    },
    hasTerm(term) {
      return vocabulary.has(term);
    },
    section(id) {
      return sectionsById.get(id);
    },
  };
}
