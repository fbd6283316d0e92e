import type { YesNoUnknown } from '../eligibility/eligibility-input.js';
import type { CalculationLine } from '../shared/calculation-line.js';

export type FundingCase = {
  date: string;
  levyPayer: YesNoUnknown;
  age?: number;
  hasEhcPlanOrIsCareLeaver: YesNoUnknown;
  /** For a levy payer: whether its account has run out of levy funds (unknown: both cases are shown). */
  levyFundsUsedUp?: YesNoUnknown;
  employeeCount?: number;
  /** Agreed price of the apprenticeship in pounds. */
  price?: number;
  /** The funding band maximum of the apprenticeship's own standard, when given (no higher than the top band). */
  bandMaximum?: number;
};

export type FundingSplit = {
  /** `decided` when the sources settle who pays; `unknown` when a fact about the case or the rules is missing. */
  status: 'decided' | 'unknown';
  /** One sentence: who pays what, and why. */
  summary: string;
  /** What to ask or check when the status is `unknown`. */
  question?: string;
  lines: CalculationLine[];
  /** The employer's share of the price up to the band maximum, in percent, when decided. */
  employerSharePercent?: number;
  /** What the employer pays in pounds (its share plus anything above the band maximum), when a price was given. */
  employerPays?: number;
  /** What the government pays in pounds, when a price was given and the split is known. */
  governmentPays?: number;
  /** When the amounts hold only on a condition still to check ("Without an EHC plan or care experience"). */
  estimateIf?: string;
};

export const EHC_OR_CARE_QUESTION = 'Does the apprentice have an EHC plan, or have they been in local authority care?';

const either = (a: YesNoUnknown, b: YesNoUnknown): YesNoUnknown =>
  a === 'yes' || b === 'yes' ? 'yes' : a === 'no' && b === 'no' ? 'no' : 'unknown';

/** Combines the EHC plan and care leaver answers: either one is enough for the rules that name both. */
export function ehcOrCareLeaver(hasEhcPlan: YesNoUnknown, isCareLeaver: YesNoUnknown): YesNoUnknown {
  return either(hasEhcPlan, isCareLeaver);
}
