/**
 * Full-text search over the facts table that gives MiniSearch 7's results to the last bit (scores, their order, ties
 * and matched terms) without its per-query overhead. Each term's BM25+ score in each field is worked out once, as
 * MiniSearch works it out (including its running average of field lengths); a search adds them up in MiniSearch's
 * order: query term by query term, field by field, document by document. The one thing not copied is the order in
 * which MiniSearch's tree lists a word's near spellings, which changes how sums round when a word has two or more of
 * them: such a query is handed to `fallback`, a MiniSearch index over the same documents.
 */
import { editDistance } from './section-index.js';

export type FactField = 'title' | 'heading' | 'text' | 'questions' | 'keywords';
export const FACT_FIELDS: readonly FactField[] = ['title', 'heading', 'text', 'questions', 'keywords'];

export type FactDocument = { id: string; isPublic: boolean } & Record<FactField, string>;

export type FactMatch = { id: string; score: number; terms: string[]; strongTerms: string[] };

export type FactIndexOptions = {
  tokenize: (text: string) => string[];
  /** The boost of each field at search time; a field not named counts 1, as in MiniSearch. */
  boost: Partial<Record<FactField, number>>;
  strongFields: ReadonlySet<string>;
  bm25: { k: number; b: number; d: number };
  fuzzy: (term: string) => number | false;
  /** Answers a query that this index cannot answer exactly (see above). */
  fallback: (query: string, options: { publicOnly: boolean; limit: number }) => FactMatch[];
};

export type FactIndex = {
  search(query: string, options: { publicOnly: boolean; limit: number }): FactMatch[];
  /** What a snapshot keeps, so that a start need not split the facts into terms again. */
  toData(): FactIndexData;
};

/** One term in one field: the documents holding it, in the order they were added, with the term's BM25+ score. */
type FieldScores = { field: FactField; docs: number[]; scores: number[] };
type FieldPostings = FieldScores & { boost: number };

export type FactIndexData = { ids: string[]; isPublic: boolean[]; terms: [string, FieldScores[]][] };

const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
/** Query words whose near spellings are kept, as a bound on memory. */
const NEAR_CACHE_SIZE = 10_000;

export function buildFactIndex(documents: FactDocument[], options: FactIndexOptions): FactIndex {
  const { k, b, d } = options.bm25;
  // term → field → document → frequency, all in the order MiniSearch adds them.
  const frequencies = new Map<string, Map<FactField, Map<number, number>>>();
  const lengths = FACT_FIELDS.map(() => [] as number[]);
  const averages = FACT_FIELDS.map(() => 0);
  documents.forEach((document, doc) => {
    FACT_FIELDS.forEach((field, fieldId) => {
      const tokens = options.tokenize(document[field]);
      const length = new Set(tokens).size;
      lengths[fieldId]![doc] = length;
      averages[fieldId] = (averages[fieldId]! * doc + length) / (doc + 1);
      for (const term of tokens) {
        if (!term) continue;
        const byField = frequencies.get(term) ?? new Map<FactField, Map<number, number>>();
        frequencies.set(term, byField);
        const byDoc = byField.get(field) ?? new Map<number, number>();
        byField.set(field, byDoc);
        byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
      }
    });
  });
  const count = documents.length;
  const terms: [string, FieldScores[]][] = [];
  for (const [term, byField] of frequencies) {
    const lists: FieldScores[] = [];
    FACT_FIELDS.forEach((field, fieldId) => {
      const byDoc = byField.get(field);
      if (!byDoc) return;
      const matching = byDoc.size;
      const docs: number[] = [];
      const scores: number[] = [];
      for (const [doc, frequency] of byDoc) {
        const length = lengths[fieldId]![doc]!;
        const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
        docs.push(doc);
        scores.push(idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averages[fieldId]!))));
      }
      lists.push({ field, docs, scores });
    });
    terms.push([term, lists]);
  }
  const ids = documents.map((document) => document.id);
  return loadFactIndex({ ids, isPublic: documents.map((document) => document.isPublic), terms }, options);
}

