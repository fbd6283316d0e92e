import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { readAge } from '../../understand/values/index.js';

const ASKS_WAGE = /\b(min(?:imum)? wage|nmw|nlw|national living wage|pay(?:ing)?|paid|wage|rate|legal min(?:imum)?)\b/i;
/** Money paid to or for an apprentice that is not a wage ("when is the £1,000 incentive paid"). */
const OTHER_MONEY = /\b(?:incentives?|bursar(?:y|ies)|grants?|levy|co-?invest\w*|funding|band)\b/i;
/** For an apprentice, "pay" alone may be the training ("did small employers pay for a 17 year old"). */
const ASKS_APPRENTICE_WAGE =
  /\b(?:min(?:imum)? wage|nmw|wages?|legal min(?:imum)?|min pay|minimum|hourly|an hour|per hour|(?:pay )?rate|paid|earns?)\b/i;
const APPRENTICE = /\bapprentic|\bapprs?\b/i;
const NOT_APPRENTICE = /\bnot (?:an? )?apprentic/i;
/** An apprentice past the first year of the apprenticeship ("done his first yr", "in her 2nd year"). */
const PAST_FIRST_YEAR =
  /\b(?:done|finished|completed|past|after|beyond|through)\s+(?:his |her |their |the )?(?:first|1st)\s+(?:yr|year)\b|\b(?:second|2nd|third|3rd|fourth|4th)\s+(?:yr|year)\b|\byear (?:two|2|three|3)\b/i;
const FIRST_YEAR = /\b(?:first|1st)\s+(?:yr|year)\b|\byear (?:one|1)\b/i;
const AGE =
  /\b(\d{2})\s*(?:-?\s*(?:yr|year)s?[- ]?old|yo\b|y\/o)|\baged?\s*(\d{2})\b|\bunder[- ]?(18)s?\b|\b(\d{2})\s*(?:-|to)\s*\d{2}s\b/i;

/** The wage figures a question about a worker's pay asks for: the lead, and for some apprentices the rate after. */
export type WageBands = { lead: Fact; after?: Fact; age: number };

/**
 * For a minimum wage question that gives a worker's age ("min wage for a 19 yr old"), the band for that age as of
 * the date asked. An apprentice under 19 or in the first year gets the apprentice rate; one of 19 or over past the
 * first year gets the band for their age; one of 19 or over whose year is not said ("new appr is 22 - min pay in yr
 * 1 and then after that") gets the apprentice rate, then the band for their age. The age in `ownWords` (a
 * follow-up's own message) wins over one in the question it follows.
 */
export function wageBandsFor(
  question: string,
  knowledge: Knowledge,
  date: string,
  ownWords = question,
): WageBands | undefined {
  if (!ASKS_WAGE.test(question) || OTHER_MONEY.test(question)) return undefined;
  const age = ageIn(ownWords) ?? ageIn(question);
  if (age === undefined || age < 16 || age > 70) return undefined;
  const held = (key: string) => {
    const fact = knowledge.facts.get(key);
    return fact && figureAsOf(fact, date) ? fact : undefined;
  };
  const apprentice = APPRENTICE.test(question) && !NOT_APPRENTICE.test(question);
  if (!apprentice) {
    const lead = held(bandFor(age, knowledge, date));
    return lead && { lead, age };
  }
  if (!ASKS_APPRENTICE_WAGE.test(question)) return undefined;
  const rate = held('wage.apprentice');
  const band = held(bandFor(age, knowledge, date));
  // Under 19 the apprentice rate applies in every year of the apprenticeship.
  if (age < 19) return rate && { lead: rate, age };
  if (PAST_FIRST_YEAR.test(ownWords)) return band && { lead: band, age };
  if (FIRST_YEAR.test(ownWords)) return rate && { lead: rate, age };
  return rate && band && { lead: rate, after: band, age };
}

function bandFor(age: number, knowledge: Knowledge, date: string): string {
  const nlwAge = knowledge.facts.get('wage.nlw-age');
  const held = nlwAge ? figureAsOf(nlwAge, date) : undefined;
  const latestNlwAge = held ? Number(held.value) : 21;
  return age < 18
    ? 'wage.under-18'
    : age <= 20
      ? 'wage.18-to-20'
      : age >= latestNlwAge
        ? 'wage.nlw'
        : 'wage.21-to-nlw-age';
}

/** The worker's age: "a 19 yr old", "aged 23", "apprentice is 22", "under 18s", "18-20s". */
function ageIn(text: string): number | undefined {
  const said = readAge(text);
  if (said !== undefined) return said;
  const match = AGE.exec(text);
  return match ? (match[3] ? 17 : Number(match[1] ?? match[2] ?? match[4])) : undefined;
}
