import type { YesNoUnknown } from './eligibility-input.js';
import { type EligibilityRule, yesNoRule } from './eligibility-rule.js';

/** The right to work in the UK, checked against documents. */
export function rightToWorkRule(answer: YesNoUnknown): EligibilityRule {
  return yesNoRule(answer, {
    id: 'right-to-work',
    label: 'Right to work',
    yes: 'They have the right to work in the UK.',
    no: 'An apprentice must have the right to work in the UK.',
    question: 'Do they have the right to work in the UK (checked against their documents)?',
  });
}
