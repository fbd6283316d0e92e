import { beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityInputDraft } from '../../src/calculators/eligibility/eligibility-input.js';
import { type Facts, loadFacts, withoutFacts } from '../helpers/facts.js';
import { checkCase, DATE } from './eligibility-case.js';

// Figures held (knowledge/facts.yml): apprentice rate £7.55 from 1 April 2025 (£6.40 from April 2024); 18 to 20
// rate £10.00 and the National Living Wage £12.21 from 1 April 2025, from age 21 since April 2024 (23 from April
// 2021, 25 before); in 2023 the 18 to 20 rate £7.49, the 21 to 22 rate £10.18 and the NLW £10.42; the London Living
// Wage £13.85 announced 23 October 2024; £1,000 to the employer for an apprentice aged up to 18, or up to 24 with an
// EHC plan or care experience; the care leaver's bursary £1,000 from 1 August 2018, £3,000 from 1 August 2023; up to
// £2,000 for a foundation apprentice from 1 August 2025. Every expected line below is worked by hand from those.

let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

const check = (changes: Partial<EligibilityInputDraft> = {}, date = DATE, knowledge: Facts = facts) =>
  checkCase(knowledge, changes, date);
const APPRENTICE_RATE_WHY =
  'the apprentice rate applies to apprentices under 19 and to everyone in the first year (rate from 1 April 2025)';

describe('eligibility: minimum pay', () => {
  it('gives a 17 year old the apprentice rate, the 18 to 20 rate once 19, and the London Living Wage', () => {
    expect(check({ age: 17 }).pay).toEqual([
      {
        id: 'apprentice-rate',
        label: 'Minimum pay while under 19',
        value: '£7.55 an hour',
        amount: 7.55,
        arithmetic: APPRENTICE_RATE_WHY,
        articleIds: ['apprenticeship-pay'],
      },
      {
        id: 'age-rate',
        label: 'Minimum pay once 19 and past the first year',
        value: '£10.00 an hour',
        amount: 10,
        arithmetic:
          'National Minimum Wage rate for workers aged 18 to 20 for someone aged 19 on 1 September 2025 (rate from 1 April 2025; rates change each April)',
        articleIds: ['minimum-wage-rates'],
      },
      {
        id: 'london-living-wage',
        label: "The council's recommendation: the London Living Wage",
        value: '£13.85 an hour',
        amount: 13.85,
        arithmetic: 'London Living Wage rate announced 23 October 2024',
        articleIds: ['llw-rates-by-year'],
      },
    ]);
  });

  it('labels the rates for 18 and 19 year olds by the first year', () => {
    const labels = (age: number) => check({ age }).pay.map((line) => line.label);
    expect(labels(18).slice(0, 2)).toEqual([
      'Minimum pay while under 19',
      'Minimum pay once 19 and past the first year',
    ]);
    expect(labels(19).slice(0, 2)).toEqual(['Minimum pay in the first year', 'Minimum pay after the first year']);
  });

  it.each([
    [20, '2023-09-01', '£7.49 an hour'],
    [21, '2023-09-01', '£10.18 an hour'],
    [22, '2023-09-01', '£10.18 an hour'],
    [23, '2023-09-01', '£10.42 an hour'],
    [20, DATE, '£10.00 an hour'],
    [21, DATE, '£12.21 an hour'],
  ])('pays a %i year old starting on %s at least %s after the first year', (age, date, value) => {
    expect(check({ age }, date).pay.find((line) => line.id === 'age-rate')?.value).toBe(value);
  });

  it('says each rate is not held, with the reason, rather than using a number of its own', () => {
    const notHeld = (result: ReturnType<typeof check>) =>
      result.pay.map((line) => [line.id, line.value, line.arithmetic, line.amount]);
    expect(notHeld(check({}, '2015-06-01'))[0]).toEqual([
      'apprentice-rate',
      'not held',
      'National Minimum Wage apprentice rate: no figure is held for 1 June 2015 (the first one held applies from 1 October 2015)',
      undefined,
    ]);
    expect(notHeld(check({}, '2015-06-01'))[1]).toEqual([
      'age-rate',
      'not held',
      'Age from which the National Living Wage applies: no figure is held for 1 June 2015 (the first one held applies from 1 April 2016)',
      undefined,
    ]);
    expect(notHeld(check({}, DATE, withoutFacts(facts, ['wage.nlw', 'llw.rate']))).slice(1)).toEqual([
      ['age-rate', 'not held', 'wage.nlw: no figure is held for 1 September 2025', undefined],
      ['london-living-wage', 'not held', 'llw.rate: no figure is held for 1 September 2025', undefined],
    ]);
  });
});

