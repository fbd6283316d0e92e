import { describe, expect, it } from 'vitest';
import {
  parseAmount,
  readApprenticeshipLevel,
  readDate,
  readEnglandShare,
  readPayBills,
  readPriorQualificationLevel,
  readTaxYear,
} from '../../../src/understand/values/index.js';

describe('amount readers', () => {
  it.each([
    ['£4.5m', 4_500_000],
    ['4,500,000', 4_500_000],
    ['4.2 million', 4_200_000],
    ['about £3m', 3_000_000],
    ['2.5 mil', 2_500_000],
    ['roughly £3.5m', 3_500_000],
    ['£3.5 million', 3_500_000],
    ['3.5M', 3_500_000],
    ['£120k', 120_000],
  ])('reads "%s"', (text, pounds) => {
    expect(parseAmount(text)).toBe(pounds);
    expect(readPayBills(`what levy on a pay bill of ${text}?`)?.total).toBe(pounds);
  });

  it('reads a monthly pay bill as twelve months of it, and only when it is said to be monthly', () => {
    expect(readPayBills("payroll runs at about £950k a month - what's the levy for the year")?.total).toBe(11_400_000);
    expect(readPayBills('pay bill of £500k per month')?.total).toBe(6_000_000);
    expect(readPayBills('paybill £6m, a month later they hired more')?.total).toBe(6_000_000);
  });

  it('adds up the pay bills of connected companies', () => {
    expect(readPayBills('two connected companies with pay bills of £2m and £2.5m')).toEqual({
      parts: [2_000_000, 2_500_000],
      total: 4_500_000,
      isConnected: true,
    });
    expect(readPayBills('we are a group of 3 companies: £1.5m, £1m and £2m payroll')?.total).toBe(4_500_000);
  });

  it('does not take a course price for a pay bill', () => {
    expect(readPayBills('levy on £5m pay bill and a £9,000 apprenticeship')?.total).toBe(5_000_000);
  });
});

describe('date and tax year readers', () => {
  it('reads a month and year as the first of the month, and "next September" as the coming one', () => {
    expect(readDate('starting March 2027', '2026-12-01')?.date).toBe('2027-03-01');
    expect(readDate('start next September', '2026-12-01')?.date).toBe('2027-09-01');
    expect(readDate('start on 3rd May 2025', '2026-12-01')?.date).toBe('2025-05-03');
  });

  it.each([
    ['starting jan', '2027-01-01'],
    ['from feb', '2027-02-01'],
    ['next oct', '2027-10-01'],
    ['commencing sept', '2027-09-01'],
  ])('reads a short month after a word for starting, "%s", as the coming one', (text, date) => {
    expect(readDate(`appr aged 19, ${text}`, '2026-12-04')?.date).toBe(date);
  });

  it.each(['2019-20', '2019/20', '2019–20', '2019-2020', 'in 2019', 'tax year 2019'])(
    'reads "%s" as 2019-20',
    (text) => {
      expect(readTaxYear(`levy on £5m ${text}`)).toBe('2019-20');
    },
  );

  it('does not read a date as a tax year', () => {
    expect(readTaxYear('levy on £5m on 2019-04-06')).toBeUndefined();
  });
});

describe('share readers', () => {
  it.each([
    ['a quarter of them live in Wales', 0.75],
    ['80% in England', 0.8],
    ['half the staff are in Scotland', 0.5],
    ['a quarter in Wales, the rest in England', 0.75],
    ['10 per cent live in scotland', 0.9],
  ])('reads "%s"', (text, englandShare) => {
    expect(readEnglandShare(text)).toBeCloseTo(englandShare, 6);
  });
});

describe('level readers', () => {
  it('reads "a level 3 apprenticeship" as the apprenticeship level and never as A levels', () => {
    const text = 'is a 19 year old eligible for a level 3 apprenticeship';
    expect(readApprenticeshipLevel(text)).toBe(3);
    expect(readPriorQualificationLevel(text)).toBeUndefined();
  });

  it('keeps a prior qualification apart from the apprenticeship level', () => {
    const text = 'she has a level 3 diploma and wants a level 5 team leader apprenticeship';
    expect(readApprenticeshipLevel(text)).toBe(5);
    expect(readPriorQualificationLevel(text)).toBe(3);
    expect(readPriorQualificationLevel('he has A levels, can he do a level 2 apprenticeship')).toBe(3);
  });
});