/** Reads the index back from a snapshot. */
export function loadFactIndex(data: FactIndexData, options: FactIndexOptions): FactIndex {
  const postings = new Map<string, FieldPostings[]>(
    data.terms.map(([term, lists]) => [
      term,
      lists.map((list) => ({ ...list, boost: options.boost[list.field] || 1 })),
    ]),
  );
  const termsByLength = new Map<number, string[]>();
  for (const term of postings.keys()) {
    const list = termsByLength.get(term.length) ?? [];
    list.push(term);
    termsByLength.set(term.length, list);
  }

  // A word's near spellings are looked up once: the scan over every term of similar length is the costly part.
  const nearCache = new Map<string, { term: string; distance: number }[]>();
  function nearSpellings(term: string): { term: string; distance: number }[] {
    const known = nearCache.get(term);
    if (known !== undefined) return known;
    const near = findNearSpellings(term);
    if (nearCache.size >= NEAR_CACHE_SIZE) nearCache.clear();
    nearCache.set(term, near);
    return near;
  }

  /** The index's near spellings of a query term (never the term itself), as MiniSearch's fuzzy search finds them. */
  function findNearSpellings(term: string): { term: string; distance: number }[] {
    const share = options.fuzzy(term);
    if (share === false) return [];
    const maxDistance = share < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * share)) : share;
    if (!maxDistance) return [];
    const near: { term: string; distance: number }[] = [];
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length += 1) {
      for (const candidate of termsByLength.get(length) ?? []) {
        const distance = editDistance(term, candidate, maxDistance);
        if (distance > 0 && distance <= maxDistance) near.push({ term: candidate, distance });
      }
    }
    return near;
  }

  const count = data.ids.length;
  // Per search, reused: each query term's score in each document, and the running total over the query terms.
  const termScore = new Float64Array(count);
  const termSeen = new Int32Array(count).fill(-1);
  const total = new Float64Array(count);
  const totalSeen = new Uint8Array(count);
  const matchedTerms: (string[] | undefined)[] = new Array(count);

  /** The fields a term occurs in, in one document, in field order (MiniSearch's `match` entry). */
  function fieldsIn(term: string, doc: number): FactField[] {
    const fields: FactField[] = [];
    for (const { field, docs } of postings.get(term) ?? []) if (docs.includes(doc)) fields.push(field);
    return fields;
  }

  /**
   * One hit as MiniSearch gives it. The terms are listed by putting them in an object in the order MiniSearch
   * puts them in its `match` object (query term by query term, the word itself and then its near spellings),
   * so that they come out in the same order, number-like terms first as in any object.
   */
  function hitOf(doc: number, score: number, derived: string[][]): FactMatch {
    const match: Record<string, FactField[]> = {};
    for (const terms of derived) {
      for (const term of terms) {
        if (Object.hasOwn(match, term)) continue;
        const fields = fieldsIn(term, doc);
        if (fields.length > 0) match[term] = fields;
      }
    }
    return {
      id: data.ids[doc]!,
      score,
      terms: Object.keys(match),
      strongTerms: Object.entries(match)
        .filter(([, fields]) => fields.some((field) => options.strongFields.has(field)))
        .map(([term]) => term),
    };
  }

  return {
    search(query, { publicOnly, limit }) {
      const queryTerms = options.tokenize(query).filter((term) => !!term);
      const derived: { term: string; weight: number }[][] = [];
      for (const queryTerm of queryTerms) {
        const near = nearSpellings(queryTerm);
        if (near.length > 1) return options.fallback(query, { publicOnly, limit });
        derived.push([
          { term: queryTerm, weight: 1 },
          ...near.map(({ term, distance }) => ({
            term,
            weight: (FUZZY_WEIGHT * term.length) / (term.length + distance),
          })),
        ]);
      }
      // MiniSearch's sums in its order: within a query term, field by field and document by document (the first
      // contribution, then each added); across query terms, the total so far plus the term's score.
      const order: number[] = [];
      derived.forEach((terms, position) => {
        const touched: number[] = [];
        for (const { term, weight } of terms) {
          for (const { boost, docs, scores } of postings.get(term) ?? []) {
            for (let at = 0; at < docs.length; at += 1) {
              const doc = docs[at]!;
              const weighted = weight * boost * scores[at]!;
              if (termSeen[doc] === position) termScore[doc] = termScore[doc]! + weighted;
              else {
                termSeen[doc] = position;
                termScore[doc] = weighted;
                touched.push(doc);
              }
            }
          }
        }
        const queryTerm = queryTerms[position]!;
        for (const doc of touched) {
          if (totalSeen[doc]) total[doc] = total[doc]! + termScore[doc]!;
          else {
            totalSeen[doc] = 1;
            total[doc] = termScore[doc]!;
            order.push(doc);
          }
          const matched = matchedTerms[doc] ?? [];
          matchedTerms[doc] = matched;
          if (!matched.includes(queryTerm)) matched.push(queryTerm);
        }
      });
      const ranked: { doc: number; score: number }[] = [];
      for (const doc of order) {
        if (!publicOnly || data.isPublic[doc])
          ranked.push({ doc, score: total[doc]! * (matchedTerms[doc]!.length || 1) });
      }
      for (const doc of order) {
        termSeen[doc] = -1;
        totalSeen[doc] = 0;
        matchedTerms[doc] = undefined;
      }
      const derivedTerms = derived.map((terms) => terms.map(({ term }) => term));
      return ranked
        .sort((left, right) => right.score - left.score)
        .slice(0, limit)
        .map(({ doc, score }) => hitOf(doc, score, derivedTerms));
    },
    toData() {
      return data;
    },
  };
}
