import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf, figuresDuring } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { searchTerms } from '../../knowledge/normalise-text.js';
import { readAge, readEhcPlanOrCareLeaver, readYearShift } from '../../understand/values/index.js';
import type { QuestionIntent } from '../question-time.js';
import type { Retrieval } from '../retrieve.js';
import { ageFit } from './age-fit.js';
import { asksForAnyKind, type KindsAsked, kindFit, kindsAsked } from './figure-kind.js';
import { fundingAgeFor } from './funding-age.js';
import { asksWhenItChanged, quotesAnotherValue, quotesValue } from './quoted-values.js';
import { ASKS_FOR_RANGE, isPairOf } from './second-figure.js';
import { wageBandsFor } from './wage-band.js';

/** Questions that ask for a figure in words no figure kind covers: a limit, a rate, a minimum, what it is now. */
const ASKS_FOR_FIGURE =
  /\b(rates?|limit|threshold|minimum|maximum|max|min|cap|top[- ]?up|requirement|rule|figure|what(?:'s| is| was) the|whats|how (?:much|many|long|old)|now|atm|at the moment|currently|current|these days|this year|today)\b/i;

/** Most words a question may have for a figure's name alone to ask for the figure. */
const MAX_WORDS_ONLY_NAMED = 8;
/** "How is it paid", "how does a business host": asks for a way, not a figure (unlike "how much", "how long"). */
const HOW_TO = /^how (?!much|many|long|old|young|often|soon|far|big|large|small)\w+\b/i;
/** "When did the separate 21-22 rate end": the figure that ended is the answer, with the date it applied until. */
const ASKS_WHEN_ENDED =
  /\bwhen\b.*\b(?:end|ended|stop|stopped|scrapped|abolished|removed|withdrawn|finish|finished|went away|go away)\b/i;
/** "What's changing", "what changed", "what's new", "anything different". */
const ASKS_WHAT_CHANGES =
  /\bwhat(?:'s| is| was)? (?:chang\w*|new|different)\b|\bwhat (?:will |has |have )?chang\w*\b|\bany(?:thing)? (?:chang\w*|new|different)\b/i;
const YES_NO = /^(?:do|does|did|is|are|was|were|can|could|should|will|would|has|have|must)\b/i;

/** A figure that applies only to someone with an EHC plan or care experience. */
const ONLY_WITH_SUPPORT =
  /\bwith an EHC plan or care experience\b|\bwhen they have an EHC plan or are a care leaver\b/i;

/** Weights of what makes a fact the one asked for. */
const WEIGHT = { search: 1, named: 1.5, kind: 2, topic: 0.5, value: 0.6, own: 3, article: 0.5, change: 1.5, age: 0.75 };
/**
 * How much of its name a question must use for a figure of the kind asked to count without a strong search match:
 * "how much of their levy can a big firm pass on" asks for a percentage, but not the co-investment one.
 */
const MIN_NAMED_FOR_KIND = 0.2;
/** Below this a fact is not the answer, and the best passage leads instead. */
const MIN_LEAD_SCORE = 1.3;

/** `second` is a figure to state beside the lead that the question itself calls for, after `secondIntro`. */
export type FactChoice = {
  facts: Fact[];
  lead?: Fact;
  second?: Fact;
  secondIntro?: string;
  asked: KindsAsked;
  /** The lead was read from the person's age (a wage band, the oldest age funded), not from search. */
  byAge?: boolean;
};

/** How rare each word of the facts' names is: a name made of words every figure uses ("pay", "levy") is weak. */
const rarityCache = new WeakMap<Knowledge, Map<string, number>>();
function rarityOf(knowledge: Knowledge): Map<string, number> {
  const known = rarityCache.get(knowledge);
  if (known) return known;
  const counts = new Map<string, number>();
  for (const fact of knowledge.facts.values()) {
    for (const term of new Set([fact.label, ...fact.aliases].flatMap((name) => searchTerms(name)))) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const total = knowledge.facts.size;
  const rarity = new Map([...counts].map(([term, count]) => [term, Math.log(1 + total / count)]));
  rarityCache.set(knowledge, rarity);
  return rarity;
}

/** Rarity a name's matched words must reach to count in full. */
const FULL_RARITY = 5;

/**
 * How much of a fact's own name (its label, or one of its aliases) the question uses, from 0 to 1: the share of the
 * name's words the question has, weighted by how rare each word is, and less when the words matched are common.
 */
export function namedShare(fact: Fact, questionTerms: Set<string>, knowledge: Knowledge): number {
  const rarity = rarityOf(knowledge);
  let best = 0;
  for (const name of [fact.label, ...fact.aliases]) {
    const terms = [...new Set(searchTerms(name))];
    const weight = (term: string) => rarity.get(term) ?? Math.log(1 + knowledge.facts.size);
    const total = terms.reduce((sum, term) => sum + weight(term), 0);
    if (total === 0) continue;
    const matched = terms.filter((term) => questionTerms.has(term)).reduce((sum, term) => sum + weight(term), 0);
    // A question that is the name and nothing else ("llw?", "levy allowance") names the figure in full.
    const isTheName = matched === total && [...questionTerms].every((term) => terms.includes(term));
    best = Math.max(best, isTheName ? 1 : (matched / total) * Math.min(1, matched / FULL_RARITY));
  }
  return best;
}

/**
 * How much of a follow-up's own words the fact's name accounts for, from 0 to 1, each word weighted by how rare it is
 * among the facts' names: "outside" in "and outside london?" picks the UK rate over the London one that also says
 * "london".
 */
function explains(fact: Fact, ownTerms: string[], knowledge: Knowledge): number {
  const rarity = rarityOf(knowledge);
  // Only words some figure's name uses tell figures apart ("lower" in "is there a lower one outside london?" names none).
  const naming = ownTerms.filter((term) => rarity.has(term));
  if (naming.length === 0) return 0;
  const weight = (term: string) => rarity.get(term) as number;
  const name = new Set([fact.label, ...fact.aliases].flatMap((text) => searchTerms(text)));
  const total = naming.reduce((sum, term) => sum + weight(term), 0);
  return naming.filter((term) => name.has(term)).reduce((sum, term) => sum + weight(term), 0) / total;
}

/**
 * Picks the figures a question asks for and the one to lead with, by score: how well the search matched the fact,
 * how much of its name the question uses, whether it is the kind of figure asked (a percentage, an hourly rate, an
 * age...), whether it is of the topic the understanding step read, and whether it is in force on the date asked.
 */
export function chooseFacts(
  retrieval: Retrieval,
  intent: QuestionIntent,
  knowledge: Knowledge,
  question: string,
  asked: KindsAsked = kindsAsked(question),
  ownWords?: string,
): FactChoice {
  const questionTerms = new Set(searchTerms(retrieval.query));
  // A follow-up's own words ("and outside london?") say which of the earlier subject's figures is meant.
  // Words that named the period asked about ("in the pilot") say when, not which figure.
  const periodTerms = new Set(intent.time.kind === 'period' ? searchTerms(intent.time.label) : []);
  // A follow-up's own words differ from the query, which adds the thread's earlier question.
  const followUpWords = ownWords !== undefined && ownWords.trim() !== retrieval.query.trim() ? ownWords : undefined;
  const ownTerms =
    followUpWords !== undefined
      ? // A figure the follow-up quotes ("they only gave 10% back then") is a claim to check, not a figure's name.
        searchTerms(followUpWords).filter((term) => !/^£?\d/.test(term) && !periodTerms.has(term))
      : [];
  const content = new Set([...questionTerms].filter((term) => !/^\d+$/.test(term)));
  const date = intent.time.kind === 'day' ? intent.time.date : intent.time.end;
  // A follow-up moving the earlier subject by a year ("what was it the yr before"); alone, "next year" is a start date.
  const shiftsYear = followUpWords !== undefined && readYearShift(followUpWords) !== 0;
  const asksAboutTime =
    intent.wantsHistory ||
    intent.wantsChangeDate ||
    intent.time.kind === 'period' ||
    intent.time.explicit ||
    // "what was it the yr before" asks for a figure, even after an answer that gave none.
    shiftsYear;
  const asksFigure =
    asksAboutTime || asksForAnyKind(asked) || ASKS_FOR_FIGURE.test(retrieval.query) || ASKS_FOR_RANGE.test(question);
  if (content.size === 0) return { facts: [], asked };

  const topArticles = new Set(retrieval.sections.slice(0, 3).map(({ section }) => section.articleId));
  const foundArticles = new Set(retrieval.sections.map(({ section }) => section.articleId));
  const first = retrieval.facts[0];
  const best = first?.hit.score ?? 0;
  const hasValue = (fact: Fact) =>
    intent.time.kind === 'day'
      ? intent.wantsHistory ||
        // A date before the first value is answered with when it began, so that figure is still chosen.
        fact.values.some((entry) => entry.from <= date) ||
        fact.began === true
      : figuresDuring(fact, intent.time.start, intent.time.end).length > 0;

  // "What's changing in August 2026": a figure whose new value starts in that period is what changes.
  const period = intent.time.kind === 'period' ? intent.time : undefined;
  const asksWhatChanges = period !== undefined && ASKS_WHAT_CHANGES.test(ownWords ?? question);
  const changesDuring = (fact: Fact) =>
    asksWhatChanges &&
    fact.values.some(
      (entry, n) => n > 0 && period !== undefined && entry.from >= period.start && entry.from <= period.end,
    );
  const rulesOutSupport = readEhcPlanOrCareLeaver(question) === 'no';
  // "a new 20 year old apprentice": a figure for another age group is not the answer for them.
  const personAge = readAge(ownWords ?? question) ?? readAge(question);
  const hasSupport = readEhcPlanOrCareLeaver(question) === 'yes';
  const fitsPerson = (fact: Fact) => (personAge === undefined ? undefined : ageFit(fact.label, personAge));
  // "wat about one who started sept 2023" after the off-the-job rules: of the figures the thread's article holds, the one
  // in force then is the answer, named or not (the rule before or after it would state the wrong period's figure).
  const timeAsked = followUpWords !== undefined && (intent.time.kind === 'period' || intent.time.explicit);
  const inForceThen = timeAsked
    ? retrieval.facts.filter(({ fact }) => fact.article === retrieval.sections[0]?.section.articleId && hasValue(fact))
    : [];
  const soleInForce = inForceThen.length === 1 ? inForceThen[0]?.fact : undefined;
  const scored = retrieval.facts
    .map(({ fact, hit }, rank) => {
      const named = namedShare(fact, questionTerms, knowledge);
      const changeAsked = asksWhenItChanged(fact, ownWords ?? question) || changesDuring(fact);
      const strong = new Set(hit.strongTerms).size;
      const matches = strong >= Math.min(2, content.size) && strong / content.size >= 0.4;
      // Figures from the same article as the best one (e.g. one rate per age band) may score a little lower.
      const close = hit.score >= best * (fact.article === first?.fact.article ? 0.3 : 0.5);
      const eligible =
        // A follow-up whose own words are all in a figure's name asks for that figure ("what about outside london").
        ((asksFigure || named >= 0.8 || explains(fact, ownTerms, knowledge) >= 0.99) &&
          (matches || named >= 0.6 || (kindFit(fact.unit, asked) >= 1 && named >= MIN_NAMED_FOR_KIND)) &&
          (close || named >= 0.8 || kindFit(fact.unit, asked) >= 1) &&
          // Outside the articles the search put first, a figure must be named, or be of the kind asked, half named and
          // from an article the search found at all.
          (topArticles.has(fact.article) ||
            named >= 0.9 ||
            (kindFit(fact.unit, asked) >= 1 && named >= 0.5 && foundArticles.has(fact.article)) ||
            // "wot the llw was back in summer 2018, for a contract": a figure named and asked of a time.
            ((intent.time.kind === 'period' || intent.time.explicit || shiftsYear) &&
              named >= 0.6 &&
              foundArticles.has(fact.article))) &&
          hasValue(fact) &&
          // "not a care leaver, no ehcp" rules out the figures that apply only to them.
          !(rulesOutSupport && ONLY_WITH_SUPPORT.test(fact.label)) &&
          fitsPerson(fact) !== 'excludes') ||
        fact === soleInForce;
      const score =
        // Search scores spread widely (one hit may score eight times the next), so their ratio counts on a log scale.
        WEIGHT.search * (best > 0 && hit.score > 0 ? 1 / (1 + Math.log2(best / hit.score)) : 0) +
        WEIGHT.named * named +
        WEIGHT.kind * kindFit(fact.unit, asked) +
        (retrieval.topic !== undefined && fact.topic === retrieval.topic ? WEIGHT.topic : 0) +
        (quotesValue(fact, questionTerms) ? WEIGHT.value : 0) +
        // The article the search put first is the one the question is about.
        (fact.article === retrieval.sections[0]?.section.articleId ? WEIGHT.article : 0) +
        WEIGHT.own * explains(fact, ownTerms, knowledge) +
        (changeAsked ? WEIGHT.change : 0) +
        (fitsPerson(fact) === 'covers' ? WEIGHT.age : 0) -
        (fitsPerson(fact) === 'only-with-support' && !hasSupport ? WEIGHT.age * 2 : 0);
      return { fact, rank, score, eligible, changeAsked };
    })
    .filter((entry) => entry.eligible)
    .sort((a, b) => b.score - a.score || a.rank - b.rank);

  const facts = scored.map((entry) => entry.fact);
  const wage = wageBandsFor(question, knowledge, date, ownWords);
  const byAge = wage?.lead ?? fundingAgeFor(ownWords ?? question, knowledge, date);
  if (byAge) {
    const after = wage?.after;
    return {
      facts: [byAge, ...(after ? [after] : []), ...facts.filter((fact) => fact !== byAge && fact !== after)],
      lead: byAge,
      byAge: true,
      ...(after && {
        second: after,
        secondIntro: `After the first year, an apprentice aged ${wage?.age} gets at least the rate for their age:`,
      }),
      asked,
    };
  }
  // A figure no longer in force leads only when nothing in force is asked for and the question names it.
  // (A date before the first value is not "ended": that answer says when the rule began.)
  const ended = (fact: Fact) =>
    intent.time.kind === 'day' &&
    !intent.wantsHistory &&
    !figureAsOf(fact, date) &&
    fact.values.some((entry) => entry.from <= date);
  const asksEnd = ASKS_WHEN_ENDED.test(ownWords ?? question);
  const endAsked = (fact: Fact) => asksEnd && ended(fact) && namedShare(fact, questionTerms, knowledge) >= 0.8;
  // "Bands range from what to what": one end of a pair of figures (lowest and highest) answers it, with the other.
  const rangeEnd = ASKS_FOR_RANGE.test(ownWords ?? question)
    ? scored.find((entry) =>
        scored.some(
          (other) => other !== entry && other.fact.unit === entry.fact.unit && isPairOf(other.fact, entry.fact),
        ),
      )
    : undefined;
  // A figure that does not change in the period asked about does not answer "what's changing then".
  const changing = asksWhatChanges ? scored.find((entry) => changesDuring(entry.fact)) : undefined;
  if (asksWhatChanges && !changing) return { facts, asked };
  const top =
    changing ??
    rangeEnd ??
    scored.find(
      (entry) =>
        (!ended(entry.fact) || entry.changeAsked || endAsked(entry.fact)) &&
        entry.score >= MIN_LEAD_SCORE &&
        // A figure of another kind than the one asked ("the shortest it can be" is not answered in hours a week).
        kindFit(entry.fact.unit, asked) >= 0,
    ) ??
    scored.find(
      (entry) =>
        // The kind asked for exactly ("how long is it?"), even if it has ended: the lead then says until when it applied.
        (entry.score >= MIN_LEAD_SCORE && kindFit(entry.fact.unit, asked) >= 1) ||
        (namedShare(entry.fact, questionTerms, knowledge) >= 0.8 && kindFit(entry.fact.unit, asked) > 0) ||
        (namedShare(entry.fact, questionTerms, knowledge) >= 0.5 && kindFit(entry.fact.unit, asked) >= 0.8),
    );
  // A question that only names a figure ("llw?") gets it; a longer one that names it in passing ("can't afford
  // the LLW, what do I advise") is answered by its passage. So is a yes-or-no question, unless it asks for a kind
  // of figure outright or the figure comes from the article that answers it.
  const onlyNamed = !asksFigure && (ownWords ?? question).trim().split(/\s+/).length > MAX_WORDS_ONLY_NAMED;
  const own = (ownWords ?? question).trim();
  const yesNo = YES_NO.test(own);
  const howTo = HOW_TO.test(own);
  const plainlyAsked =
    top !== undefined &&
    !onlyNamed &&
    (!howTo || kindFit(top.fact.unit, asked) >= 1) &&
    (!yesNo || kindFit(top.fact.unit, asked) >= 1 || top.fact.article === retrieval.sections[0]?.section.articleId) &&
    // "Is 16 hours a week still the minimum?" is not answered by a figure that has never been 16.
    !(yesNo && quotesAnotherValue(top.fact, own));
  return { facts, ...(top && plainlyAsked && top.score >= MIN_LEAD_SCORE && { lead: top.fact }), asked };
}
