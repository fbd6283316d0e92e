import { stemmer } from 'stemmer';

/**
 * The domain's abbreviations and synonyms. Each phrase found in a text adds its canonical token (the original
 * words stay), so "LLW", "London Living Wage" and "london living wage" all meet on `llw`.
 */
const SYNONYMS: [RegExp, string][] = [
  [/\b(?:london|ldn)\s+living\s+wage\b/g, 'llw'],
  [/\bliving\s+wage\s+foundation\b/g, 'lwf'],
  [/\bnational\s+living\s+wage\b/g, 'nlw'],
  [/\b(?:national\s+)?minimum\s+wage\b/g, 'nmw'],
  // "Legal min for a 17yo", "statutory minimum pay", "min wage": the minimum wage.
  [/\b(?:legal|statutory)\s+min(?:imum)?\b|\bmin\s+wage\b|\bmin(?:imum)?\s+pay\b/g, 'nmw'],
  [/\b(?:sec(?:tion)?\.?\s*106|s\.?\s?106|planning\s+obligations?|planning\s+agreements?)\b/g, 's106'],
  [/\bemployment\s+(?:and|&)\s+skills\s+plans?\b/g, 'esp'],
  [/\bhackney\s*(?:100|hundred)\b|\bh\s?100\b/g, 'h100'],
  // "Hackney 100 Skills+", the adults' programme: the plus sign is not a letter, so it is named as a word.
  [/\bskills\s*(?:\+|plus\b)/g, 'skillsplus'],
  [/\b(?:apprenticeship|growth\s+and\s+skills)\s+levy\b/g, 'levy'],
  [/\boff[\s-]the[\s-]job\b|\botjt?\b/g, 'otj'],
  [/\b(?:education,?\s+health\s+and\s+care\s+plan|ehc\s*plan|ehcp)\b/g, 'ehc'],
  [/\bcare[\s-](?:leavers?|experienced)\b|\bleft\s+care\b|\bin\s+care\b/g, 'careleaver'],
  [
    /\b(?:small(?:er)?\s+(?:and\s+medium[\s-]sized\s+)?(?:employers?|businesses|business|firms?|companies)|smes?)\b/g,
    'sme',
  ],
  [/\bco[\s-]?invest(?:ment)?\b|\bco[\s-]?fund(?:ing)?\b/g, 'coinvest'],
  [/\btop[\s-]?ups?\b/g, 'topup'],
  [/\bpay\s*bill\b|\bpayroll\b|\bwage\s+bill\b/g, 'paybill'],
  [/\bapprenticeship\s+service\s+account\b|\bdigital\s+account\b|\blevy\s+account\b/g, 'levyaccount'],
  [/\bcommunity\s+infrastructure\s+levy\b/g, 'cil'],
  [/\bhackney\s+works\b|\bways\s+into\s+work\b/g, 'hackneyworks'],
  [/\blocal\s+labou?r\b/g, 'locallabour'],
  [/\baffordable\s+work\s*spaces?\b/g, 'affordableworkspace'],
  [/\bdegree\s+apprenticeships?\b/g, 'degreeapprenticeship'],
  [/\bfoundation\s+apprenticeships?\b/g, 'foundationapprenticeship'],
  [/\blevel\s*([2-7])\b|\bl([2-7])\b/g, 'level$1$2'],
  [/\b(?:apprentices|apprenticeships?|apprentiships?|aprenticeships?|apprentships?|apprs?)\b/g, 'apprentice'],
  [/\bunder[\s-]?(?:16|18|19|21|22|25)s?\b/g, 'youngperson'],
  // Staff shorthand: "paid per hr", "16 hrs a wk", "the min for an appr".
  [/\b(?:per|an|a|each)\s+(?:hr|hour)\b|\bp\/h\b/g, 'hourly'],
  [/\bwks?\b/g, 'week'],
  [/\bmin\b/g, 'minimum'],
  [/\bhow (?:young|old)\b|\bage limits?\b|\b(?:minimum|maximum|upper|lower) age\b/g, 'age'],
  [
    /\bpay(?:s|ing)? (?:anything |something )?(?:towards|for (?:the )?training)\b|\bcontribut(?:e|es|ion|ions)\b|\bchip(?:s|ping)? in\b|\bput (?:anything |something )?towards\b/g,
    'coinvest',
  ],
  [/\b(?:sub)?contract(?:ors?|ed|s)?\b/g, 'contract'],
  [/\b(?:paid|pays|paying|salar(?:y|ies)|earn(?:s|ings)?)\b/g, 'pay'],
  [/\bwork\s+placements?\b|\bwork\s+experience\b/g, 'placement'],
  // "Who can go on it", "who is it aimed at": a question about who is eligible.
  [
    /\bwho\s+(?:can|could|may|is\s+allowed\s+to)\s+(?:go\s+on|join|apply|do|take\s+part|get\s+on|sign\s+up)\b|\bwho\s+is\s+(?:it\s+|this\s+|that\s+)?(?:for|aimed\s+at|meant\s+for)\b|\baimed\s+at\b/g,
    'eligibility',
  ],
];

