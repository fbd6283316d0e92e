import type { YesNoUnknown } from './eligibility-input.js';
import { type EligibilityRule, yesNoRule } from './eligibility-rule.js';

/** Not on another government-funded course, and not using a student loan, during the apprenticeship. */
export function otherFundingRule(inOtherFundedEducation: YesNoUnknown): EligibilityRule {
  const meets = inOtherFundedEducation === 'yes' ? 'no' : inOtherFundedEducation === 'no' ? 'yes' : 'unknown';
  return yesNoRule(meets, {
    id: 'other-funding',
    label: 'Not in other funded education',
    yes: 'They are not on another government-funded course and are not using a student loan.',
    no: 'An apprentice must not be on another government-funded course or use a student loan during the apprenticeship.',
    question: 'Will they be on another government-funded course, or using a student loan, during the apprenticeship?',
  });
}
