import type { EligibilityInput } from './eligibility-input.js';
import type { EligibilityRule } from './eligibility-rule.js';

/** A prior qualification at or above the apprenticeship's level, in the same area, usually rules it out. */
export function priorQualificationRule(input: EligibilityInput): EligibilityRule {
  const base = { id: 'prior-qualification', label: 'Prior qualifications' };
  const prior = input.priorQualificationLevel;
  if (prior === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: 'Not known yet.',
      question:
        'What is the level of their highest qualification, and is it in the same occupational area as the apprenticeship?',
    };
  }
  if (prior === 0) return { ...base, status: 'passed', reason: 'They hold no prior qualification.' };
  if (input.level === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `They hold a level ${prior} qualification; whether that matters depends on the apprenticeship's level.`,
      question: 'What level is the apprenticeship?',
    };
  }
  if (prior < input.level) {
    return {
      ...base,
      status: 'passed',
      reason: `Their highest qualification (level ${prior}) is below the apprenticeship (level ${input.level}).`,
    };
  }
  if (input.priorQualificationSameArea === 'no') {
    return {
      ...base,
      status: 'passed',
      reason: `A level ${prior} qualification in a different occupational area does not by itself stop a level ${input.level} apprenticeship.`,
    };
  }
  if (input.priorQualificationSameArea === 'yes') {
    return {
      ...base,
      status: 'unknown',
      reason: `A qualification at the same or a higher level (level ${prior}) in the same occupational area usually rules out an apprenticeship unless it teaches substantial new skills; the exact current wording of this rule is not held.`,
      question: `Will the apprenticeship give them substantial new skills beyond their level ${prior} qualification? Ask the training provider to assess their prior learning.`,
    };
  }
  return {
    ...base,
    status: 'unknown',
    reason: `They hold a level ${prior} qualification, at or above the apprenticeship's level ${input.level}: that matters only if it is in the same occupational area.`,
    question: `Is their level ${prior} qualification in the same occupational area as this apprenticeship?`,
  };
}
