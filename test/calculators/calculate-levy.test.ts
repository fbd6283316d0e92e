import { beforeAll, describe, expect, it } from 'vitest';
import { calculateLevy, LevyInput, type LevyInputDraft, renderLevyText } from '../../src/calculators/index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadTestKnowledge, withoutFacts } from './load-test-knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadTestKnowledge();
});

const levy = (input: LevyInputDraft, asOf: string) => calculateLevy(knowledge, LevyInput.parse(input), asOf);
const line = (result: ReturnType<typeof levy>, id: string) => result.lines.find((item) => item.id === id);

describe('calculateLevy', () => {
  it('works the published example: a £5m pay bill pays £10,000 a year', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    expect(result.annualLevy).toBe(10_000);
    expect(line(result, 'annual-levy')?.arithmetic).toBe(
      '0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000',
    );
    expect(line(result, 'monthly-levy')?.value).toBe('£833.33');
    expect(line(result, 'monthly-funds')?.value).toBe('£916.67');
    expect(line(result, 'funds-expiry')?.value).toBe('24 months');
    expect(result.taxYear).toBe('2025-26');
  });

  it('charges nothing on a pay bill of exactly £3,000,000 and a fraction of a penny on £3,000,001', () => {
    const atThreshold = levy({ payBill: 3_000_000 }, '2025-06-01');
    expect(atThreshold.annualLevy).toBe(0);
    expect(line(atThreshold, 'annual-levy')?.arithmetic).toContain(
      'no levy is paid on a pay bill of £3,000,000 or less',
    );
    expect(atThreshold.lines.map((item) => item.id)).not.toContain('monthly-funds');

    const overThreshold = levy({ payBill: 3_000_001 }, '2025-06-01');
    // 0.5% of £3,000,001 is £15,000.005: worked in whole pence, that rounds up to a penny.
    expect(overThreshold.annualLevy).toBe(0.01);
  });

  it('uses only this employer’s share of the allowance when connected employers split it', () => {
    const result = levy({ payBill: 5_000_000, isConnected: true, allowanceShare: 0.5 }, '2025-06-01');
    expect(result.annualLevy).toBe(17_500);
    expect(line(result, 'annual-levy')?.arithmetic).toContain('50% of the £15,000 allowance (£7,500)');
  });

  it('reproduces the published transfer example: £500,000 levy, 90% in England, 10% top-up, 10% limit → £49,500', () => {
    // £500,000 of levy after the allowance comes from a pay bill of £103,000,000.
    const result = levy({ payBill: 103_000_000, englandShare: 0.9, taxYear: '2018-19' }, '2026-11-23');
    expect(result.annualLevy).toBe(500_000);
    expect(result.annualFunds).toBeCloseTo(495_000, 6);
    expect(result.transferLimit).toBeCloseTo(49_500, 6);
  });

  it.each([
    ['2018-19', 1_100, '10% × £11,000 = £1,100'],
    ['2019-20', 2_750, '25% × £11,000 = £2,750'],
    ['2024-25', 5_500, '50% × £11,000 = £5,500'],
  ])('applies the transfer limit in force in %s', (taxYear, limit, arithmetic) => {
    const result = levy({ payBill: 5_000_000, taxYear }, '2026-11-23');
    expect(result.transferLimit).toBeCloseTo(limit, 6);
    expect(line(result, 'transfer-limit')?.arithmetic).toBe(arithmetic);
  });

  it('says no transfer limit is held before transfers began', () => {
    const result = levy({ payBill: 5_000_000, taxYear: '2017-18' }, '2026-11-23');
    expect(line(result, 'transfer-limit')?.value).toBe('not held');
    expect(line(result, 'transfer-limit')?.arithmetic).toContain('the first one held applies from 1 April 2018');
  });

  it('adds the 10% top-up and 24-month expiry before August 2026, and neither top-up nor 24 months after', () => {
    const before = levy({ payBill: 5_000_000 }, '2026-05-01');
    expect(before.monthlyFunds).toBeCloseTo(916.67, 2);
    expect(before.fundsExpireMonths).toBe(24);
    expect(before.notes.join(' ')).toContain('changes from 10% to 0% on 1 August 2026');

    const after = levy({ payBill: 5_000_000 }, '2026-09-01');
    expect(after.monthlyFunds).toBeCloseTo(833.33, 2);
    expect(after.fundsExpireMonths).toBe(12);
    expect(line(after, 'monthly-funds')?.arithmetic).toContain('no government top-up (0% from 1 August 2026)');
  });

  it('uses 6 April of a past tax year for its rules', () => {
    const result = levy({ payBill: 5_000_000, taxYear: '2019-20' }, '2026-11-23');
    expect(result.rulesDate).toBe('2019-04-06');
  });

  it('says the levy cannot be worked out for a year before the levy existed', () => {
    const result = levy({ payBill: 5_000_000, taxYear: '2015-16' }, '2026-11-23');
    expect(result.annualLevy).toBeUndefined();
    expect(line(result, 'annual-levy')?.value).toBe('not held');
    expect(result.missing.map((item) => item.key)).toContain('levy.rate');
  });

  it('never falls back to a number in code when a figure is missing', () => {
    const result = calculateLevy(
      withoutFacts(knowledge, ['levy.government-top-up']),
      LevyInput.parse({ payBill: 5_000_000 }),
      '2025-06-01',
    );
    expect(result.annualLevy).toBe(10_000);
    expect(result.monthlyFunds).toBeUndefined();
    expect(line(result, 'monthly-funds')?.value).toBe('not held');
  });

  describe('co-investment for an employer that pays no levy', () => {
    it('charges 5% of a £12,000 apprenticeship from April 2019 (£600)', () => {
      const result = levy({ payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 30 }, '2019-06-01');
      expect(result.funding?.employerPays).toBe(600);
      expect(line(result, 'employer-pays')?.arithmetic).toBe('5% × £12,000 = £600');
    });

    it('charged 10% before April 2019', () => {
      const result = levy({ payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 30 }, '2018-06-01');
      expect(result.funding?.employerPays).toBe(1_200);
    });

    it('caps the funded price at the £27,000 band maximum and charges the rest to the employer', () => {
      const result = levy({ payBill: 1_000_000, apprenticeshipPrice: 30_000, apprenticeAge: 30 }, '2025-06-01');
      expect(result.funding?.employerPays).toBe(4_350);
      expect(line(result, 'government-pays')?.value).toBe('£25,650');
    });

    it('is free for a 20 year old from April 2024', () => {
      const result = levy({ payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 20 }, '2025-06-01');
      expect(result.funding?.employerPays).toBe(0);
    });

    it('was free for a 17 year old at an employer with fewer than 50 staff (2017 to 2024), not at a bigger one', () => {
      const small = levy(
        { payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 17, employeeCount: 20 },
        '2019-06-01',
      );
      expect(small.funding?.employerPays).toBe(0);
      const large = levy(
        { payBill: 2_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 17, employeeCount: 100 },
        '2019-06-01',
      );
      expect(large.funding?.employerPays).toBe(600);
      const unknownSize = levy({ payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 17 }, '2019-06-01');
      expect(unknownSize.funding?.status).toBe('unknown');
      expect(unknownSize.questions[0]).toContain('How many employees');
    });

    it('asks for a check for a 30 year old from August 2026, where the sources disagree (5% or 25%)', () => {
      const result = levy({ payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 30 }, '2026-09-01');
      expect(result.funding?.status).toBe('unknown');
      expect(result.questions[0]).toContain('5% or 25%');
    });
  });

  it('renders every line with its arithmetic', () => {
    const text = renderLevyText(levy({ payBill: 5_000_000 }, '2025-06-01'));
    expect(text).toContain('**Apprenticeship Levy for the 2025 to 2026 tax year**');
    expect(text).toContain(
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000',
    );
    expect(text).toContain('£916.67');
  });

  it('rejects impossible input with a message naming the field', () => {
    expect(LevyInput.safeParse({ payBill: -1 }).error?.issues[0]?.message).toBe('pay bill cannot be negative');
    expect(LevyInput.safeParse({}).error?.issues[0]?.message).toBe('pay bill is required');
    expect(LevyInput.safeParse({ payBill: 1, englandShare: 80 }).error?.issues[0]?.message).toBe(
      'England share must be a number from 0 to 1 (0.8 means 80% of the pay bill)',
    );
    expect(LevyInput.safeParse({ payBill: 1, taxYear: '2019-21' }).error?.issues[0]?.message).toBe(
      'tax year must be written like 2019-20 (the year it starts, a dash, and the next year)',
    );
  });
});
