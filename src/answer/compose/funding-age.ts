import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { readAge } from '../../understand/values/index.js';

/** An employer that does not pay the levy, however it is said ("small firm", "non levy", "doesn't pay levy"). */
const NON_LEVY =
  /\bnon[- ]?levy\b|\b(?:doesn'?t|does not|don'?t|do not|dont|doesnt) pay (?:the |any )?levy\b|\bnot a levy[- ]payer\b|\bsmall (?:local )?(?:employer|business|firm|company|charity|organisation)\b|\bsmes?\b/i;
/** Asks what the employer pays for the training. */
const ASKS_COST = /\b(?:pay|pays|paying|cost|costs|chip in|contribut\w*|towards|co-?invest\w*|free|fully funded)\b/i;

/**
 * For "does a non-levy employer pay anything for a 22 year old apprentice", the rule that answers it: the oldest
 * apprentice whose training is fully funded for such an employer, as of the date asked. Undefined otherwise.
 */
export function fundingAgeFor(question: string, knowledge: Knowledge, date: string): Fact | undefined {
  if (!NON_LEVY.test(question) || !ASKS_COST.test(question) || !/\bapprentic|\bappr\b/i.test(question)) {
    return undefined;
  }
  if (readAge(question) === undefined) return undefined;
  const fact = knowledge.facts.get('cofunding.non-levy-free-max-age');
  return fact && figureAsOf(fact, date) ? fact : undefined;
}
