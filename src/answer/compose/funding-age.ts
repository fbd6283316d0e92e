import { readLevyPayer } from '../../calculators/index.js';
import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { readAge, readEhcPlanOrCareLeaver, readEmployeeCount } from '../../understand/values/index.js';

/** Asks what the employer pays for the training. */
const ASKS_COST = /\b(?:pay|pays|paying|cost|costs|chip in|contribut\w*|towards|co-?invest\w*|free|fully funded)\b/i;

/**
 * For "does a non-levy employer pay anything for a 22 year old apprentice", the rule that answers it: the oldest
 * apprentice whose training is fully funded for such an employer, as of the date asked. Undefined otherwise.
 */
export function fundingAgeFor(question: string, knowledge: Knowledge, date: string): Fact | undefined {
  if (!ASKS_COST.test(question) || !/\bapprentic|\bappr\b/i.test(question) || readAge(question) === undefined) {
    return undefined;
  }
  // From 2017 to 2024 an employer of under 50 staff had its own rule for young apprentices.
  const small =
    SMALL_EMPLOYER.test(question) || (readEmployeeCount(question.toLowerCase()) ?? SMALL_STAFF) < SMALL_STAFF;
  const smallRule = small ? inForce(knowledge, 'cofunding.small-employer-free-max-age', date) : undefined;
  const rule =
    smallRule ??
    (readLevyPayer(question) === 'no' || small
      ? inForce(knowledge, 'cofunding.non-levy-free-max-age', date)
      : undefined);
  // "What % do they pay" for an apprentice older than the rule covers: the share answers it, not the age.
  const oldest = rule ? figureAsOf(rule, date)?.value : undefined;
  const age = readAge(question) as number;
  if (typeof oldest === 'number' && age > oldest && ASKS_SHARE.test(question)) return undefined;
  return rule;
}

/** Asks for the employer's share as a percentage or an amount. */
const ASKS_SHARE = /%|\bper ?cent|\bpercentage\b|\bwhat share\b|\bhow much\b/i;

/** "small employers", "a small firm", "SMEs", "under 50 staff". */
const SMALL_EMPLOYER =
  /\bsmall(?:er)? (?:employers?|firms?|business(?:es)?|compan(?:y|ies)|charit(?:y|ies)|organisations?)\b|\bsmes?\b|\b(?:under|fewer than|less than) 50 (?:staff|employees|people|workers)\b/i;
/** Headcount from which an employer is not small. */
const SMALL_STAFF = 50;

function inForce(knowledge: Knowledge, key: string, date: string): Fact | undefined {
  const fact = knowledge.facts.get(key);
  return fact && figureAsOf(fact, date) ? fact : undefined;
}

/** The youngest age anyone can start an apprenticeship. */
const YOUNGEST = 16;

/**
 * The verdict for the person asked about, after the oldest age fully funded: "So for an apprentice aged 17 the employer
 * paid nothing towards training and assessment." An older apprentice may still be covered with an EHC plan or care
 * experience, when the question does not rule that out.
 */
export function fundingAgeVerdict(
  rule: Fact,
  question: string,
  knowledge: Knowledge,
  date: string,
  past: boolean,
): string | undefined {
  const age = readAge(question);
  const oldest = figureAsOf(rule, date)?.value;
  if (age === undefined || typeof oldest !== 'number' || age < YOUNGEST) return undefined;
  const pays = past ? 'paid' : 'pays';
  if (age <= oldest)
    return `So for an apprentice aged ${age} the employer ${pays} nothing towards training and assessment.`;
  const support = inForce(knowledge, 'cofunding.ehc-care-leaver-max-age', date);
  const supportAge = support ? figureAsOf(support, date)?.value : undefined;
  const unless =
    typeof supportAge === 'number' && age <= supportAge && readEhcPlanOrCareLeaver(question) !== 'no'
      ? ` (unless they have an EHC plan or have been in care, which covers them up to ${supportAge})`
      : '';
  return `An apprentice aged ${age} is older than that, so the employer ${pays} its co-investment share${unless}.`;
}
