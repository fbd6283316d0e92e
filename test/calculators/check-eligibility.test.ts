import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkEligibility,
  EligibilityInput,
  type EligibilityInputDraft,
  renderEligibilityText,
} from '../../src/calculators/index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { SETTLED } from './eligibility-case.js';
import { loadTestKnowledge, withoutFacts } from './load-test-knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadTestKnowledge();
});

const SETTLED_CASE = SETTLED;

const check = (changes: Partial<EligibilityInputDraft>, startDate: string) =>
  checkEligibility(knowledge, EligibilityInput.parse({ ...SETTLED_CASE, startDate, ...changes }), startDate);
const rule = (result: ReturnType<typeof check>, id: string) => result.rules.find((item) => item.id === id);
const pay = (result: ReturnType<typeof check>, id: string) => result.pay.find((item) => item.id === id);

describe('checkEligibility', () => {
  it('finds a case with every rule met eligible, listing every rule', () => {
    const result = check({}, '2025-09-01');
    expect(result.verdict).toBe('eligible');
    expect(result.rules.map((item) => item.id)).toEqual([
      'age',
      'right-to-work',
      'residency',
      'england',
      'other-funding',
      'prior-qualification',
      'duration',
      'funding',
    ]);
    expect(result.rules.every((item) => item.status === 'passed')).toBe(true);
  });

  describe('age', () => {
    it.each([16, 18, 19, 21, 22, 24, 25, 64])('accepts %i (no upper age limit)', (age) => {
      expect(rule(check({ age }, '2025-09-01'), 'age')?.status).toBe('passed');
    });

    it('asks whether a 15 year old will have left Year 11', () => {
      const result = check({ age: 15 }, '2025-09-01');
      expect(result.verdict).toBe('needs-check');
      expect(rule(result, 'age')?.question).toContain('last Friday in June');
    });

    it('turns down a 14 year old', () => {
      expect(check({ age: 14 }, '2025-09-01').verdict).toBe('not-eligible');
    });
  });

  describe('minimum duration and hours', () => {
    it('extends the 12 months pro rata below 30 hours before August 2025: 20 hours → 18 months', () => {
      const result = check({ hoursPerWeek: 20, durationMonths: 18 }, '2024-09-01');
      expect(result.minimumDuration.amount).toBe(18);
      expect(result.minimumDuration.arithmetic).toContain('12 × 30 ÷ 20 hours a week = 18 months');
      expect(rule(result, 'duration')?.status).toBe('passed');
    });

    it('fails a 12-month plan at 20 hours a week before August 2025', () => {
      const result = check({ hoursPerWeek: 20, durationMonths: 12 }, '2024-09-01');
      expect(rule(result, 'duration')?.status).toBe('failed');
      expect(result.verdict).toBe('not-eligible');
    });

    it('keeps 12 months at 30 hours before August 2025', () => {
      expect(check({ hoursPerWeek: 30 }, '2024-09-01').minimumDuration.amount).toBe(12);
    });

    it('uses 8 months with no automatic extension from 1 August 2025, and says so', () => {
      const result = check({ hoursPerWeek: 20, durationMonths: 8 }, '2025-08-01');
      expect(result.minimumDuration.amount).toBe(8);
      expect(result.notes.join(' ')).toContain('not lengthened automatically');
      expect(rule(result, 'duration')?.status).toBe('passed');
    });

    it('asks for the hours before August 2025 when they are not given', () => {
      const result = check({ hoursPerWeek: undefined }, '2024-09-01');
      expect(rule(result, 'duration')?.question).toBe('How many hours a week will they be contracted to work?');
    });
  });

  describe('level 7', () => {
    it('funds a 30 year old starting before 1 January 2026', () => {
      const result = check({ level: 7, priorQualificationLevel: 6 }, '2025-12-31');
      expect(rule(result, 'level-7')?.status).toBe('passed');
    });

    it('does not fund a 22 year old starting on or after 1 January 2026', () => {
      const result = check({ age: 22, level: 7 }, '2026-01-01');
      expect(rule(result, 'level-7')?.status).toBe('failed');
      expect(result.verdict).toBe('not-eligible');
      expect(result.notes.join(' ')).toContain('pay the full cost');
    });

    it('funds 21 year olds, and up to 24 with an EHC plan or care experience', () => {
      expect(rule(check({ age: 21, level: 7 }, '2026-02-01'), 'level-7')?.status).toBe('passed');
      expect(rule(check({ age: 24, level: 7, isCareLeaver: 'yes' }, '2026-02-01'), 'level-7')?.status).toBe('passed');
      expect(rule(check({ age: 25, level: 7, hasEhcPlan: 'yes' }, '2026-02-01'), 'level-7')?.status).toBe('failed');
      expect(rule(check({ age: 23, level: 7, hasEhcPlan: 'unknown' }, '2026-02-01'), 'level-7')?.status).toBe(
        'unknown',
      );
    });
  });

  describe('minimum pay', () => {
    it('gives a 17 year old the apprentice rate (£7.55 from April 2025)', () => {
      expect(pay(check({ age: 17 }, '2025-09-01'), 'apprentice-rate')?.value).toBe('£7.55 an hour');
    });

    it('gives a 22 year old the apprentice rate in year one and the National Living Wage after (2025: £12.21)', () => {
      const result = check({ age: 22 }, '2025-09-01');
      expect(pay(result, 'apprentice-rate')?.value).toBe('£7.55 an hour');
      expect(pay(result, 'age-rate')?.value).toBe('£12.21 an hour');
    });

    it('uses the 21 to 22 rate for a 22 year old in 2023 (£10.18), when the NLW started at 23', () => {
      expect(pay(check({ age: 22 }, '2023-09-01'), 'age-rate')?.value).toBe('£10.18 an hour');
    });

    it('uses the 18 to 20 rate after year one for a 19 year old (2026: £10.85)', () => {
      expect(pay(check({ age: 19 }, '2026-05-01'), 'age-rate')?.value).toBe('£10.85 an hour');
    });

    it('gives the apprentice rate of the start year (2019: £3.90)', () => {
      expect(pay(check({ age: 25 }, '2019-05-01'), 'apprentice-rate')?.value).toBe('£3.90 an hour');
      expect(pay(check({ age: 25 }, '2019-05-01'), 'age-rate')?.value).toBe('£8.21 an hour');
    });

    it('puts the London Living Wage beside it as the council’s recommendation', () => {
      const line = pay(check({}, '2025-11-01'), 'london-living-wage');
      expect(line?.value).toBe('£14.80 an hour');
      expect(line?.label).toContain("council's recommendation");
    });
  });

  describe('incentives', () => {
    it('pays the employer £1,000 for an 18 year old but not for a 19 year old without an EHC plan or care experience', () => {
      expect(check({ age: 18 }, '2025-09-01').incentives.map((item) => item.value)).toEqual(['£1,000']);
      expect(check({ age: 19 }, '2025-09-01').incentives).toEqual([]);
    });

    it('pays £1,000 to the employer and a £3,000 bursary to a 22 year old care leaver starting from August 2023', () => {
      const result = check({ age: 22, isCareLeaver: 'yes' }, '2024-09-01');
      expect(result.incentives.map((item) => [item.id, item.value])).toEqual([
        ['young-apprentice-payment', '£1,000'],
        ['care-leaver-bursary', '£3,000'],
      ]);
    });

    it('gave a £1,000 bursary to care leavers starting in 2020', () => {
      const result = check({ age: 20, isCareLeaver: 'yes' }, '2020-09-01');
      expect(result.incentives.find((item) => item.id === 'care-leaver-bursary')?.value).toBe('£1,000');
    });

    it('adds the foundation apprenticeship incentive from August 2025', () => {
      const result = check({ age: 18, level: 2, isFoundationApprenticeship: true }, '2025-09-01');
      expect(result.incentives.find((item) => item.id === 'foundation-payment')?.value).toBe('up to £2,000');
    });
  });

  describe('who funds the training at a non-levy employer', () => {
    it.each([16, 18, 19, 21])('is free for a %i year old from April 2024', (age) => {
      const result = check({ age, levyPayer: 'no' }, '2025-09-01');
      expect(result.funding?.employerSharePercent).toBe(0);
    });

    it('charges 5% for a 22 year old from April 2024', () => {
      const result = check({ age: 22, levyPayer: 'no' }, '2025-09-01');
      expect(result.funding?.employerSharePercent).toBe(5);
      expect(rule(result, 'funding')?.status).toBe('passed');
    });

    it('asks for a check for a 22 year old with an EHC plan in 2025 (the sources disagree on the employer size)', () => {
      const result = check({ age: 22, levyPayer: 'no', hasEhcPlan: 'yes' }, '2025-09-01');
      expect(rule(result, 'funding')?.status).toBe('unknown');
    });

    it.each([22, 24])('is free for a %i year old from August 2026', (age) => {
      expect(check({ age, levyPayer: 'no' }, '2026-09-01').funding?.employerSharePercent).toBe(0);
    });

    it('needs a check for a 25 year old from August 2026', () => {
      const result = check({ age: 25, levyPayer: 'no' }, '2026-09-01');
      expect(result.verdict).toBe('needs-check');
      expect(rule(result, 'funding')?.question).toContain('5% or 25%');
    });
  });

  describe('prior qualifications', () => {
    it('asks whether a degree is in the same area before a level 3 apprenticeship', () => {
      const result = check(
        { age: 45, priorQualificationLevel: 6, priorQualificationSameArea: 'unknown' },
        '2025-09-01',
      );
      expect(rule(result, 'prior-qualification')?.status).toBe('unknown');
      expect(result.questions).toContain(
        'Is their level 6 qualification in the same occupational area as this apprenticeship?',
      );
    });

    it('needs a check, not a refusal, when the qualification is in the same area', () => {
      const result = check({ priorQualificationLevel: 4, priorQualificationSameArea: 'yes' }, '2025-09-01');
      expect(result.verdict).toBe('needs-check');
    });

    it('passes a higher qualification in a different area', () => {
      expect(rule(check({ priorQualificationLevel: 6 }, '2025-09-01'), 'prior-qualification')?.status).toBe('passed');
    });
  });

  describe('residency', () => {
    it('turns down a student visa and a work visa with under 3 years, and accepts refugee status', () => {
      expect(rule(check({ residency: 'study-visa' }, '2025-09-01'), 'residency')?.status).toBe('failed');
      expect(rule(check({ residency: 'visa-non-study', yearsInUk: 2 }, '2025-09-01'), 'residency')?.status).toBe(
        'failed',
      );
      expect(rule(check({ residency: 'refugee', yearsInUk: 1 }, '2025-09-01'), 'residency')?.status).toBe('passed');
    });

    it('asks about an asylum seeker’s permission to work', () => {
      expect(rule(check({ residency: 'asylum-seeker' }, '2025-09-01'), 'residency')?.question).toContain(
        'permission to work',
      );
    });
  });

  it('asks every question it cannot answer when little is known', () => {
    const result = checkEligibility(knowledge, EligibilityInput.parse({ age: 17 }), '2025-09-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.questions).toContain('Do they have the right to work in the UK (checked against their documents)?');
    expect(result.questions).toContain(
      'Does the employer pay the Apprenticeship Levy (a pay bill over the levy threshold)?',
    );
  });

  it('says a figure is not held rather than using a number of its own', () => {
    const result = checkEligibility(
      withoutFacts(knowledge, ['wage.apprentice']),
      EligibilityInput.parse({ ...SETTLED_CASE, startDate: '2025-09-01' }),
      '2025-09-01',
    );
    expect(pay(result, 'apprentice-rate')?.value).toBe('not held');
  });

  it('renders the verdict, every rule and the questions', () => {
    const text = renderEligibilityText(check({ age: 22, level: 7 }, '2026-01-01'));
    expect(text).toContain('**Apprenticeship eligibility at level 7: not eligible**');
    expect(text).toContain('- **Not met** Level 7 funding:');
    expect(text).toContain('**Pay**');
  });

  it('rejects impossible input with a clear message', () => {
    const messages = (input: unknown) => EligibilityInput.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ age: 12 })).toEqual(['age must be a whole number between 14 and 100']);
    expect(messages({ age: 17.5 })).toEqual(['age must be a whole number between 14 and 100']);
    expect(messages({})).toEqual(['age is required']);
    expect(messages({ age: 17, level: 3, isFoundationApprenticeship: true })).toEqual([
      'a foundation apprenticeship is at level 2',
    ]);
    expect(messages({ age: 17, residency: 'martian' })).toEqual([
      'residency must be one of: uk-national, settled, pre-settled, refugee, visa-non-study, study-visa, asylum-seeker, other, unknown',
    ]);
    expect(messages({ age: 17, hoursPerWeek: 0 })).toEqual(['hours per week must be a number between 1 and 100']);
  });
});