describe('eligibility: payments', () => {
  const payments = (changes: Partial<EligibilityInputDraft>, date = DATE, knowledge = facts) =>
    check(changes, date, knowledge).incentives;
  const young = (label: string, arithmetic: string, articleIds: string[]) => ({
    id: 'young-apprentice-payment',
    label,
    value: '£1,000',
    amount: 1000,
    arithmetic,
    articleIds,
  });
  const FOR_A_YOUNG_APPRENTICE = 'Payment to the employer for a young apprentice';
  const BOTH_ARTICLES = ['apprenticeship-incentive-payments', 'levy-young-apprentices-free-training'];

  it('pays £1,000 to the employer for an 18 year old', () => {
    expect(payments({ age: 18 })).toEqual([
      young(FOR_A_YOUNG_APPRENTICE, 'aged 18 at the start (18 or under)', ['apprenticeship-incentive-payments']),
    ]);
  });

  it('pays £1,000 for a 19 year old with an EHC plan, and says "if" for a 24 year old whose plan is unknown', () => {
    expect(payments({ age: 19, hasEhcPlan: 'yes' })).toEqual([
      young(FOR_A_YOUNG_APPRENTICE, 'aged 19, up to 24, with an EHC plan or care experience', BOTH_ARTICLES),
    ]);
    expect(payments({ age: 24, hasEhcPlan: 'unknown' })).toEqual([
      young(
        'Payment to the employer if they have an EHC plan or have been in care',
        'aged 24, up to 24, with an EHC plan or care experience',
        BOTH_ARTICLES,
      ),
    ]);
  });

  it('pays nothing for a 19 year old without an EHC plan or care experience, or a 25 year old with one', () => {
    expect(payments({ age: 19 })).toEqual([]);
    expect(payments({ age: 25, hasEhcPlan: 'yes', isCareLeaver: 'yes' })).toEqual([]);
  });

  it('pays nothing when the payment or its age limit is not held', () => {
    expect(payments({ age: 18 }, DATE, withoutFacts(facts, ['incentive.young-apprentice']))).toEqual([]);
    expect(payments({ age: 18 }, DATE, withoutFacts(facts, ['incentive.young-apprentice-max-age']))).toEqual([]);
    expect(
      payments({ age: 19, hasEhcPlan: 'yes' }, DATE, withoutFacts(facts, ['cofunding.ehc-care-leaver-max-age'])),
    ).toEqual([]);
  });

  it("adds the £3,000 care leaver's bursary for a 22 year old care leaver from August 2023", () => {
    expect(payments({ age: 22, isCareLeaver: 'yes' }, '2024-09-01')).toEqual([
      young(FOR_A_YOUNG_APPRENTICE, 'aged 22, up to 24, with an EHC plan or care experience', BOTH_ARTICLES),
      {
        id: 'care-leaver-bursary',
        label: "Care leaver's bursary, paid to the apprentice",
        value: '£3,000',
        amount: 3000,
        arithmetic: 'for care leavers aged up to 24 starting from 1 August 2023',
        articleIds: ['apprenticeship-care-leaver-bursary'],
      },
    ]);
  });

  it('offers the bursary "if they have been in care" when that is unknown, and not at 25 or before August 2018', () => {
    expect(payments({ age: 24, isCareLeaver: 'unknown' }).map((line) => [line.label, line.value])).toEqual([
      ['Payment to the employer if they have an EHC plan or have been in care', '£1,000'],
      ["Care leaver's bursary, paid to the apprentice if they have been in care", '£3,000'],
    ]);
    expect(payments({ age: 20, isCareLeaver: 'yes' }, '2020-09-01').map((line) => line.arithmetic)).toEqual([
      'aged 20, up to 24, with an EHC plan or care experience',
      'for care leavers aged up to 24 starting from 1 August 2018',
    ]);
    expect(payments({ age: 25, isCareLeaver: 'yes' }).map((line) => line.id)).toEqual([]);
    expect(payments({ age: 20, isCareLeaver: 'yes' }, '2018-06-01').map((line) => line.id)).toEqual([
      'young-apprentice-payment',
    ]);
  });

  it('adds up to £2,000 for a foundation apprentice from 1 August 2025, and nothing before', () => {
    const foundation = { age: 18, level: 2, isFoundationApprenticeship: true };
    expect(payments(foundation)[1]).toEqual({
      id: 'foundation-payment',
      label: 'Payment to the employer for a foundation apprentice',
      value: 'up to £2,000',
      amount: 2000,
      arithmetic: 'foundation apprenticeship incentive from 1 August 2025, paid in instalments',
      articleIds: ['foundation-apprenticeships'],
    });
    expect(payments(foundation, '2025-07-01').map((line) => line.id)).toEqual(['young-apprentice-payment']);
  });
});

describe('eligibility: who funds the training at a small employer before April 2024', () => {
  const funding = (employeeCount: number | undefined) =>
    check({ age: 17, levyPayer: 'no', employeeCount }, '2023-09-01').rules.find((item) => item.id === 'funding');

  it('finds a 17 year old free at an employer of 40, and asks the headcount when it is not given', () => {
    expect(funding(40)).toMatchObject({
      status: 'passed',
      reason:
        'An employer with 49 or fewer employees pays nothing for an apprentice aged up to 18 (or up to 24 with an EHC plan or care experience) under the rules then in force.',
    });
    expect(funding(undefined)).toMatchObject({
      status: 'unknown',
      question: 'How many employees does the employer have (49 or fewer means the training is free)?',
    });
  });

  it('charges an employer of 50 the 5% share', () => {
    expect(funding(50)).toMatchObject({
      status: 'passed',
      reason:
        'A non-levy employer pays 5% of the price up to the band maximum and the government pays 95% (rate from 1 April 2019).',
    });
  });
});
