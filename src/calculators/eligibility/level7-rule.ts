import { formatDate } from '../../knowledge/format.js';
import { EHC_OR_CARE_QUESTION } from '../co-investment/funding-split.js';
import type { FigureReader } from '../shared/figure-reader.js';
import type { YesNoUnknown } from './eligibility-input.js';
import type { EligibilityRule } from './eligibility-rule.js';

/** Level 7 funding by age, from the date the age limit applies. */
export function level7Rule(reader: FigureReader, age: number, ehcOrCare: YesNoUnknown, date: string): EligibilityRule {
  const base = { id: 'level-7', label: 'Level 7 funding' };
  const maxAge = reader.readIfInForce('level7.funded-max-age', date);
  if (!maxAge) {
    const later = reader.next('level7.funded-max-age', date);
    return {
      ...base,
      status: 'passed',
      reason: `Level 7 apprenticeships starting on ${formatDate(date)} are funded at any age${later ? ` (for starts from ${formatDate(later.from)}, only up to age ${later.value})` : ''}.`,
    };
  }
  if (age <= maxAge.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: level 7 is funded for new starters up to age ${maxAge.value} (rule from ${formatDate(maxAge.from)}).`,
    };
  }
  const extended = reader.readIfInForce('level7.funded-max-age-ehc-care-leaver', date);
  const limits = `up to age ${maxAge.value}${extended ? `, or ${extended.value} with an EHC plan or care experience` : ''} (rule from ${formatDate(maxAge.from)})`;
  if (extended && age <= extended.value && ehcOrCare === 'yes') {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age} with an EHC plan or care experience: level 7 is funded ${limits}.`,
    };
  }
  if (extended && age <= extended.value && ehcOrCare === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      reason: `Aged ${age}: level 7 is funded ${limits}.`,
      question: EHC_OR_CARE_QUESTION,
    };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: level 7 apprenticeships are funded only for new starters ${limits}.`,
  };
}
