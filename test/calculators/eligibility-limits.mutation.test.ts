import { beforeAll, describe, expect, it } from 'vitest';
import { EHC_OR_CARE_QUESTION } from '../../src/calculators/co-investment/funding-split.js';
import { checkEligibility } from '../../src/calculators/eligibility/check-eligibility.js';
import { EligibilityInput, type EligibilityInputDraft } from '../../src/calculators/eligibility/eligibility-input.js';
import { type Facts, loadFacts, withoutFacts } from '../helpers/facts.js';
import { checkCase, DATE, ruleOf, SETTLED } from './eligibility-case.js';

// Figures held (knowledge/facts.yml): minimum duration 12 months at 30 hours a week until 31 July 2025, then 8 months
// with no pro-rata lengthening (the regime of the 187-hour off-the-job floor from 1 August 2025); level 7 funded up
// to 21, or 24 with an EHC plan or care experience, from 1 January 2026; foundation apprenticeships up to 21 from
// 1 August 2025, or 24 (the EHC plan and care leaver age); band maximum £27,000; levy payers out of funds pay 5%
// until 31 July 2026. Every expected reason, question and note below is worked by hand from those.

let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

const check = (changes: Partial<EligibilityInputDraft> = {}, date = DATE, knowledge: Facts = facts) =>
  checkCase(knowledge, changes, date);
const rule = (changes: Partial<EligibilityInputDraft>, id: string, date = DATE, knowledge: Facts = facts) =>
  ruleOf(knowledge, changes, id, date);
const BEFORE_AUGUST_2025 = '2024-09-01';
const DURATION_ARTICLES = ['apprenticeship-minimum-duration', 'apprenticeship-contract-and-hours'];
const EMPLOYED_NOTE =
  'They must be employed for long enough to finish the apprenticeship, including the end-point assessment, and be paid for their off-the-job training time.';

describe('eligibility: minimum duration before August 2025', () => {
  it('lengthens 12 months to 18 at 20 hours a week, and passes an 18-month plan exactly at the minimum', () => {
    const result = check({ hoursPerWeek: 20, durationMonths: 18 }, BEFORE_AUGUST_2025);
    expect(result.minimumDuration).toEqual({
      id: 'minimum-duration',
      label: 'Minimum duration',
      value: '18 months',
      amount: 18,
      arithmetic: '12 × 30 ÷ 20 hours a week = 18 months (extended pro rata below 30 hours a week)',
      articleIds: DURATION_ARTICLES,
    });
    expect(result.rules.find((item) => item.id === 'duration')).toEqual({
      id: 'duration',
      label: 'Duration',
      status: 'passed',
      reason: '18 months meets the minimum of 18 months.',
      articleIds: DURATION_ARTICLES,
    });
  });

  it('rounds the lengthened minimum to one decimal (16 hours: 22.5 months) and fails a 22-month plan', () => {
    const result = check({ hoursPerWeek: 16, durationMonths: 22 }, BEFORE_AUGUST_2025);
    expect([result.minimumDuration.value, result.minimumDuration.amount]).toEqual(['22.5 months', 22.5]);
    expect(result.rules.find((item) => item.id === 'duration')).toMatchObject({
      status: 'failed',
      reason: '22 months is shorter than the minimum of 22.5 months.',
    });
    expect(result.verdict).toBe('not-eligible');
  });

  it('shows 7 hours a week as 51.4 months, not the unrounded 51.428…', () => {
    const line = check({ hoursPerWeek: 7, durationMonths: 52 }, BEFORE_AUGUST_2025).minimumDuration;
    expect(line.value).toBe('51.4 months');
    expect(line.arithmetic).toBe('12 × 30 ÷ 7 hours a week = 51.4 months (extended pro rata below 30 hours a week)');
  });

  it('keeps 12 months at exactly 30 hours a week and says why', () => {
    expect(check({ hoursPerWeek: 30 }, BEFORE_AUGUST_2025).minimumDuration).toMatchObject({
      value: '12 months',
      amount: 12,
      arithmetic: '30 hours a week is at least 30 hours a week, so the minimum is 12 months',
    });
  });

  it('asks for the weekly hours, showing the pro-rata rule, when they are not given', () => {
    const result = check({ hoursPerWeek: undefined }, BEFORE_AUGUST_2025);
    expect(result.minimumDuration).toMatchObject({
      value: '12 months at 30 hours a week or more',
      amount: 12,
      arithmetic: '12 months at 30 hours a week or more; for fewer hours, 12 × 30 ÷ weekly hours',
    });
    expect(result.rules.find((item) => item.id === 'duration')).toMatchObject({
      status: 'unknown',
      reason: 'The minimum duration is 12 months at 30 hours a week or more.',
      question: 'How many hours a week will they be contracted to work?',
    });
    expect(result.notes.some((note) => note.includes('lengthened'))).toBe(false);
  });
});