/** Words that carry no meaning for search. */
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers him his how
  i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over
  own same she should so some such than that the their theirs them then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your yours
  hi hello thanks thank please tell know need want get got give let us ok okay much many someone something anyone
  does doe dont don't i'm im we're it's whats what's yes`
    .split(/\s+/)
    .filter(Boolean),
);

/** Any synonym phrase at all: most texts (a fact's name, a sentence of an article) have none, and skip the list. */
const ANY_SYNONYM = new RegExp(SYNONYMS.map(([pattern]) => `(?:${pattern.source})`).join('|'));

/** Lower-cases a text and adds the canonical tokens for any synonym phrases it contains. */
export function expandSynonyms(text: string): string {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  if (!ANY_SYNONYM.test(lower)) return lower;
  const extra: string[] = [];
  for (const [pattern, token] of SYNONYMS) {
    for (const match of lower.matchAll(pattern)) {
      extra.push(token.includes('$') ? `level${match[1] ?? match[2] ?? ''}` : token);
    }
  }
  return extra.length > 0 ? `${lower} ${extra.join(' ')}` : lower;
}

/**
 * Texts recently split, with their terms. The composer splits the same sentences of the same sections for question
 * after question, and the index splits every question twice (sections and facts), so most calls are repeats.
 * Bounded: when full, it is emptied and refills with what is asked next.
 */
const TERMS_CACHE_SIZE = 20_000;
/** Texts longer than this (whole articles at build time) are split each time rather than kept. */
const CACHED_TEXT_LENGTH = 2_000;
const termsCache = new Map<string, readonly string[]>();

/** Splits a text into search terms: synonyms expanded, stop words dropped, words stemmed. */
export function searchTerms(text: string): string[] {
  if (text.length > CACHED_TEXT_LENGTH) return splitTerms(text);
  const known = termsCache.get(text);
  // A copy, so that a caller changing its array cannot change what the next caller gets.
  if (known !== undefined) return [...known];
  const terms = splitTerms(text);
  if (termsCache.size >= TERMS_CACHE_SIZE) termsCache.clear();
  termsCache.set(text, terms);
  return [...terms];
}

/**
 * Terms split ahead of time (the knowledge snapshot keeps those of every fact's names), so a fresh process does not
 * split them again on its first answer. They must be what `searchTerms` gives for the same text.
 */
export function rememberTerms(entries: Iterable<readonly [string, readonly string[]]>): void {
  for (const [text, terms] of entries) {
    if (termsCache.size >= TERMS_CACHE_SIZE) return;
    if (text.length <= CACHED_TEXT_LENGTH) termsCache.set(text, [...terms]);
  }
}

function splitTerms(text: string): string[] {
  return expandSynonyms(text)
    .split(/[^a-z0-9£%.]+/)
    .map((word) => word.replace(/^[.]+|[.]+$/g, ''))
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stemTerm);
}

let fingerprint: string | undefined;

/**
 * A short hash of how texts are split into terms (the synonym list, the stop words): the knowledge snapshot keeps it,
 * so an index built with other rules is rebuilt rather than searched with terms it never held.
 */
export function termsFingerprint(): string {
  if (fingerprint === undefined) {
    const rules = [...SYNONYMS.map(([pattern, token]) => `${pattern.source}=>${token}`), ...STOP_WORDS].join('\n');
    // FNV-1a, 32 bits: enough to tell one rule set from another.
    let hash = 0x811c9dc5;
    for (let at = 0; at < rules.length; at += 1) {
      hash ^= rules.charCodeAt(at);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    fingerprint = hash.toString(16).padStart(8, '0');
  }
  return fingerprint;
}

/** Stems one already lower-cased word (numbers and canonical tokens are kept as they are). */
export function stemTerm(word: string): string {
  return /\d/.test(word) ? word : stemmer(word);
}
