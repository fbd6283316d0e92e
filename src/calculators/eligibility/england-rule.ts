import type { FigureReader } from '../shared/figure-reader.js';
import type { YesNoUnknown } from './eligibility-input.js';
import { type EligibilityRule, notHeldRule, yesNoRule } from './eligibility-rule.js';

/** At least the set share of working hours in England. */
export function englandRule(reader: FigureReader, answer: YesNoUnknown, date: string, share?: number): EligibilityRule {
  const englandShare = reader.read('apprenticeship.england-work-share', date);
  if (!englandShare) return notHeldRule(reader, 'england', 'Working in England', 'apprenticeship.england-work-share');
  if (share !== undefined && answer === 'unknown') {
    // "3 days out of 5 in Cardiff": the share given, against the share the rules set.
    const given = `${Math.round(share * 1000) / 10}%`;
    const enough = share * 100 >= englandShare.value;
    return {
      id: 'england',
      label: 'Working in England',
      status: enough ? 'passed' : 'failed',
      reason: enough
        ? `${given} of their working hours will be in England, and the rules ask for at least ${englandShare.text}.`
        : `Only ${given} of their working hours will be in England; an apprentice must spend at least ${englandShare.text} of their working hours in England.`,
    };
  }
  return yesNoRule(answer, {
    id: 'england',
    label: 'Working in England',
    yes: `At least ${englandShare.text} of their working hours will be in England.`,
    no: `An apprentice must spend at least ${englandShare.text} of their working hours in England.`,
    question: `Will at least ${englandShare.text} of their working hours be in England?`,
  });
}