describe('eligibility: minimum duration from August 2025', () => {
  it('keeps 8 months at 20 hours a week and notes that part-time plans must be realistic', () => {
    const result = check({ hoursPerWeek: 20, durationMonths: 8 });
    expect(result.minimumDuration).toEqual({
      id: 'minimum-duration',
      label: 'Minimum duration',
      value: '8 months',
      amount: 8,
      arithmetic:
        '8 months for starts from 1 August 2025; part-time apprenticeships are no longer lengthened automatically',
      articleIds: [...DURATION_ARTICLES, 'apprenticeship-off-the-job-training'],
    });
    expect(result.notes[0]).toBe(
      'From 1 August 2025 a part-time apprenticeship is not lengthened automatically: the plan must be realistic at 20 hours a week.',
    );
    expect(rule({ hoursPerWeek: 20, durationMonths: 8 }, 'duration')?.reason).toBe(
      '8 months meets the minimum of 8 months.',
    );
  });

  it('adds the part-time note at 29 hours but not at 30 or when the hours are not given', () => {
    expect(check({ hoursPerWeek: 29 }).notes[0]).toContain('realistic at 29 hours a week');
    for (const hoursPerWeek of [30, undefined]) {
      expect(check({ hoursPerWeek }).notes.some((note) => note.includes('realistic'))).toBe(false);
    }
  });

  it('asks how long the apprenticeship will last when the plan is not given', () => {
    expect(rule({ durationMonths: undefined }, 'duration')).toMatchObject({
      status: 'unknown',
      reason: 'It must last at least 8 months.',
      question: 'How many months will the apprenticeship last (at least 8 months)?',
    });
  });

  it('says the minimum duration is not held, and sends the check to the team, without the figure', () => {
    for (const missing of ['apprenticeship.minimum-duration', 'apprenticeship.full-time-hours']) {
      const result = check({}, DATE, withoutFacts(facts, [missing]));
      expect(result.minimumDuration).toMatchObject({
        value: 'not held',
        arithmetic: `${missing}: no figure is held for 1 September 2025`,
      });
      expect(result.minimumDuration.amount).toBeUndefined();
      expect(result.rules.find((item) => item.id === 'duration')).toMatchObject({
        status: 'unknown',
        reason: 'The minimum duration is not held.',
        question: 'Check the minimum duration with the Employment and Skills team.',
      });
    }
  });
});

