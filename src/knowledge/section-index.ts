/**
 * A BM25+ inverted index over article sections whose search cost follows the postings of the query's terms, not the
 * size of the knowledge base. Each term's score in each section (summed over the boosted fields) is worked out once
 * at build time, so a search adds precomputed impacts into one reused array and keeps the best `limit` sections.
 * Scoring matches MiniSearch 7 (BM25+ per field with the same k, b and d, fuzzy weights, and the score multiplied by
 * how many query terms matched), which the test suite holds it to on the whole question set.
 */

export type IndexedField = 'title' | 'heading' | 'text' | 'questions' | 'keywords';
export const INDEXED_FIELDS: readonly IndexedField[] = ['title', 'heading', 'text', 'questions', 'keywords'];

export type SectionDocument = { id: string; articleId: string; isPublic: boolean } & Record<IndexedField, string>;

export type SectionIndexOptions = {
  tokenize: (text: string) => string[];
  boost: Record<IndexedField, number>;
  /** Fields whose matches count as strong evidence (titles, headings, questions, aliases). */
  strongFields: ReadonlySet<IndexedField>;
  bm25: { k: number; b: number; d: number };
  /** Whether a query term that the index lacks may match near spellings, and the largest share of its length to edit. */
  fuzzy: (term: string) => number | false;
};

export type SectionMatch = { id: string; score: number; terms: string[]; strongTerms: string[] };

export type SectionSearch = { limit: number; publicOnly: boolean; articleId?: string };

/** The part of the index that can be written to a snapshot and read back without tokenising anything again. */
export type SectionIndexData = {
  ids: string[];
  articleIds: string[];
  isPublic: boolean[];
  terms: string[];
  /** Per term: section numbers (ascending), impacts and whether the term is in a strong field there. */
  postings: { docs: number[]; impacts: number[]; strong: number[] }[];
};

/** Typed arrays when built here; the snapshot's own lists when read from one (copying them would double the memory). */
type Posting = { docs: ArrayLike<number>; impacts: ArrayLike<number>; strong: ArrayLike<number> };

const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY_DISTANCE = 6;
/** Longer words are never looked up by spelling: nothing in the knowledge base is that long, and the cost grows. */
const MAX_FUZZY_TERM_LENGTH = 30;
/** Query terms whose derived terms (the term itself and its near spellings) are kept, as a bound on memory. */
const DERIVED_CACHE_SIZE = 10_000;

export type SectionIndex = {
  search(query: string, options: SectionSearch): SectionMatch[];
  /** Whether a term (already stemmed) occurs in any section. */
  hasTerm(term: string): boolean;
  /** Every term in the index. */
  terms(): readonly string[];
  toData(): SectionIndexData;
};

