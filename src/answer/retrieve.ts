import type { Audience } from '../knowledge/article-schema.js';
import type { Fact } from '../knowledge/fact-schema.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import type { SearchHit, SearchIndex } from '../knowledge/search-index.js';
import type { Understanding } from '../understand/index.js';

export type Retrieval = {
  /** The text searched: the question, plus the question a follow-up takes its subject from. */
  query: string;
  sections: { section: Section; hit: SearchHit }[];
  facts: { fact: Fact; hit: SearchHit }[];
  inScope: boolean;
  /** The topic the understanding step read, when it read one. */
  topic?: Fact['topic'];
};

const MIN_SECTION_SCORE = 6;
/** How much a passage or figure of the topic understood is lifted in the ranking. */
const TOPIC_LIFT = 1.5;
/** Longer "words" (a pasted hash, 40,000 letters with no space) can match nothing and make fuzzy search costly. */
const MAX_SEARCH_WORD = 30;

/** How much the passages of an article that lists the question word for word among its own are lifted. */
const LISTED_LIFT = 3;

/** A question as listed or asked, compared without case, punctuation or extra spaces. */
const asListed = (question: string) =>
  question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();

/** The articles that list each question in their front matter (`questions:`), once per knowledge base. */
const listedCache = new WeakMap<Knowledge, Map<string, Set<string>>>();
function articlesListing(knowledge: Knowledge, question: string): Set<string> | undefined {
  let listed = listedCache.get(knowledge);
  if (!listed) {
    listed = new Map();
    for (const article of knowledge.articles.values()) {
      for (const listedQuestion of article.questions) {
        const key = asListed(listedQuestion);
        listed.set(key, (listed.get(key) ?? new Set()).add(article.id));
      }
    }
    listedCache.set(knowledge, listed);
  }
  return listed.get(asListed(question));
}

/** Words added to the search for a message naming a place in another UK nation. */
const OUTSIDE_ENGLAND_TERMS = 'working hours in England';

const IN_SCOPE_INTENTS = new Set<Understanding['intent']>(['question', 'calculation', 'enquiry']);

/** Words of sane length only: what the search index is given. */
export function searchableText(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word.length > 0 && word.length <= MAX_SEARCH_WORD)
    .join(' ');
}

/**
 * Finds the sections and facts that answer a question. Whether the question is in scope, and whether it takes its
 * subject from earlier in the thread, is the understanding step's decision; retrieval only adds that something in
 * the knowledge base must match.
 */
export function retrieve(
  knowledge: Knowledge,
  index: SearchIndex,
  question: string,
  options: { audience: Audience; understanding?: Understanding },
): Retrieval {
  const understanding = options.understanding;
  const inherited = understanding?.followUp ? understanding.inherits?.question : undefined;
  // An apprentice's work in Scotland, Wales or Northern Ireland is a question of the England work rule.
  const england =
    understanding?.namesUkOutsideEngland && understanding.topic === 'apprenticeships'
      ? ` ${OUTSIDE_ENGLAND_TERMS}`
      : '';
  const query = searchableText(`${inherited ? `${question} ${inherited}` : question}${england}`);

  // The topic the understanding step read lifts passages and figures of that topic above look-alikes from another
  // ("LLW" in an article on apprentice pay).
  const topic = understanding?.topic;
  const lift = (hit: SearchHit, itsTopic: string | undefined): SearchHit =>
    topic !== undefined && topic !== 'none' && itsTopic === topic ? { ...hit, score: hit.score * TOPIC_LIFT } : hit;
  const byScore = <Entry extends { hit: SearchHit }>(entries: Entry[]) =>
    entries.sort((left, right) => right.hit.score - left.hit.score);

  const listing = articlesListing(knowledge, question);
  const sections = byScore(
    index
      .searchSections(query, { audience: options.audience, limit: 12 })
      .map((hit) => ({ hit, section: index.section(hit.id) }))
      .filter((entry): entry is { hit: SearchHit; section: Section } => entry.section !== undefined)
      .map((entry) => ({ ...entry, hit: lift(entry.hit, knowledge.articles.get(entry.section.articleId)?.topic) }))
      // An article that lists the question itself ("who is hackney 100 for") answers it, whatever its words share.
      .map((entry) =>
        listing?.has(entry.section.articleId)
          ? { ...entry, hit: { ...entry.hit, score: entry.hit.score * LISTED_LIFT } }
          : entry,
      ),
  ).slice(0, 8);

  const facts = byScore(
    index
      .searchFacts(query, { audience: options.audience, limit: 8 })
      .map((hit) => ({ hit, fact: knowledge.facts.get(hit.id) }))
      .filter((entry): entry is { hit: SearchHit; fact: Fact } => entry.fact !== undefined)
      .map((entry) => ({ ...entry, hit: lift(entry.hit, entry.fact.topic) })),
  ).slice(0, 8);

  const top = sections[0]?.hit;
  const understood = understanding === undefined || IN_SCOPE_INTENTS.has(understanding.intent);
  const inScope = understood && top !== undefined && top.score >= MIN_SECTION_SCORE;
  return { query, sections, facts, inScope, ...(topic !== undefined && topic !== 'none' && { topic }) };
}
