import type { Audience } from '../knowledge/article-schema.js';
import type { Fact } from '../knowledge/fact-schema.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import type { SearchHit, SearchIndex } from '../knowledge/search-index.js';
import type { Turn } from './answer.js';

export type Retrieval = {
  /** The text searched: the question, plus the last question of the thread for short follow-ups. */
  query: string;
  sections: { section: Section; hit: SearchHit }[];
  facts: { fact: Fact; hit: SearchHit }[];
  inScope: boolean;
};

/** Subjects outside the four topics that share words with them ("pay", "plan", "work"). */
const OFF_TOPIC =
  /\b(council tax|parking|bins?|recycling|rubbish|fly[- ]?tipping|housing benefit|universal credit claim|pothole|library|libraries|weather|recipe|football|passport|driving licen[cs]e|visa application|mortgage|pension transfer|tax return|vat return|marriage|divorce|school admissions?|noise complaint|pest control|planning permission for (?:my|an?) (?:extension|loft)|extension|loft conversion|holiday entitlement|maternity pay|sick pay|redundancy|unfair dismissal|stock market|stocks|shares (?:should|to buy)|invest(?:ing|ment)? in|bitcoin|crypto|translate|poem|joke|capital of|school places?|primary school|secondary school admissions?|blue badge|password|laptop|log ?in|wi-?fi|printer|noisy|neighbours?|damp|mould|repairs?|boiler|train|trains|bus|buses|tube|overground|football|arsenal|tottenham|match|python|javascript|script|spreadsheet|excel formula)\b/;

/** Words too common to show that a passage is about what the question asks. */
const WEAK_TERMS = new Set([
  'year',
  'last',
  'next',
  'new',
  'time',
  'list',
  'report',
  'write',
  'place',
  'make',
  'help',
  'find',
  'day',
  'week',
  'month',
  'old',
  'good',
  'best',
  'council',
  'hacknei',
  'london',
  'work',
  'appli',
  'get',
]);

/** Stemmed terms that mark a question as belonging to the four topics (or the employer offer). */
const TOPIC_TERMS = new Set([
  'llw',
  'lwf',
  'nlw',
  'nmw',
  'levi',
  'apprentic',
  's106',
  'esp',
  'h100',
  'otj',
  'coinvest',
  'topup',
  'paybil',
  'levyaccount',
  'hackneywork',
  'locallabour',
  'affordableworkspac',
  'degreeapprenticeship',
  'foundationapprenticeship',
  'placement',
  'accredit',
  'careleav',
  'ehc',
  'bursari',
  'incent',
  'kickstart',
  'skill',
  'employ',
  'recruit',
  'wage',
  'live',
  'transfer',
  'fund',
  'elig',
  'traine',
  'histogram',
  'workspac',
  'level2',
  'level3',
  'level4',
  'level5',
  'level6',
  'level7',
  'hackney',
  'inspir',
  'timewis',
  'han',
]);

const MIN_SECTION_SCORE = 6;

/** Finds the sections and facts that answer a question, and whether the question is one this product covers. */
export function retrieve(
  knowledge: Knowledge,
  index: SearchIndex,
  question: string,
  options: { audience: Audience; history?: Turn[] },
): Retrieval {
  const ownTerms = searchTerms(question);
  const previousQuestion = [...(options.history ?? [])].reverse().find((turn) => turn.role === 'user')?.text;
  // A short follow-up ("and in 2018?", "what about for under 19s") borrows the subject of the thread.
  const isFollowUp =
    previousQuestion !== undefined &&
    (ownTerms.length <= 4 || /^(and|what about|how about|also|so)\b/i.test(question.trim()));
  const query = isFollowUp ? `${question} ${previousQuestion}` : question;
  const terms = searchTerms(query);

  const onTopic = terms.some((term) => TOPIC_TERMS.has(term));
  const offTopic =
    OFF_TOPIC.test(query.toLowerCase()) && !/\b(levy|apprentic|living wage|llw|s106|hackney 100)/i.test(query);

  const sectionHits = index.searchSections(query, { audience: options.audience, limit: 8 });
  const sections = sectionHits
    .map((hit) => ({ hit, section: index.section(hit.id) }))
    .filter((entry): entry is { hit: SearchHit; section: Section } => entry.section !== undefined);

  const factHits = index.searchFacts(query, { audience: options.audience, limit: 5 });
  const facts = factHits
    .map((hit) => ({ hit, fact: knowledge.facts.get(hit.id) }))
    .filter((entry): entry is { hit: SearchHit; fact: Fact } => entry.fact !== undefined);

  const top = sections[0]?.hit;
  // Without a topic word, the best passage must match most of the question in its title, headings or questions.
  const content = new Set(terms.filter((term) => !/^\d+$/.test(term)));
  const strong = new Set(top?.strongTerms.filter((term) => !WEAK_TERMS.has(term)) ?? []);
  const strongCoverage = content.size > 0 ? strong.size / content.size : 0;
  const inScope =
    !offTopic && top !== undefined && top.score >= MIN_SECTION_SCORE && (onTopic || strongCoverage >= 0.6);
  return { query, sections, facts, inScope };
}
