import { describe, expect, it } from 'vitest';
import {
  readCoInvestmentQuestion,
  readEligibilityQuestion,
  readLevyPayer,
  readLevyQuestion,
} from '../../../src/calculators/read-question.js';
import { readDate, readPayBills, readTaxYear, readYearShift } from '../../../src/understand/values/index.js';

const day = '2026-12-01';

describe('amounts written in words', () => {
  it.each([
    ['a pay bill of three and a half million', 3_500_000],
    ['paybill of four million, whats the levy', 4_000_000],
    ['levy for ten million quid', 10_000_000],
    ['wage bill of half a million', 500_000],
    ["client says annual payroll is twenty two and a half million, what'll they owe", 22_500_000],
    ['paybill of twenty-five million', 25_000_000],
  ])('reads "%s"', (text, pounds) => {
    expect(readPayBills(text)?.total).toBe(pounds);
  });

  it('reads a pay bill written before the word levy as the pay bill, not the levy', () => {
    expect(readPayBills('paybill £3,050,000 levy')?.total).toBe(3_050_000);
  });

  it('multiplies one pay bill said for each of a counted group of connected companies', () => {
    expect(readPayBills('two linked charities each with about 1.6m in wages')).toMatchObject({
      total: 3_200_000,
      isConnected: true,
    });
  });
});

describe('durations are not dates', () => {
  it('does not read "20 hrs a week" or "12 months" as a start date', () => {
    expect(readDate('17 year old working 20 hrs a week, level 2', day)).toBeUndefined();
    expect(readDate('level 2 business admin, 30 hrs, 12 months', day)).toBeUndefined();
    expect(readDate('starting next week', day)?.date).toBe('2026-12-08');
  });

  it('reads "5m" and "2.5k" as money, not as minutes or seconds from now', () => {
    expect(readDate('and with a 5m pay bill?', day)).toBeUndefined();
    expect(readDate('a 2.5k course starting in jan', day)?.date).toBe('2027-01-01');
  });
});

describe('tax years said relative to today', () => {
  it('reads this, next and last tax year against the as-of date', () => {
    expect(readTaxYear('levy this tax year for a £4m employer', day)).toBe('2026-27');
    expect(readTaxYear('levy next tax year on 8m', day)).toBe('2027-28');
    expect(readTaxYear('last tax year on 8m', '2026-04-05')).toBe('2024-25');
    expect(readTaxYear('levy next tax year on 8m')).toBeUndefined();
    expect(readYearShift('what about the year before?')).toBe(-1);
    expect(readYearShift('and the year after?')).toBe(1);
    expect(readYearShift('and with half in Scotland?')).toBe(0);
  });
});

describe('eligibility questions written the short way', () => {
  it('reads a bare "level N" as the apprenticeship, and a level already held as a prior qualification', () => {
    expect(readEligibilityQuestion('17 year old working 20 hrs a week, level 2, can they', day)).toEqual({
      age: 17,
      hoursPerWeek: 20,
      level: 2,
    });
    expect(
      readEligibilityQuestion('is an 18 yr old with a BTEC level 3 ok for a level 4 data apprenticeship', day),
    ).toMatchObject({ age: 18, level: 4, priorQualificationLevel: 3 });
    expect(readEligibilityQuestion('elig check: 20yo, level 4, start 2027-02-15', day)).toMatchObject({ level: 4 });
  });

  it('reads ages written after the person or on their own', () => {
    expect(readEligibilityQuestion('asylum seeker, 19, wants to start a level 2 - eligible?', day)).toMatchObject({
      age: 19,
      residency: 'asylum-seeker',
    });
    expect(readEligibilityQuestion('and if they were 25?', day).age).toBe(25);
    expect(readEligibilityQuestion('Can a 12 year old start an apprenticeship?', day).age).toBe(12);
  });

  it('says the prior qualification is in the same area only when the subjects share a word', () => {
    expect(
      readEligibilityQuestion('19 year old with a degree in marketing wants a level 3 marketing apprenticeship', day)
        .priorQualificationSameArea,
    ).toBe('yes');
    expect(
      readEligibilityQuestion('someone aged 33 with a law degree wants a level 3 plumbing apprenticeship', day)
        .priorQualificationSameArea,
    ).toBeUndefined();
  });

  it('reads a year after a start word as its first day', () => {
    expect(readEligibilityQuestion('a 23 year old on a level 7 starting in 2027', day).startDate).toBe('2027-01-01');
  });
});

describe('levy status and allowances', () => {
  it('reads whether the employer pays the levy', () => {
    expect(readLevyPayer('co-investment on a £9k course at an SME')).toBe('no');
    expect(readLevyPayer('out of levy funds, £22k degree apprenticeship')).toBe('yes');
    expect(readLevyPayer('what do they pay for a £9k course')).toBeUndefined();
  });

  it('reads "no allowance" and a share of a group allowance as connected companies', () => {
    expect(readLevyQuestion('subsidiary with no allowance at all (parent takes it), paybill 2m, levy?')).toMatchObject({
      payBill: 2_000_000,
      isConnected: true,
      allowanceShare: 0,
    });
    expect(readLevyQuestion("we're part of a group and get 40% of the allowance, our paybill is 4m")).toMatchObject({
      payBill: 4_000_000,
      isConnected: true,
      allowanceShare: 0.4,
    });
  });
});

