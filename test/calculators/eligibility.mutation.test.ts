import { beforeAll, describe, expect, it } from 'vitest';
import { EligibilityInput, type EligibilityInputDraft } from '../../src/calculators/eligibility/eligibility-input.js';
import { type Facts, loadFacts, withoutFacts } from '../helpers/facts.js';
import { DATE, NOT_HELD_QUESTION, ruleOf } from './eligibility-case.js';

// Figures held (knowledge/facts.yml): minimum age 16 from 1 May 2017 (15 once they have left Year 11); 3 years'
// residence from 1 May 2017; 50% of working hours in England. Every expected reason and question below is worked by
// hand from those and the eligibility articles.

let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

const rule = (changes: Partial<EligibilityInputDraft>, id: string, date = DATE, knowledge: Facts = facts) =>
  ruleOf(knowledge, changes, id, date);

describe('eligibility: age', () => {
  const age = (status: string, reason: string, question?: string) => ({
    id: 'age',
    label: 'Age',
    status,
    reason,
    ...(question !== undefined && { question }),
    articleIds: ['apprenticeship-eligibility-age'],
  });

  it('meets the rule at 16 and says there is no upper age limit', () => {
    expect(rule({ age: 16 }, 'age')).toEqual(
      age('passed', 'Aged 16: at least the minimum age of 16, and there is no upper age limit.'),
    );
  });

  it('asks whether a 15 year old will have left Year 11 by the start', () => {
    expect(rule({ age: 15 }, 'age')).toEqual(
      age(
        'unknown',
        'Aged 15: under 16, so they can start only once they have left compulsory schooling (Year 11).',
        'Will they start after the last Friday in June of the school year in which they turn 16?',
      ),
    );
  });

  it('turns down a 14 year old, naming both starting ages', () => {
    expect(rule({ age: 14 }, 'age')).toEqual(
      age('failed', 'Aged 14: too young. An apprenticeship can start at 16, or at 15 only after leaving Year 11.'),
    );
  });

  it('says the minimum age is not held before May 2017 and sends the check to the team', () => {
    expect(rule({}, 'age', '2017-04-01')).toEqual({
      id: 'age',
      label: 'Age',
      status: 'unknown',
      reason:
        'Minimum age to start an apprenticeship: no figure is held for 1 April 2017 (the first one held applies from 1 May 2017)',
      question: NOT_HELD_QUESTION,
      articleIds: [],
    });
  });
});

describe('eligibility: right to work, working in England and other funded education', () => {
  it.each([
    ['yes', 'passed', 'They have the right to work in the UK.', undefined],
    ['no', 'failed', 'An apprentice must have the right to work in the UK.', undefined],
    [
      'unknown',
      'unknown',
      'Not known yet.',
      'Do they have the right to work in the UK (checked against their documents)?',
    ],
  ] as const)('a right to work answer of "%s" makes the rule %s, saying why', (answer, status, reason, question) => {
    expect(rule({ rightToWork: answer }, 'right-to-work')).toEqual({
      id: 'right-to-work',
      label: 'Right to work',
      status,
      reason,
      ...(question !== undefined && { question }),
    });
  });

  it.each([
    ['yes', 'passed', 'At least 50% of their working hours will be in England.', undefined],
    ['no', 'failed', 'An apprentice must spend at least 50% of their working hours in England.', undefined],
    ['unknown', 'unknown', 'Not known yet.', 'Will at least 50% of their working hours be in England?'],
  ] as const)(
    'a works-mostly-in-England answer of "%s" makes the rule %s, naming the share of hours needed',
    (answer, status, reason, question) => {
      expect(rule({ worksMostlyInEngland: answer }, 'england')).toEqual({
        id: 'england',
        label: 'Working in England',
        status,
        reason,
        ...(question !== undefined && { question }),
        articleIds: ['apprenticeship-eligibility-residency'],
      });
    },
  );

  it('says the England share is not held when the facts lack it', () => {
    expect(rule({}, 'england', DATE, withoutFacts(facts, ['apprenticeship.england-work-share']))).toEqual({
      id: 'england',
      label: 'Working in England',
      status: 'unknown',
      reason: 'apprenticeship.england-work-share: no figure is held for 1 September 2025',
      question: NOT_HELD_QUESTION,
      articleIds: [],
    });
  });

  it.each([
    ['no', 'passed', 'They are not on another government-funded course and are not using a student loan.', undefined],
    [
      'yes',
      'failed',
      'An apprentice must not be on another government-funded course or use a student loan during the apprenticeship.',
      undefined,
    ],
    [
      'unknown',
      'unknown',
      'Not known yet.',
      'Will they be on another government-funded course, or using a student loan, during the apprenticeship?',
    ],
  ] as const)(
    'an other-funded-education answer of "%s" makes the rule %s, saying why',
    (answer, status, reason, question) => {
      expect(rule({ inOtherFundedEducation: answer }, 'other-funding')).toEqual({
        id: 'other-funding',
        label: 'Not in other funded education',
        status,
        reason,
        ...(question !== undefined && { question }),
      });
    },
  );
});