describe('eligibility: level 7 funding', () => {
  const level7 = (age: number, date: string, changes: Partial<EligibilityInputDraft> = {}, knowledge = facts) =>
    rule({ age, level: 7, priorQualificationLevel: 6, ...changes }, 'level-7', date, knowledge);
  const LIMITS = 'up to age 21, or 24 with an EHC plan or care experience (rule from 1 January 2026)';

  it('funds any age before 1 January 2026 and says the limit that is coming', () => {
    expect(level7(45, '2025-12-31')).toEqual({
      id: 'level-7',
      label: 'Level 7 funding',
      status: 'passed',
      reason:
        'Level 7 apprenticeships starting on 31 December 2025 are funded at any age (for starts from 1 January 2026, only up to age 21).',
      articleIds: [],
    });
  });

  it('says only "funded at any age" when no age limit is held at all', () => {
    expect(level7(45, DATE, {}, withoutFacts(facts, ['level7.funded-max-age']))?.reason).toBe(
      'Level 7 apprenticeships starting on 1 September 2025 are funded at any age.',
    );
  });

  it('funds a 21 year old from 1 January 2026', () => {
    expect(level7(21, '2026-02-01')).toEqual({
      id: 'level-7',
      label: 'Level 7 funding',
      status: 'passed',
      reason: 'Aged 21: level 7 is funded for new starters up to age 21 (rule from 1 January 2026).',
      articleIds: ['level-7-apprenticeship-funding'],
    });
  });

  it('funds a 24 year old care leaver, asks about a 24 year old whose circumstances are unknown', () => {
    expect(level7(24, '2026-02-01', { isCareLeaver: 'yes' })).toMatchObject({
      status: 'passed',
      reason: `Aged 24 with an EHC plan or care experience: level 7 is funded ${LIMITS}.`,
    });
    expect(level7(24, '2026-02-01', { isCareLeaver: 'unknown' })).toMatchObject({
      status: 'unknown',
      reason: `Aged 24: level 7 is funded ${LIMITS}.`,
      question: EHC_OR_CARE_QUESTION,
    });
  });

  it('refuses a 22 year old without an EHC plan or care experience, and a 25 year old with one', () => {
    for (const [age, hasEhcPlan] of [
      [22, 'no'],
      [25, 'yes'],
      [25, 'unknown'],
    ] as const) {
      expect(level7(age, '2026-02-01', { hasEhcPlan })).toMatchObject({
        status: 'failed',
        reason: `Aged ${age}: level 7 apprenticeships are funded only for new starters ${LIMITS}.`,
      });
    }
  });

  it('names only the age 21 limit when the EHC plan and care leaver limit is not held', () => {
    const knowledge = withoutFacts(facts, ['level7.funded-max-age-ehc-care-leaver']);
    expect(level7(22, '2026-02-01', { hasEhcPlan: 'yes' }, knowledge)).toMatchObject({
      status: 'failed',
      reason:
        'Aged 22: level 7 apprenticeships are funded only for new starters up to age 21 (rule from 1 January 2026).',
    });
  });

  it('leaves out who funds the training, and says the employer pays it all, when level 7 is not funded', () => {
    const result = check({ age: 22, level: 7, priorQualificationLevel: 6 }, '2026-02-01');
    expect(result.verdict).toBe('not-eligible');
    expect(result.funding).toBeUndefined();
    expect(result.rules.map((item) => item.id)).not.toContain('funding');
    expect(result.notes).toContain(
      'The employer would have to pay the full cost of a level 7 apprenticeship for this person itself.',
    );
  });

  it('checks no level 7 rule below level 7', () => {
    expect(check({ level: 6 }).rules.map((item) => item.id)).not.toContain('level-7');
  });
});

describe('eligibility: foundation apprenticeships', () => {
  const foundation = (age: number, date = DATE, changes: Partial<EligibilityInputDraft> = {}, knowledge = facts) =>
    rule({ age, level: 2, isFoundationApprenticeship: true, ...changes }, 'foundation', date, knowledge);
  const base = { id: 'foundation', label: 'Foundation apprenticeship' };

  it('refuses a start before foundation apprenticeships began on 1 August 2025', () => {
    expect(foundation(19, '2025-07-01')).toEqual({
      ...base,
      status: 'failed',
      reason: 'Foundation apprenticeships start from 1 August 2025; none can start on 1 July 2025.',
      articleIds: [],
    });
  });

  it('asks for a check when the foundation age range is not held at all', () => {
    expect(foundation(19, DATE, {}, withoutFacts(facts, ['foundation.max-age']))).toMatchObject({
      status: 'unknown',
      reason: 'The foundation apprenticeship age range is not held for that date.',
      question: 'Is the person within the age range for foundation apprenticeships (check the funding rules)?',
    });
  });

  it('takes a 21 year old', () => {
    expect(foundation(21)).toEqual({
      ...base,
      status: 'passed',
      reason: 'Aged 21: within the foundation apprenticeship age range (up to 21).',
      articleIds: ['foundation-apprenticeships'],
    });
  });

  it('takes a 24 year old with an EHC plan and asks about one without', () => {
    expect(foundation(24, DATE, { hasEhcPlan: 'yes' })).toMatchObject({
      status: 'passed',
      reason: 'Aged 24 with an EHC plan or care experience: within the extended range (up to 24).',
      articleIds: ['foundation-apprenticeships', 'levy-young-apprentices-free-training'],
    });
    for (const hasEhcPlan of ['no', 'unknown'] as const) {
      expect(foundation(22, DATE, { hasEhcPlan })).toMatchObject({
        status: 'unknown',
        reason:
          'Aged 22: foundation apprenticeships take starters up to 21, or up to 24 with an EHC plan, care experience or a recent prison sentence.',
        question: 'Do they have an EHC plan or care experience, or are they in or recently released from prison?',
      });
    }
  });

  it('refuses a 25 year old, naming the extended limit, or the 21 limit when no extension is held', () => {
    expect(foundation(25, DATE, { hasEhcPlan: 'yes' })).toMatchObject({
      status: 'failed',
      reason: 'Aged 25: older than the foundation apprenticeship age range (up to 24).',
    });
    expect(foundation(22, DATE, {}, withoutFacts(facts, ['cofunding.ehc-care-leaver-max-age']))).toMatchObject({
      status: 'failed',
      reason: 'Aged 22: older than the foundation apprenticeship age range (up to 21).',
    });
  });
});

