import type { Fact, FactValue } from '../../knowledge/fact-schema.js';
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
 * The change a question names by the value the figure changed to ("from 15 to 30", "up to 24 year olds"): the latest
 * such value with the one before it. A number in the figure's own name ("Hackney 100") is not a value it changed to,
 * and a value restated by a later source is not a change.
 */
export function changeNamed(fact: Fact, question: string): { to: FactValue; from: FactValue } | undefined {
  const ownName = new Set(searchTerms(fact.label));
  const numbers = new Set(
    [...question.matchAll(/(\d+(?:\.\d+)?)/g)]
      .filter((match) => !ownName.has(match[1] as string))
      .map((match) => Number(match[1])),
  );
  const history = figureHistory(fact);
  for (let position = history.length - 1; position > 0; position -= 1) {
    const to = history[position] as FactValue;
    const from = history[position - 1] as FactValue;
    if (typeof to.value === 'number' && numbers.has(to.value) && String(from.value) !== String(to.value)) {
      return { to, from };
    }
  }
  return undefined;
}

/**
 * Whether a "when" question names a value the figure changed to ("when did funding bands go from 15 to 30", "when did
 * hackney 100 open up to 24 year olds"): the change is the answer, even for a figure no longer in force.
 */
export function asksWhenItChanged(fact: Fact, question: string): boolean {
  return /\bwhen\b/i.test(question) && changeNamed(fact, question) !== undefined;
}
