import type { FigureReader } from '../shared/figure-reader.js';
import type { EligibilityInput } from './eligibility-input.js';
import { type EligibilityRule, notHeldRule } from './eligibility-rule.js';

/** Residency: nationality or immigration status, and years lived in the UK before the start. */
export function residencyRule(reader: FigureReader, input: EligibilityInput, date: string): EligibilityRule {
  const base = { id: 'residency', label: 'Residency' };
  const years = reader.read('apprenticeship.residency-years', date);
  if (!years) return notHeldRule(reader, 'residency', 'Residency', 'apprenticeship.residency-years');
  const lived = input.yearsInUk;
  const livedText = lived === undefined ? '' : ` (they have ${lived} ${lived === 1 ? 'year' : 'years'})`;
  switch (input.residency) {
    case 'uk-national':
      if (lived !== undefined && lived >= years.value) {
        return {
          ...base,
          status: 'passed',
          reason: `A UK national ordinarily resident in the UK for at least ${years.text} before the start${livedText}.`,
        };
      }
      return {
        ...base,
        status: 'unknown',
        reason: `A UK national needs ${years.text} of ordinary residence in the UK, the British Overseas Territories or the Crown Dependencies before the start${livedText}.`,
        question: `Have they been ordinarily resident in the UK, the British Overseas Territories or the Crown Dependencies for the ${years.text} before the start?`,
      };
    case 'settled':
    case 'pre-settled':
      return {
        ...base,
        status: 'passed',
        reason: `${input.residency === 'settled' ? 'Settled' : 'Pre-settled'} status under the EU Settlement Scheme meets the residency rule.`,
      };
    case 'refugee':
      return {
        ...base,
        status: 'passed',
        reason: `Refugee status or humanitarian protection is an exception to the ${years.text} residence rule: residence counts from when leave was granted. Keep the Home Office letter as evidence.`,
      };
    case 'visa-non-study':
      if (lived === undefined) {
        return {
          ...base,
          status: 'unknown',
          reason: `With permission to live in the UK that is not for study, they need ${years.text} of ordinary residence before the start.`,
          question: `How many years have they lived in the UK before the start (${years.value} or more is needed)?`,
        };
      }
      return lived >= years.value
        ? {
            ...base,
            status: 'passed',
            reason: `Permission to live in the UK not for study, and at least ${years.text} of residence${livedText}.`,
          }
        : {
            ...base,
            status: 'failed',
            reason: `With a visa that is not for study they need ${years.text} of ordinary residence before the start${livedText}.`,
          };
    case 'study-visa':
      return {
        ...base,
        status: 'failed',
        reason:
          'Permission to be in the UK for study (a student visa) does not meet the residency rule for apprenticeship funding.',
      };
    case 'asylum-seeker':
      return {
        ...base,
        status: 'unknown',
        reason:
          'Asylum seekers with permission to work can do apprenticeships, but the funding rules set conditions for each case.',
        question:
          'Do they have Home Office permission to work, and does their case meet the residency annex of the funding rules?',
      };
    case 'other':
      return {
        ...base,
        status: 'unknown',
        reason: `Other statuses (for example stateless leave, the Ukraine or Afghan schemes, discretionary leave) have their own residency rules.`,
        question: 'Which immigration status do they hold, and does it meet the residency annex of the funding rules?',
      };
    default:
      return {
        ...base,
        status: 'unknown',
        reason: 'Not known yet.',
        question: 'What is their nationality or immigration status, and how many years have they lived in the UK?',
      };
  }
}