describe('eligibility: residency', () => {
  const residency = (changes: Partial<EligibilityInputDraft>) => {
    const found = rule(changes, 'residency');
    expect(found).toMatchObject({ label: 'Residency', articleIds: ['apprenticeship-eligibility-residency'] });
    return [found?.status, found?.reason, found?.question];
  };
  const UK_QUESTION =
    'Have they been ordinarily resident in the UK, the British Overseas Territories or the Crown Dependencies for the 3 years before the start?';

  it('meets the rule for a UK national resident exactly 3 years', () => {
    expect(residency({ residency: 'uk-national', yearsInUk: 3 })).toEqual([
      'passed',
      'A UK national ordinarily resident in the UK for at least 3 years before the start (they have 3 years).',
      undefined,
    ]);
  });

  it('asks a UK national resident 2 years, or 1 year, about the 3 years', () => {
    expect(residency({ residency: 'uk-national', yearsInUk: 2 })[0]).toBe('unknown');
    expect(residency({ residency: 'uk-national', yearsInUk: 1 })).toEqual([
      'unknown',
      'A UK national needs 3 years of ordinary residence in the UK, the British Overseas Territories or the Crown Dependencies before the start (they have 1 year).',
      UK_QUESTION,
    ]);
  });

  it('asks a UK national whose years in the UK are not given, without guessing them', () => {
    expect(residency({ residency: 'uk-national', yearsInUk: undefined })).toEqual([
      'unknown',
      'A UK national needs 3 years of ordinary residence in the UK, the British Overseas Territories or the Crown Dependencies before the start.',
      UK_QUESTION,
    ]);
  });

  it('accepts settled and pre-settled status, naming which', () => {
    expect(residency({ residency: 'settled' })).toEqual([
      'passed',
      'Settled status under the EU Settlement Scheme meets the residency rule.',
      undefined,
    ]);
    expect(residency({ residency: 'pre-settled' })).toEqual([
      'passed',
      'Pre-settled status under the EU Settlement Scheme meets the residency rule.',
      undefined,
    ]);
  });

  it('accepts refugee status as an exception to the 3 years', () => {
    expect(residency({ residency: 'refugee', yearsInUk: 1 })).toEqual([
      'passed',
      'Refugee status or humanitarian protection is an exception to the 3 years residence rule: residence counts from when leave was granted. Keep the Home Office letter as evidence.',
      undefined,
    ]);
  });

  it('asks how long someone on a non-study visa has lived here, and decides at 3 years', () => {
    expect(residency({ residency: 'visa-non-study', yearsInUk: undefined })).toEqual([
      'unknown',
      'With permission to live in the UK that is not for study, they need 3 years of ordinary residence before the start.',
      'How many years have they lived in the UK before the start (3 or more is needed)?',
    ]);
    expect(residency({ residency: 'visa-non-study', yearsInUk: 3 })).toEqual([
      'passed',
      'Permission to live in the UK not for study, and at least 3 years of residence (they have 3 years).',
      undefined,
    ]);
    expect(residency({ residency: 'visa-non-study', yearsInUk: 2.5 })).toEqual([
      'failed',
      'With a visa that is not for study they need 3 years of ordinary residence before the start (they have 2.5 years).',
      undefined,
    ]);
  });

  it('turns down a student visa', () => {
    expect(residency({ residency: 'study-visa' })).toEqual([
      'failed',
      'Permission to be in the UK for study (a student visa) does not meet the residency rule for apprenticeship funding.',
      undefined,
    ]);
  });

  it('asks about an asylum seeker, another status, or a status not given', () => {
    expect(residency({ residency: 'asylum-seeker' })).toEqual([
      'unknown',
      'Asylum seekers with permission to work can do apprenticeships, but the funding rules set conditions for each case.',
      'Do they have Home Office permission to work, and does their case meet the residency annex of the funding rules?',
    ]);
    expect(residency({ residency: 'other' })).toEqual([
      'unknown',
      'Other statuses (for example stateless leave, the Ukraine or Afghan schemes, discretionary leave) have their own residency rules.',
      'Which immigration status do they hold, and does it meet the residency annex of the funding rules?',
    ]);
    expect(residency({ residency: 'unknown' })).toEqual([
      'unknown',
      'Not known yet.',
      'What is their nationality or immigration status, and how many years have they lived in the UK?',
    ]);
  });

  it('says the years of residence are not held before May 2017', () => {
    expect(rule({}, 'residency', '2017-04-01')).toEqual({
      id: 'residency',
      label: 'Residency',
      status: 'unknown',
      reason:
        'Years of residence needed before starting a funded apprenticeship: no figure is held for 1 April 2017 (the first one held applies from 1 May 2017)',
      question: NOT_HELD_QUESTION,
      articleIds: [],
    });
  });
});