describe('how long a person has lived in the UK', () => {
  it.each([
    ['18 year old on pre-settled status, been here 18 months, wants a level 3', 1.5],
    ['refugee aged 27 arrived last year, can he start a level 3 apprenticeship', 1],
    ['arrived 3 years ago, now 19, eligible for an apprenticeship?', 3],
    ['has been in the uk 2 yrs on a spouse visa', 2],
    ['lived in the UK for four years', 4],
    ['came here this year with her family', 0],
  ])('reads "%s" as %s years', (message, years) => {
    expect(readEligibilityQuestion(message).yearsInUk).toBe(years);
  });

  it('does not read time on a course as time in the UK', () => {
    expect(readEligibilityQuestion('she is 18 months into her level 2 and 19 now').yearsInUk).toBeUndefined();
  });
});

describe('a co-investment question written the short way', () => {
  it('reads "appr is 26" as the apprentice\'s age', () => {
    expect(readCoInvestmentQuestion('non levy employer, appr is 26, course priced at 6400').apprenticeAge).toBe(26);
  });

  it.each([
    'levy payer has spent everything in their account, £11k course',
    'they pay the levy but there is nothing left in their account',
    'levy paying firm, account is empty, £9k course',
  ])('reads "%s" as a levy payer whose funds have run out', (message) => {
    expect(readCoInvestmentQuestion(message).levyFundsUsedUp).toBe('yes');
  });

  it('does not read a levy payer with funds as having run out', () => {
    expect(readCoInvestmentQuestion('levy payer, £11k course, starts in march').levyFundsUsedUp).toBeUndefined();
  });
});

describe('an EHC plan or care experience, said or ruled out', () => {
  it.each([
    ['is a 24 year old eligible for a foundation apprenticeship? no ehcp, not a care leaver', 'no', 'no'],
    ['23 year old care leaver with an EHCP, level 2', 'yes', 'yes'],
    ['she has never been in care and does not have an EHC plan', 'no', 'no'],
    ['19 year old with an education, health and care plan', undefined, 'yes'],
    ['a 20 year old, level 3', undefined, undefined],
  ])('reads "%s"', (message, careLeaver, ehcPlan) => {
    const values = readEligibilityQuestion(message);
    expect(values.isCareLeaver).toBe(careLeaver);
    expect(values.hasEhcPlan).toBe(ehcPlan);
  });

  it('says no for who pays only when the message rules out both', () => {
    expect(readCoInvestmentQuestion('£8k course, 23, no ehcp and not a care leaver').hasEhcPlanOrIsCareLeaver).toBe(
      'no',
    );
    expect(readCoInvestmentQuestion('£8k course, 23, no ehcp').hasEhcPlanOrIsCareLeaver).toBeUndefined();
    expect(readCoInvestmentQuestion('£8k course, 23, care leaver').hasEhcPlanOrIsCareLeaver).toBe('yes');
  });
});

describe('amounts that name a payment', () => {
  it('reads "the £1,000 incentive" and "a £3k bursary" as neither a pay bill nor a course price', () => {
    expect(readLevyQuestion('the £1,000 incentive for a 16 year old apprentice')).toEqual({ apprenticeAge: 16 });
    expect(readCoInvestmentQuestion('a £3k bursary for a care leaver').price).toBeUndefined();
    expect(readLevyQuestion('levy on £4m and the £1,000 incentive').payBill).toBe(4_000_000);
  });
});

describe('ages and monthly payrolls written the quick way', () => {
  it.each([
    ['appr started march 2026, shes 30, course is 9k', 30],
    ['appr is a care leaver but 26, started feb 2026', 26],
    ['hes 19 and wants a level 3', 19],
  ])('reads the age in "%s"', (message, age) => {
    expect(readCoInvestmentQuestion(message).apprenticeAge).toBe(age);
  });

  it('does not read a headcount after "but" as an age', () => {
    expect(readCoInvestmentQuestion('the firm is big but 26 staff, £9k course').apprenticeAge).toBeUndefined();
  });

  it('reads "650k a month through payroll" as a yearly pay bill of £7,800,000', () => {
    expect(readPayBills('employer runs about 650k a month through payroll, whats that in levy')?.total).toBe(7_800_000);
  });

  it('reads "what if they werent connected" as not connected', () => {
    expect(readLevyQuestion('what if they werent connected').isConnected).toBe(false);
    expect(readLevyQuestion('two connected companies, 4m and 3m').isConnected).toBe(true);
  });
});

describe('levy status and funds said the short way', () => {
  it.each([
    'levy payer out of levy funds, appr starts feb 2027, price 8k',
    'levy payer thats used all its funds, course 12k',
  ])('reads "%s" as a levy payer whose funds have run out', (message) => {
    expect(readCoInvestmentQuestion(message)).toMatchObject({ levyPayer: 'yes', levyFundsUsedUp: 'yes' });
  });

  it('reads "if they didnt pay levy at all" as not paying the levy', () => {
    expect(readLevyPayer('and if they didnt pay levy at all?')).toBe('no');
  });

  it('does not read "now" as a start date', () => {
    expect(readDate('provider now quoting 14k', '2026-12-03')).toBeUndefined();
  });
});
