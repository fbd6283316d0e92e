import type { FigureReader } from '../shared/figure-reader.js';
import { type EligibilityRule, notHeldRule } from './eligibility-rule.js';

/** Old enough to start: the minimum age, or one year under it once they have left Year 11. */
export function ageRule(reader: FigureReader, age: number, date: string): EligibilityRule {
  const minimum = reader.read('apprenticeship.minimum-age', date);
  if (!minimum) return notHeldRule(reader, 'age', 'Age', 'apprenticeship.minimum-age');
  const base = { id: 'age', label: 'Age' };
  if (age >= minimum.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: at least the minimum age of ${minimum.value}, and there is no upper age limit.`,
    };
  }
  if (age === minimum.value - 1) {
    return {
      ...base,
      status: 'unknown',
      reason: `Aged ${age}: under ${minimum.value}, so they can start only once they have left compulsory schooling (Year 11).`,
      question: `Will they start after the last Friday in June of the school year in which they turn ${minimum.value}?`,
    };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: too young. An apprenticeship can start at ${minimum.value}, or at ${minimum.value - 1} only after leaving Year 11.`,
  };
}
