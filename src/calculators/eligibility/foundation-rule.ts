import { formatDate } from '../../knowledge/format.js';
import type { FigureReader } from '../shared/figure-reader.js';
import type { YesNoUnknown } from './eligibility-input.js';
import type { EligibilityRule } from './eligibility-rule.js';

/** Foundation apprenticeships: when they exist, and the age range. */
export function foundationRule(
  reader: FigureReader,
  age: number,
  ehcOrCare: YesNoUnknown,
  date: string,
): EligibilityRule {
  const base = { id: 'foundation', label: 'Foundation apprenticeship' };
  const maxAge = reader.readIfInForce('foundation.max-age', date);
  if (!maxAge) {
    const later = reader.next('foundation.max-age', date);
    return later
      ? {
          ...base,
          status: 'failed',
          reason: `Foundation apprenticeships start from ${formatDate(later.from)}; none can start on ${formatDate(date)}.`,
        }
      : {
          ...base,
          status: 'unknown',
          reason: 'The foundation apprenticeship age range is not held for that date.',
          question: 'Is the person within the age range for foundation apprenticeships (check the funding rules)?',
        };
  }
  if (age <= maxAge.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: within the foundation apprenticeship age range (up to ${maxAge.value}).`,
    };
  }
  // Older starters are allowed up to the age the EHC plan and care leaver rules use, in set circumstances.
  const extended =
    reader.readIfInForce('foundation.max-age-extended', date) ??
    reader.readIfInForce('cofunding.ehc-care-leaver-max-age', date);
  if (extended && age <= extended.value) {
    return ehcOrCare === 'yes'
      ? {
          ...base,
          status: 'passed',
          reason: `Aged ${age} with an EHC plan or care experience: within the extended range (up to ${extended.value}).`,
        }
      : {
          ...base,
          status: 'unknown',
          reason: `Aged ${age}: foundation apprenticeships take starters up to ${maxAge.value}, or up to ${extended.value} with an EHC plan, care experience or a recent prison sentence.`,
          question: 'Do they have an EHC plan or care experience, or are they in or recently released from prison?',
        };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: older than the foundation apprenticeship age range (up to ${extended?.value ?? maxAge.value}).`,
  };
}
