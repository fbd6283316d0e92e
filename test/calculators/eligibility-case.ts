import { checkEligibility } from '../../src/calculators/eligibility/check-eligibility.js';
import { EligibilityInput, type EligibilityInputDraft } from '../../src/calculators/eligibility/eligibility-input.js';
import type { Facts } from '../helpers/facts.js';

/** Everything known and in order, so a test changes only what it is about. */
export const SETTLED: EligibilityInputDraft = {
  age: 30,
  rightToWork: 'yes',
  residency: 'uk-national',
  yearsInUk: 30,
  worksMostlyInEngland: 'yes',
  inOtherFundedEducation: 'no',
  priorQualificationLevel: 2,
  priorQualificationSameArea: 'no',
  hoursPerWeek: 37,
  durationMonths: 18,
  level: 3,
  levyPayer: 'yes',
  isCareLeaver: 'no',
  hasEhcPlan: 'no',
};

/** A start after the August 2025 changes and before the level 7 age limit. */
export const DATE = '2025-09-01';

/** The settled case with `changes`, starting (and asked about) on `date`. */
export function checkCase(facts: Facts, changes: Partial<EligibilityInputDraft> = {}, date = DATE) {
  return checkEligibility(facts, EligibilityInput.parse({ ...SETTLED, startDate: date, ...changes }), date);
}

/** One rule of the settled case with `changes`. */
export function ruleOf(facts: Facts, changes: Partial<EligibilityInputDraft>, id: string, date = DATE) {
  return checkCase(facts, changes, date).rules.find((item) => item.id === id);
}

export const NOT_HELD_QUESTION =
  'Check this rule with the Employment and Skills team: the figure it needs is not held.';
