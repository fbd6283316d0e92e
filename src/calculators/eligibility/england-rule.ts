import type { FigureReader } from '../shared/figure-reader.js';
import type { YesNoUnknown } from './eligibility-input.js';
import { type EligibilityRule, notHeldRule, yesNoRule } from './eligibility-rule.js';

/** At least the set share of working hours in England. */
export function englandRule(reader: FigureReader, answer: YesNoUnknown, date: string): EligibilityRule {
  const englandShare = reader.read('apprenticeship.england-work-share', date);
  if (!englandShare) return notHeldRule(reader, 'england', 'Working in England', 'apprenticeship.england-work-share');
  return yesNoRule(answer, {
    id: 'england',
    label: 'Working in England',
    yes: `At least ${englandShare.text} of their working hours will be in England.`,
    no: `An apprentice must spend at least ${englandShare.text} of their working hours in England.`,
    question: `Will at least ${englandShare.text} of their working hours be in England?`,
  });
}