/** Builds the index, tokenising each field of each section once. */
export function buildSectionIndex(documents: SectionDocument[], options: SectionIndexOptions): SectionIndex {
  const count = documents.length;
  const perField = INDEXED_FIELDS.map(() => ({ lengths: new Uint32Array(count), total: 0 }));
  // term → its occurrences in document order, as parallel lists of numbers (objects would take several times the
  // memory at a hundred times the knowledge base): the document and field packed in one, and the frequency.
  const occurrences = new Map<string, { places: number[]; frequencies: number[] }>();
  const fieldCount = INDEXED_FIELDS.length;
  documents.forEach((document, doc) => {
    INDEXED_FIELDS.forEach((field, fieldId) => {
      const frequencies = new Map<string, number>();
      for (const term of options.tokenize(document[field])) {
        if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      }
      const stats = perField[fieldId]!;
      stats.lengths[doc] = frequencies.size;
      stats.total += frequencies.size;
      for (const [term, frequency] of frequencies) {
        let list = occurrences.get(term);
        if (list === undefined) {
          list = { places: [], frequencies: [] };
          occurrences.set(term, list);
        }
        list.places.push(doc * fieldCount + fieldId);
        list.frequencies.push(frequency);
      }
    });
  });
  const average = perField.map((stats) => (count === 0 ? 0 : stats.total / count));
  const { k, b, d } = options.bm25;
  const terms: string[] = [];
  const postings: Posting[] = [];
  const documentFrequency = INDEXED_FIELDS.map(() => 0);
  for (const [term, { places, frequencies }] of occurrences) {
    documentFrequency.fill(0);
    for (const place of places) documentFrequency[place % fieldCount]! += 1;
    // A document's occurrences are next to each other (all its fields are read before the next document), so its
    // impact is summed field by field in one pass.
    const docs: number[] = [];
    const impacts: number[] = [];
    const strong: number[] = [];
    places.forEach((place, at) => {
      const doc = Math.floor(place / fieldCount);
      const fieldId = place % fieldCount;
      const field = INDEXED_FIELDS[fieldId]!;
      const frequency = frequencies[at]!;
      const matching = documentFrequency[fieldId]!;
      const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
      const length = perField[fieldId]!.lengths[doc]!;
      const bm25 = idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average[fieldId]!)));
      if (docs[docs.length - 1] !== doc) {
        docs.push(doc);
        impacts.push(0);
        strong.push(0);
      }
      const last = docs.length - 1;
      impacts[last]! += options.boost[field] * bm25;
      if (options.strongFields.has(field)) strong[last] = 1;
    });
    terms.push(term);
    postings.push({
      docs: Uint32Array.from(docs),
      impacts: Float64Array.from(impacts),
      strong: Uint8Array.from(strong),
    });
  }
  return createSectionIndex(
    {
      ids: documents.map((document) => document.id),
      articleIds: documents.map((document) => document.articleId),
      isPublic: documents.map((document) => document.isPublic),
      terms,
      postings: [],
    },
    postings,
    options,
  );
}

/** Reads an index back from a snapshot, searching the snapshot's lists as they are. */
export function loadSectionIndex(data: SectionIndexData, options: SectionIndexOptions): SectionIndex {
  return createSectionIndex(data, data.postings, options);
}