describe('eligibility: prior qualifications', () => {
  const prior = (changes: Partial<EligibilityInputDraft>) => {
    const found = rule(changes, 'prior-qualification');
    expect(found?.label).toBe('Prior qualifications');
    return [found?.status, found?.reason, found?.question];
  };

  it('asks for the highest qualification when none is given', () => {
    expect(prior({ priorQualificationLevel: undefined })).toEqual([
      'unknown',
      'Not known yet.',
      'What is the level of their highest qualification, and is it in the same occupational area as the apprenticeship?',
    ]);
  });

  it('meets the rule with no prior qualification, whatever the level', () => {
    expect(prior({ priorQualificationLevel: 0, level: undefined })).toEqual([
      'passed',
      'They hold no prior qualification.',
      undefined,
    ]);
  });

  it('asks for the apprenticeship level before judging a level 2 qualification', () => {
    expect(prior({ priorQualificationLevel: 2, level: undefined })).toEqual([
      'unknown',
      "They hold a level 2 qualification; whether that matters depends on the apprenticeship's level.",
      'What level is the apprenticeship?',
    ]);
  });

  it('meets the rule for a level 2 qualification before a level 3 apprenticeship', () => {
    expect(prior({ priorQualificationLevel: 2, level: 3 })).toEqual([
      'passed',
      'Their highest qualification (level 2) is below the apprenticeship (level 3).',
      undefined,
    ]);
  });

  it('treats a qualification at the same level as at or above it', () => {
    expect(prior({ priorQualificationLevel: 3, level: 3, priorQualificationSameArea: 'no' })).toEqual([
      'passed',
      'A level 3 qualification in a different occupational area does not by itself stop a level 3 apprenticeship.',
      undefined,
    ]);
    expect(prior({ priorQualificationLevel: 3, level: 3, priorQualificationSameArea: 'unknown' })).toEqual([
      'unknown',
      "They hold a level 3 qualification, at or above the apprenticeship's level 3: that matters only if it is in the same occupational area.",
      'Is their level 3 qualification in the same occupational area as this apprenticeship?',
    ]);
  });

  it('asks about substantial new skills when a level 4 qualification is in the same area', () => {
    expect(prior({ priorQualificationLevel: 4, level: 3, priorQualificationSameArea: 'yes' })).toEqual([
      'unknown',
      'A qualification at the same or a higher level (level 4) in the same occupational area usually rules out an apprenticeship unless it teaches substantial new skills; the exact current wording of this rule is not held.',
      'Will the apprenticeship give them substantial new skills beyond their level 4 qualification? Ask the training provider to assess their prior learning.',
    ]);
  });
});

describe('eligibility input: foundation apprenticeships', () => {
  const issues = (input: EligibilityInputDraft) =>
    EligibilityInput.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

  it('accepts a foundation apprenticeship with no level or at level 2, and refuses one at level 3', () => {
    expect(issues({ age: 18, isFoundationApprenticeship: true })).toBeUndefined();
    expect(issues({ age: 18, isFoundationApprenticeship: true, level: 2 })).toBeUndefined();
    expect(issues({ age: 18, level: 3 })).toBeUndefined();
    expect(issues({ age: 18, isFoundationApprenticeship: true, level: 3 })).toEqual([
      ['level', 'a foundation apprenticeship is at level 2'],
    ]);
  });
});
