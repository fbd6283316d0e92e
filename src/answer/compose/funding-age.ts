import { readLevyPayer } from '../../calculators/index.js';
import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { readAge } from '../../understand/values/index.js';

/** Asks what the employer pays for the training. */
const ASKS_COST = /\b(?:pay|pays|paying|cost|costs|chip in|contribut\w*|towards|co-?invest\w*|free|fully funded)\b/i;

/**
 * For "does a non-levy employer pay anything for a 22 year old apprentice", the rule that answers it: the oldest
 * apprentice whose training is fully funded for such an employer, as of the date asked. Undefined otherwise.
 */
export function fundingAgeFor(question: string, knowledge: Knowledge, date: string): Fact | undefined {
  if (readLevyPayer(question) !== 'no' || !ASKS_COST.test(question) || !/\bapprentic|\bappr\b/i.test(question)) {
    return undefined;
  }
  if (readAge(question) === undefined) return undefined;
  const fact = knowledge.facts.get('cofunding.non-levy-free-max-age');
  return fact && figureAsOf(fact, date) ? fact : undefined;
}
