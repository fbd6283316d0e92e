import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { lazyModule } from '../lazy-module.js';
import type { Audience } from './article-schema.js';
import {
  buildFactIndex,
  type FactIndex,
  type FactIndexData,
  type FactIndexOptions,
  loadFactIndex,
} from './fact-index.js';
import { FACT_REFERENCE } from './fact-references.js';
import type { Knowledge, Section } from './knowledge.js';
import { searchTerms } from './normalise-text.js';
import {
  buildSectionIndex,
  type IndexedField,
  loadSectionIndex,
  type SectionDocument,
  type SectionIndex,
  type SectionIndexData,
  type SectionIndexOptions,
} from './section-index.js';

type IndexedDocument = {
  id: string;
  title: string;
  heading: string;
  text: string;
  questions: string;
  keywords: string;
  audience: Audience;
};

/** How facts are searched: their label and aliases count most. */
const FACT_BOOST = { title: 3, questions: 3, text: 0.5 };

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
  /** What a snapshot keeps so that the next start need not build the index again. */
  toData(): SearchIndexData;
};

/** `facts` is absent from snapshots written before the facts had an index of their own; they are then indexed anew. */
export type SearchIndexData = { sections: SectionIndexData; vocabulary: string[]; facts?: FactIndexData };

const FIELDS = ['title', 'heading', 'text', 'questions', 'keywords'] as const;
const STRONG_FIELDS: ReadonlySet<string> = new Set(['title', 'heading', 'questions', 'keywords']);
const BOOST = { title: 2, heading: 2.5, text: 1, questions: 1.8, keywords: 1.5 };
const BM25 = { k: 1.2, b: 0.6, d: 0.5 };

/** MiniSearch is loaded only for the rare query the fact index hands it (its CommonJS build exports the class). */
const loadMiniSearch = lazyModule<typeof MiniSearch>('minisearch');

function newMiniSearch(vocabulary: Set<string>): MiniSearch<IndexedDocument> {
  const MiniSearchClass = loadMiniSearch();
  return new MiniSearchClass<IndexedDocument>({
    fields: [...FIELDS],
    storeFields: ['audience'],
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: BOOST,
      // Only words the knowledge base does not contain are treated as possible misspellings (fuzzy search is costly).
      fuzzy: (term) => (isFuzzyCandidate(term, vocabulary) ? 0.2 : false),
      combineWith: 'OR',
      bm25: BM25,
    },
  });
}

function toHit(result: SearchResult): SearchHit {
  const strong = Object.entries(result.match)
    .filter(([, fields]) => fields.some((field) => STRONG_FIELDS.has(field)))
    .map(([term]) => term);
  return { id: result.id as string, score: result.score, terms: result.terms, strongTerms: strong };
}

function sectionOptions(vocabulary: Set<string>): SectionIndexOptions {
  return {
    tokenize: searchTerms,
    boost: BOOST,
    strongFields: STRONG_FIELDS as ReadonlySet<IndexedField>,
    bm25: BM25,
    fuzzy: (term) => (isFuzzyCandidate(term, vocabulary) ? 0.2 : false),
  };
}

/** Only words the knowledge base does not contain are treated as possible misspellings (fuzzy search is costly). */
function isFuzzyCandidate(term: string, vocabulary: Set<string>): boolean {
  return term.length >= 6 && term.length <= 30 && !/\d/.test(term) && !vocabulary.has(term);
}

/** The fields each section is searched by, with fact references written as the facts' labels. */
export function sectionDocuments(knowledge: Knowledge): SectionDocument[] {
  return knowledge.sections.map((section) => {
    const article = knowledge.articles.get(section.articleId);
    const text = section.body.replace(FACT_REFERENCE, (_whole, _kind: string, key: string) => {
      return knowledge.facts.get(key)?.label ?? '';
    });
    return {
      id: section.id,
      articleId: section.articleId,
      isPublic: (article?.audience ?? 'staff') === 'public',
      title: article?.title ?? '',
      heading: section.heading === 'Overview' ? (article?.summary ?? '') : section.heading,
      text,
      questions: section.order === 0 ? (article?.questions.join(' \n ') ?? '') : '',
      keywords: article?.keywords.join(' ') ?? '',
    };
  });
}

/** The fields each fact is searched by: its label, key words and aliases. */
export function factDocuments(knowledge: Knowledge): IndexedDocument[] {
  return [...knowledge.facts.values()].map((fact) => ({
    id: fact.key,
    title: fact.label,
    heading: '',
    text: fact.key.replace(/[._-]/g, ' '),
    questions: fact.aliases.join(' \n '),
    keywords: '',
    audience: fact.audience,
  }));
}

/**
 * The facts' index. The few queries it leaves to MiniSearch (a word with two or more near spellings among the facts'
 * words) go to a MiniSearch index over the same documents, built the first time one is asked.
 */
function factIndex(knowledge: Knowledge, vocabulary: Set<string>, data: FactIndexData | undefined): FactIndex {
  let miniSearch: MiniSearch<IndexedDocument> | undefined;
  const options: FactIndexOptions = {
    tokenize: searchTerms,
    boost: FACT_BOOST,
    strongFields: STRONG_FIELDS,
    bm25: BM25,
    fuzzy: (term) => (isFuzzyCandidate(term, vocabulary) ? 0.2 : false),
    fallback(query, { publicOnly, limit }) {
      if (!miniSearch) {
        miniSearch = newMiniSearch(vocabulary);
        miniSearch.addAll(factDocuments(knowledge));
      }
      return miniSearch
        .search(query, {
          filter: (result: SearchResult) => !publicOnly || result['audience'] === 'public',
          boost: FACT_BOOST,
        })
        .slice(0, limit)
        .map(toHit);
    },
  };
  if (data) return loadFactIndex(data, options);
  const documents = factDocuments(knowledge).map((document) => ({
    ...document,
    isPublic: document.audience === 'public',
  }));
  return buildFactIndex(documents, options);
}

/**
 * Builds the full-text index over article sections and the facts table (stemmed, with the domain's synonyms), or
 * reads the sections' index from a snapshot's `data` when one is given.
 */
export function buildSearchIndex(knowledge: Knowledge, data = knowledge.searchIndexData): SearchIndex {
  const vocabulary = new Set<string>(data?.vocabulary);
  const sectionsById = new Map(knowledge.sections.map((section) => [section.id, section]));
  const options = sectionOptions(vocabulary);
  let sections: SectionIndex;
  const facts = factIndex(knowledge, vocabulary, data?.facts);
  if (data) {
    sections = loadSectionIndex(data.sections, options);
  } else {
    sections = buildSectionIndex(sectionDocuments(knowledge), options);
    for (const term of sections.terms()) vocabulary.add(term);
    for (const [term] of facts.toData().terms) vocabulary.add(term);
  }

  return {
    searchSections(query, options) {
      return sections.search(query, {
        limit: options.limit ?? 8,
        publicOnly: options.audience !== 'staff',
        ...(options.articleId !== undefined && { articleId: options.articleId }),
      });
    },
    searchFacts(query, options) {
      return facts.search(query, { publicOnly: options.audience !== 'staff', limit: options.limit ?? 5 });
    },
    hasTerm(term) {
      return vocabulary.has(term);
    },
    section(id) {
      return sectionsById.get(id);
    },
    toData() {
      return { sections: sections.toData(), vocabulary: [...vocabulary], facts: facts.toData() };
    },
  };
}