function createSectionIndex(data: SectionIndexData, postings: Posting[], options: SectionIndexOptions): SectionIndex {
  const count = data.ids.length;
  const termIds = new Map(data.terms.map((term, id) => [term, id]));
  const termsByLength = new Map<number, number[]>();
  data.terms.forEach((term, id) => {
    const list = termsByLength.get(term.length) ?? [];
    list.push(id);
    termsByLength.set(term.length, list);
  });
  const articleRanges = new Map<string, [number, number]>();
  data.articleIds.forEach((articleId, doc) => {
    const range = articleRanges.get(articleId);
    if (range) range[1] = doc + 1;
    else articleRanges.set(articleId, [doc, doc + 1]);
  });
  const isPublic = Uint8Array.from(data.isPublic, (value) => (value ? 1 : 0));
  const scores = new Float64Array(count);
  const matched = new Uint16Array(count);
  const lastQueryTerm = new Int32Array(count).fill(-1);
  const touched = new Uint32Array(count);

  // A term's near spellings are looked up once: the scan over every term of similar length is the costly part.
  const derivedCache = new Map<string, { id: number; weight: number }[]>();
  function derivedTerms(term: string): { id: number; weight: number }[] {
    const known = derivedCache.get(term);
    if (known !== undefined) return known;
    const derived = deriveTerms(term);
    if (derivedCache.size >= DERIVED_CACHE_SIZE) derivedCache.clear();
    derivedCache.set(term, derived);
    return derived;
  }

  function deriveTerms(term: string): { id: number; weight: number }[] {
    const exact = termIds.get(term);
    const derived = exact === undefined ? [] : [{ id: exact, weight: 1 }];
    const share = term.length <= MAX_FUZZY_TERM_LENGTH ? options.fuzzy(term) : false;
    if (share === false) return derived;
    const maxDistance = Math.min(MAX_FUZZY_DISTANCE, Math.round(term.length * share));
    if (maxDistance === 0) return derived;
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length += 1) {
      for (const id of termsByLength.get(length) ?? []) {
        const candidate = data.terms[id]!;
        const distance = editDistance(term, candidate, maxDistance);
        if (distance > 0 && distance <= maxDistance) {
          derived.push({ id, weight: (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance) });
        }
      }
    }
    return derived;
  }

  return {
    search(query, { limit, publicOnly, articleId }) {
      const range: readonly [number, number] | undefined =
        articleId === undefined ? [0, count] : articleRanges.get(articleId);
      if (!range || limit <= 0) return [];
      const [from, to] = range;
      const repeats = new Map<string, number>();
      for (const term of options.tokenize(query)) repeats.set(term, (repeats.get(term) ?? 0) + 1);
      const derivedByTerm = new Map([...repeats.keys()].map((term) => [term, derivedTerms(term)]));
      let touchedCount = 0;
      [...repeats].forEach(([term, times], queryTermNumber) => {
        for (const { id, weight: single } of derivedByTerm.get(term)!) {
          // A word asked twice counts twice, as in MiniSearch.
          const weight = single * times;
          const { docs, impacts } = postings[id]!;
          for (let at = lowerBound(docs, from); at < docs.length && docs[at]! < to; at += 1) {
            const doc = docs[at]!;
            if (lastQueryTerm[doc] === -1) touched[touchedCount++] = doc;
            if (lastQueryTerm[doc] !== queryTermNumber) {
              matched[doc]! += 1;
              lastQueryTerm[doc] = queryTermNumber;
            }
            scores[doc]! += weight * impacts[at]!;
          }
        }
      });
      const best = selectBest(touched, touchedCount, limit, (doc) =>
        publicOnly && !isPublic[doc] ? -1 : scores[doc]! * matched[doc]!,
      );
      const results = best.map(({ doc, score }) => {
        const terms: string[] = [];
        const strongTerms: string[] = [];
        for (const derived of derivedByTerm.values()) {
          for (const { id } of derived) {
            const { docs, strong } = postings[id]!;
            const at = lowerBound(docs, doc);
            if (docs[at] !== doc) continue;
            const term = data.terms[id]!;
            if (!terms.includes(term)) terms.push(term);
            if (strong[at] && !strongTerms.includes(term)) strongTerms.push(term);
          }
        }
        return { id: data.ids[doc]!, score, terms, strongTerms };
      });
      for (let at = 0; at < touchedCount; at += 1) {
        const doc = touched[at]!;
        scores[doc] = 0;
        matched[doc] = 0;
        lastQueryTerm[doc] = -1;
      }
      return results;
    },
    hasTerm(term) {
      return termIds.has(term);
    },
    terms() {
      return data.terms;
    },
    toData() {
      return {
        ...data,
        postings: postings.map((posting) => ({
          docs: Array.from(posting.docs),
          impacts: Array.from(posting.impacts),
          strong: Array.from(posting.strong),
        })),
      };
    },
  };
}

/** The `limit` highest-scoring documents, best first; equal scores keep document order. Negative scores are left out. */
function selectBest(
  candidates: Uint32Array,
  size: number,
  limit: number,
  scoreOf: (doc: number) => number,
): { doc: number; score: number }[] {
  const best: { doc: number; score: number }[] = [];
  for (let at = 0; at < size; at += 1) {
    const doc = candidates[at]!;
    const score = scoreOf(doc);
    if (score < 0) continue;
    if (best.length === limit && !outranks(score, doc, best[best.length - 1]!)) continue;
    let place = best.length;
    while (place > 0 && outranks(score, doc, best[place - 1]!)) place -= 1;
    best.splice(place, 0, { doc, score });
    if (best.length > limit) best.pop();
  }
  return best;
}

function outranks(score: number, doc: number, other: { doc: number; score: number }): boolean {
  return score > other.score || (score === other.score && doc < other.doc);
}

function lowerBound(values: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Levenshtein distance, giving up (returning more than `max`) as soon as every path exceeds `max`. */
export function editDistance(left: string, right: string, max: number): number {
  if (Math.abs(left.length - right.length) > max) return max + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, at) => at);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let rowBest = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    previous = current;
  }
  return previous[right.length]!;
}
