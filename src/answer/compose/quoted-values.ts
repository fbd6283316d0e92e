import type { Fact } from '../../knowledge/fact-schema.js';
import { figureHistory } from '../../knowledge/figure-as-of.js';
import { searchTerms } from '../../knowledge/normalise-text.js';

/** Whether the question quotes one of the fact's values ("from 15 to 30", "go up to 25%"). */
export function quotesValue(fact: Fact, questionTerms: Set<string>): boolean {
  // A number in the figure's own name ("Hackney 100") is not its value being quoted.
  const ownName = new Set(searchTerms(fact.label));
  return fact.values.some(
    (entry) =>
      typeof entry.value === 'number' &&
      !ownName.has(`${entry.value}`) &&
      [`${entry.value}`, `${entry.value}%`, `£${entry.value}`, `${entry.value / 1000}k`].some((form) =>
        questionTerms.has(form),
      ),
  );
}

/** A yes-or-no question that puts a figure forward as the rule: "is it still 16 hours", "is £15 the rate now". */
const CLAIMS_THE_RULE = /\bstill\b|\bthe (?:minimum|maximum|min|max|rate|limit|cap|threshold|allowance)\b/i;

/** Whether a question quotes a number, not a year, that the fact has never had as its value. */
export function quotesAnotherValue(fact: Fact, question: string): boolean {
  // Only a number put forward as the rule itself ("is 16 hours still the minimum"), not a case ("like 20 hrs").
  if (!CLAIMS_THE_RULE.test(question)) return false;
  const ownName = new Set(searchTerms(fact.label));
  const quoted = [...question.matchAll(/(?<![\d.,£])(\d+(?:\.\d+)?)(?![\d,])/g)]
    .map((match) => match[1] as string)
    .filter((number) => !/^(?:19|20)\d{2}$/.test(number) && !ownName.has(number));
  if (quoted.length === 0) return false;
  const values = new Set(fact.values.map((entry) => String(entry.value)));
  return quoted.every((number) => !values.has(String(Number(number))));
}

/**
 * Whether a "when" question names a value the figure changed to ("when did funding bands go from 15 to 30", "when did
 * hackney 100 open up to 24 year olds"): the change is the answer, even for a figure no longer in force.
 */
export function asksWhenItChanged(fact: Fact, question: string): boolean {
  if (!/\bwhen\b/i.test(question)) return false;
  const numbers = new Set([...question.matchAll(/(\d+(?:\.\d+)?)/g)].map((match) => Number(match[1])));
  const ownName = new Set(searchTerms(fact.label));
  return figureHistory(fact).some(
    (entry, position) =>
      position > 0 && typeof entry.value === 'number' && numbers.has(entry.value) && !ownName.has(`${entry.value}`),
  );
}