describe('eligibility: who funds the training, the verdict and the questions', () => {
  it('finds the settled case eligible, with the levy payer funding line and its articles', () => {
    const result = check();
    expect(result).toMatchObject({ tool: 'eligibility', verdict: 'eligible', startDate: DATE, rulesDate: DATE });
    expect(result.rules.at(-1)).toEqual({
      id: 'funding',
      label: 'Who funds the training',
      status: 'passed',
      reason:
        'A levy payer uses the levy funds in its apprenticeship service account up to the £27,000 band maximum; if the account runs out, the employer pays 5% and the government 95%.',
      articleIds: ['levy-funding-bands', 'levy-co-investment'],
    });
    expect(result.questions).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('uses the date asked about when no start date is given', () => {
    const result = checkEligibility(facts, EligibilityInput.parse(SETTLED), BEFORE_AUGUST_2025);
    expect([result.startDate, result.minimumDuration.value]).toEqual([BEFORE_AUGUST_2025, '12 months']);
  });

  it('asks every question it cannot answer, in the order a manager checks them, when only the age is known', () => {
    const result = checkEligibility(facts, EligibilityInput.parse({ age: 17 }), DATE);
    expect(result.verdict).toBe('needs-check');
    expect(result.rules.find((item) => item.id === 'funding')).toMatchObject({
      status: 'unknown',
      reason: 'Who pays depends on whether the employer pays the Apprenticeship Levy.',
    });
    expect(result.questions).toEqual([
      'Do they have the right to work in the UK (checked against their documents)?',
      'What is their nationality or immigration status, and how many years have they lived in the UK?',
      'Will at least 50% of their working hours be in England?',
      'Will they be on another government-funded course, or using a student loan, during the apprenticeship?',
      'What is the level of their highest qualification, and is it in the same occupational area as the apprenticeship?',
      'How many months will the apprenticeship last (at least 8 months)?',
      'Does the employer pay the Apprenticeship Levy (a pay bill over the levy threshold)?',
    ]);
  });

  it('asks the EHC plan question once when level 7 and the funding both turn on it', () => {
    const result = check({ age: 23, level: 7, levyPayer: 'no', hasEhcPlan: 'unknown' }, '2026-02-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.rules.filter((item) => item.question === EHC_OR_CARE_QUESTION).map((item) => item.id)).toEqual([
      'level-7',
      'funding',
    ]);
    expect(result.questions).toEqual([EHC_OR_CARE_QUESTION]);
  });

  it('finds a case with a rule not met not eligible even when other rules are still to check', () => {
    expect(check({ age: 14, rightToWork: 'unknown' }).verdict).toBe('not-eligible');
    expect(check({ age: 15 }).verdict).toBe('needs-check');
  });

  it('notes English and maths and off-the-job training as the rules of the start date set them', () => {
    expect(check({ age: 18 }).notes).toEqual([
      'English and maths: required, as they are 18 or under at the start.',
      'Off-the-job training: the hours set for the standard, at least 187 hours for funding, within paid working hours.',
      EMPLOYED_NOTE,
    ]);
    expect(check({ age: 19 }).notes[0]).toBe(
      'English and maths: optional for apprentices aged over 18 at the start (from 11 February 2025).',
    );
    expect(check({ age: 30 }, BEFORE_AUGUST_2025).notes).toEqual([
      'English and maths: required of every apprentice starting on this date (the age limit of 18 applies from 11 February 2025).',
      'Off-the-job training: at least 6 hours a week for a full-time apprentice (pro rata for fewer hours), within paid working hours.',
      EMPLOYED_NOTE,
    ]);
    expect(check({ age: 30 }, '2021-09-01').notes.slice(1)).toEqual([
      'Off-the-job training: at least 20% of normal working hours, within paid working hours.',
      EMPLOYED_NOTE,
    ]);
    expect(
      check({ age: 30 }, DATE, withoutFacts(facts, ['apprenticeship.english-maths-required-max-age'])).notes,
    ).toEqual([
      'Off-the-job training: the hours set for the standard, at least 187 hours for funding, within paid working hours.',
      EMPLOYED_NOTE,
    ]);
    expect(check({ age: 30 }, '2017-04-01').notes).toEqual([
      'English and maths: required of every apprentice starting on this date (the age limit of 18 applies from 11 February 2025).',
      EMPLOYED_NOTE,
    ]);
  });
});
