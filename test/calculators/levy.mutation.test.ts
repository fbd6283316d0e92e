import { beforeAll, describe, expect, it } from 'vitest';
import { calculateLevy } from '../../src/calculators/levy/calculate-levy.js';
import { LevyInput, type LevyInputDraft } from '../../src/calculators/levy/levy-input.js';
import { renderLevySummary, renderLevyWorking } from '../../src/calculators/levy/render-levy.js';
import type { Fact } from '../../src/knowledge/fact-schema.js';
import { citationOf } from '../helpers/citation.js';
import { type Facts, loadFacts, withoutFacts } from '../helpers/facts.js';

// Figures held (knowledge/facts.yml): levy 0.5% with a £15,000 allowance; top-up 10% until 31 July 2026, then 0%;
// funds expire after 24 months, 12 from 1 August 2026; transfers 10% from April 2018, 25% from April 2019, 50% from
// April 2024. Every expected figure below is worked by hand from those.

let knowledge: Facts;
beforeAll(async () => {
  knowledge = await loadFacts();
});

const levy = (input: LevyInputDraft, asOf: string, from: Facts = knowledge) =>
  calculateLevy(from, LevyInput.parse(input), asOf);
const lines = (result: ReturnType<typeof levy>) =>
  result.lines.map((line) => [line.id, line.value, line.arithmetic] as const);
const line = (result: ReturnType<typeof levy>, id: string) => result.lines.find((item) => item.id === id);

/** The knowledge with one fact's values replaced, to put a change on a chosen day. */
function withValues(key: string, values: { value: number; from: string; to?: string }[]): Facts {
  const real = knowledge.facts.get(key) as Fact;
  const template = real.values[0] as Fact['values'][number];
  const fact: Fact = {
    ...real,
    values: values.map(({ value, from, to }) => {
      const { to: _ignored, ...rest } = template;
      return { ...rest, value, from, ...(to !== undefined && { to }) };
    }),
  };
  return { facts: new Map([...knowledge.facts, [key, fact]]) };
}

describe('levy for a £5,000,000 pay bill in 2025 to 2026', () => {
  it('works every line: £10,000 levy, £833.33 a month, £916.67 of funds a month, £11,000 a year, £5,500 to transfer', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    expect(result).toMatchObject({
      taxYear: '2025-26',
      rulesDate: '2025-06-01',
      annualLevy: 10_000,
      monthlyLevy: 833.33,
      monthlyFunds: 916.67,
      annualFunds: 11_000,
      fundsExpireMonths: 24,
      transferLimit: 5_500,
    });
    expect(lines(result)).toEqual([
      ['annual-levy', '£10,000', '0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000'],
      ['monthly-levy', '£833.33', '£10,000 ÷ 12 = £833.33'],
      [
        'monthly-funds',
        '£916.67',
        '£833.33 × 100% of the pay bill for employees living in England = £833.33; plus the 10% government top-up = £916.67',
      ],
      ['annual-funds', '£11,000', '£10,000 of levy for employees living in England plus the 10% top-up = £11,000'],
      [
        'funds-expiry',
        '24 months',
        "each month's funds expire 24 months after they enter the account, oldest first, unless spent",
      ],
      ['transfer-limit', '£5,500', '50% × £11,000 = £5,500'],
    ]);
    expect(result.lines.map((item) => item.amount)).toEqual([10_000, 833.33, 916.67, 11_000, 24, 5_500]);
    expect(result.notes).toEqual([]);
    expect(result.questions).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('marks each line with the article its figures come from', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    expect(result.lines.map((item) => item.articleIds)).toEqual([
      ['levy-who-pays-and-how-much'],
      [],
      ['levy-funds-and-government-top-up'],
      [],
      ['levy-funds-expiry'],
      ['levy-transfers'],
    ]);
    expect(result.articleIds).toEqual([
      'levy-who-pays-and-how-much',
      'levy-funds-and-government-top-up',
      'levy-funds-expiry',
      'levy-transfers',
    ]);
    expect(result.figures.map((figure) => `${figure.key} ${figure.value}`)).toEqual([
      'levy.rate 0.5%',
      'levy.allowance £15,000',
      'levy.government-top-up 10%',
      'levy.funds-expiry 24 months',
      'levy.transfer-limit 50%',
    ]);
  });

  it('leads the chat answer with the levy, then the funds, expiry and transfer limit', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    expect(renderLevySummary(result).split('\n')).toEqual([
      '**£10,000 levy a year** on a £5,000,000 pay bill in the 2025 to 2026 tax year, paid as £833.33 a month through PAYE.',
      '',
      '- Funds entering the apprenticeship service account: £916.67 a month (£11,000 a year)',
      '- Unspent funds expire after 24 months',
      '- Can be transferred to other employers: up to £5,500 in the year',
      '',
      'Rules in force on 1 June 2025; amounts rounded to the nearest penny.',
    ]);
  });

  it('names the English percentage when some of the pay bill is for staff outside England', () => {
    const result = levy({ payBill: 9_000_000, englandShare: 0.5 }, '2026-12-04');
    expect(renderLevySummary(result)).toContain(
      '- Funds entering the apprenticeship service account: £1,250 a month (£15,000 a year), the levy times the English percentage (50%, the share of the pay bill for employees living in England)',
    );
    expect(renderLevySummary(levy({ payBill: 9_000_000 }, '2026-12-04'))).not.toContain('English percentage');
  });

  it('puts citation markers on the figures of the chat answer', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    const citations = result.articleIds.map((articleId, index) => citationOf(articleId, index + 1));
    const text = renderLevySummary(result, citations);
    expect(text).toContain('paid as £833.33 a month through PAYE [1].');
    expect(text).toContain('(£11,000 a year) [2]');
    expect(text).toContain('expire after 24 months [3]');
    expect(text).toContain('up to £5,500 in the year [4]');
  });

  it('shows the full working with a heading, every line and the rounding note', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01');
    const citations = [...result.articleIds, 'apprentice-pay'].map((articleId, index) =>
      citationOf(articleId, index + 1),
    );
    expect(renderLevyWorking(result, citations).split('\n')).toEqual([
      '**Apprenticeship Levy for the 2025 to 2026 tax year** (rules in force on 1 June 2025)',
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000 [1]',
      '- Levy paid each month through PAYE: **£833.33** — £10,000 ÷ 12 = £833.33',
      '- Funds entering the apprenticeship service account each month: **£916.67** — £833.33 × 100% of the pay bill for employees living in England = £833.33; plus the 10% government top-up = £916.67 [2]',
      '- Funds available over a year: **£11,000** — £10,000 of levy for employees living in England plus the 10% top-up = £11,000',
      "- Funds expire if not spent within: **24 months** — each month's funds expire 24 months after they enter the account, oldest first, unless spent [3]",
      '- Can be transferred to other employers in the year: **£5,500** — 50% × £11,000 = £5,500 [4]',
      '',
      'Amounts are rounded to the nearest penny.',
      '',
      'Also from: [5]',
    ]);
  });
});

describe('levy in other years and cases', () => {
  it('reproduces the published transfer example: 90% in England, £495,000 of funds, £49,500 to transfer', () => {
    const result = levy({ payBill: 103_000_000, englandShare: 0.9, taxYear: '2018-19' }, '2026-11-23');
    expect(result).toMatchObject({
      rulesDate: '2018-04-06',
      annualLevy: 500_000,
      monthlyLevy: 41_666.67,
      monthlyFunds: 41_250,
      annualFunds: 495_000,
      transferLimit: 49_500,
    });
    expect(line(result, 'monthly-funds')?.arithmetic).toBe(
      '£41,666.67 × 90% of the pay bill for employees living in England = £37,500; plus the 10% government top-up = £41,250',
    );
    expect(line(result, 'annual-funds')?.arithmetic).toBe(
      '£450,000 of levy for employees living in England plus the 10% top-up = £495,000',
    );
    expect(line(result, 'transfer-limit')?.arithmetic).toBe('10% × £495,000 = £49,500');
    expect(result.notes).toEqual([
      'Share of annual levy funds a levy payer can transfer to other employers changes from 10% to 25% on 1 April 2019, during the 2018 to 2019 tax year; these figures use 10%.',
    ]);
  });

  it('with no top-up from August 2026, passes the levy through unchanged and says so', () => {
    const result = levy({ payBill: 5_000_000 }, '2026-09-01');
    expect(result).toMatchObject({
      monthlyFunds: 833.33,
      annualFunds: 10_000,
      fundsExpireMonths: 12,
      transferLimit: 5_000,
    });
    expect(line(result, 'monthly-funds')?.arithmetic).toBe(
      '£833.33 × 100% of the pay bill for employees living in England = £833.33; no government top-up (0% from 1 August 2026)',
    );
    expect(line(result, 'annual-funds')?.arithmetic).toBe('£10,000 of levy for employees living in England = £10,000');
  });

  it('warns when the top-up and expiry change during the tax year asked about', () => {
    const result = levy({ payBill: 5_000_000 }, '2026-05-01');
    expect(result.notes).toEqual([
      'Government top-up added to levy funds changes from 10% to 0% on 1 August 2026, during the 2026 to 2027 tax year; these figures use 10%.',
      'Time before unspent levy funds expire changes from 24 months to 12 months on 1 August 2026, during the 2026 to 2027 tax year; these figures use 24 months.',
    ]);
    const summary = renderLevySummary(result).split('\n');
    expect(summary.slice(-4)).toEqual([
      '',
      'Government top-up added to levy funds changes from 10% to 0% on 1 August 2026, during the 2026 to 2027 tax year; these figures use 10%.',
      '',
      'Rules in force on 1 May 2026; amounts rounded to the nearest penny.',
    ]);
    expect(renderLevyWorking(result)).toContain(
      '\n\n- Government top-up added to levy funds changes from 10% to 0% on 1 August 2026',
    );
  });

  it('counts a change on the last day of the tax year (5 April) as during it, and one on 6 April as not', () => {
    const onLastDay = withValues('levy.government-top-up', [
      { value: 10, from: '2017-05-01', to: '2027-04-04' },
      { value: 0, from: '2027-04-05' },
    ]);
    expect(levy({ payBill: 5_000_000 }, '2026-05-01', onLastDay).notes[0]).toContain('on 5 April 2027');
    const nextYear = withValues('levy.government-top-up', [
      { value: 10, from: '2017-05-01', to: '2027-04-05' },
      { value: 0, from: '2027-04-06' },
    ]);
    expect(levy({ payBill: 5_000_000 }, '2026-05-01', nextYear).notes.join(' ')).not.toContain('top-up');
  });

  it('charges nothing at £3,000,000 and says the allowance covers it', () => {
    const result = levy({ payBill: 3_000_000 }, '2025-06-01');
    expect(result.annualLevy).toBe(0);
    expect(result.monthlyLevy).toBeUndefined();
    expect(lines(result)).toEqual([
      [
        'annual-levy',
        '£0',
        '0.5% × £3,000,000 = £15,000; the £15,000 allowance covers it, so no levy is due (no levy is paid on a pay bill of £3,000,000 or less)',
      ],
    ]);
    expect(result.lines[0]?.amount).toBe(0);
    expect(result.notes).toEqual([
      'No levy is due, so no levy funds reach an apprenticeship service account; the government co-invests in the training instead.',
    ]);
    expect(renderLevySummary(result).split('\n')[0]).toBe(
      '**No levy is due (£0)** on a £3,000,000 pay bill in the 2025 to 2026 tax year: 0.5% × £3,000,000 = £15,000; the £15,000 allowance covers it, so no levy is due (no levy is paid on a pay bill of £3,000,000 or less).',
    );
  });

  it('never charges a negative levy on a small pay bill, and names the share of the allowance used', () => {
    const result = levy({ payBill: 1_000_000, isConnected: true, allowanceShare: 0.5 }, '2025-06-01');
    expect(result.annualLevy).toBe(0);
    expect(line(result, 'annual-levy')?.arithmetic).toBe(
      '0.5% × £1,000,000 = £5,000; 50% of the £15,000 allowance (£7,500) covers it, so no levy is due',
    );
    expect(levy({ payBill: 1_000_000 }, '2025-06-01').annualLevy).toBe(0);
  });

  it('takes half the allowance for a connected employer given half', () => {
    const result = levy({ payBill: 5_000_000, isConnected: true, allowanceShare: 0.5 }, '2025-06-01');
    expect(result.annualLevy).toBe(17_500);
    expect(line(result, 'annual-levy')?.arithmetic).toBe(
      '0.5% × £5,000,000 = £25,000; minus 50% of the £15,000 allowance (£7,500) = £17,500',
    );
    expect(result.notes).toEqual([]);
  });

  it('adds up connected companies’ pay bills and takes the allowance off once', () => {
    const result = levy({ payBill: 5_000_000, payBillParts: [3_000_000, 2_000_000], isConnected: true }, '2025-06-01');
    expect(result.annualLevy).toBe(10_000);
    expect(line(result, 'annual-levy')?.arithmetic).toBe(
      '0.5% × (£3,000,000 + £2,000,000 = £5,000,000) = £25,000; minus the £15,000 allowance = £10,000',
    );
    expect(result.notes).toEqual([
      'Connected companies or charities share one £15,000 allowance, so their pay bills are added up and the allowance is taken off once.',
    ]);
    expect(renderLevySummary(result).split('\n')[0]).toBe(
      '**£10,000 levy a year** on a £5,000,000 pay bill (the connected companies’ pay bills added up) in the 2025 to 2026 tax year, paid as £833.33 a month through PAYE.',
    );
  });

  it('tells a connected employer given the whole allowance that it may be split', () => {
    const result = levy({ payBill: 5_000_000, isConnected: true }, '2025-06-01');
    expect(result.notes).toEqual([
      "Connected companies or charities share one £15,000 allowance. These figures give this employer all of it; if it is split, give this employer's share.",
    ]);
    expect(levy({ payBill: 5_000_000 }, '2025-06-01').notes).toEqual([]);
  });
});

describe('levy when a figure is not held', () => {
  it('cannot work out the levy before it existed, and says from when the rate is held', () => {
    const result = levy({ payBill: 5_000_000, taxYear: '2015-16' }, '2026-11-23');
    expect(result.annualLevy).toBeUndefined();
    expect(lines(result)).toEqual([
      [
        'annual-levy',
        'not held',
        'Apprenticeship Levy rate: no figure is held for 6 April 2015 (the first one held applies from 6 April 2017)',
      ],
    ]);
    expect(renderLevySummary(result).split('\n')[0]).toBe(
      '**The levy for the 2015 to 2016 tax year cannot be worked out:** Apprenticeship Levy rate: no figure is held for 6 April 2015 (the first one held applies from 6 April 2017).',
    );
  });

  it('names the allowance when only the allowance is missing', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01', withoutFacts(knowledge, ['levy.allowance']));
    expect(lines(result)).toEqual([['annual-levy', 'not held', 'levy.allowance: no figure is held for 1 June 2025']]);
  });

  it('names the rate when only the rate is missing', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01', withoutFacts(knowledge, ['levy.rate']));
    expect(lines(result)).toEqual([['annual-levy', 'not held', 'levy.rate: no figure is held for 1 June 2025']]);
  });

  it('without the top-up, works the levy but not the funds or the transfer limit', () => {
    const result = levy({ payBill: 5_000_000 }, '2025-06-01', withoutFacts(knowledge, ['levy.government-top-up']));
    expect(result.monthlyFunds).toBeUndefined();
    expect(result.transferLimit).toBeUndefined();
    expect(result.lines.map((item) => `${item.id} ${item.value}`)).toEqual([
      'annual-levy £10,000',
      'monthly-levy £833.33',
      'monthly-funds not held',
      'funds-expiry 24 months',
    ]);
    expect(line(result, 'monthly-funds')?.arithmetic).toBe('levy.government-top-up: no figure is held for 1 June 2025');
    expect(renderLevySummary(result)).toContain(
      '- Funds entering the account: not worked out (levy.government-top-up: no figure is held for 1 June 2025)',
    );
  });

  it('says when the expiry or the transfer limit is not held, and leaves them out of the chat answer', () => {
    const noExpiry = levy({ payBill: 5_000_000 }, '2025-06-01', withoutFacts(knowledge, ['levy.funds-expiry']));
    expect(line(noExpiry, 'funds-expiry')).toMatchObject({
      value: 'not held',
      arithmetic: 'levy.funds-expiry: no figure is held for 1 June 2025',
    });
    expect(noExpiry.fundsExpireMonths).toBeUndefined();
    expect(renderLevySummary(noExpiry)).not.toContain('expire');
    const noTransfer = levy({ payBill: 5_000_000 }, '2025-06-01', withoutFacts(knowledge, ['levy.transfer-limit']));
    expect(line(noTransfer, 'transfer-limit')).toMatchObject({
      value: 'not held',
      arithmetic: 'levy.transfer-limit: no figure is held for 1 June 2025',
    });
    expect(renderLevySummary(noTransfer)).not.toContain('transferred');
  });
});

describe('levy with one apprenticeship priced', () => {
  it('shows a levy payer’s split and what the employer pays above the band', () => {
    const result = levy({ payBill: 5_000_000, apprenticeshipPrice: 30_000, apprenticeAge: 30 }, '2025-06-01');
    expect(result.funding?.employerPays).toBe(3_000);
    expect(result.lines.map((item) => item.id).slice(-3)).toEqual([
      'funded-price',
      'from-levy-funds',
      'if-funds-run-out',
    ]);
    expect(result.lines.at(-1)?.articleIds).toEqual(['levy-funding-bands', 'levy-co-investment']);
    expect(renderLevySummary(result)).toContain(
      '- One apprenticeship: A levy payer uses the levy funds in its apprenticeship service account up to the £27,000 band maximum; if the account runs out, the employer pays 5% and the government 95%. The employer pays £3,000.',
    );
  });

  it('passes an EHC plan or care experience on to the co-investment rules', () => {
    const base = { payBill: 1_000_000, apprenticeshipPrice: 9_000, apprenticeAge: 22 };
    const withPlan = levy({ ...base, apprenticeHasEhcPlanOrIsCareLeaver: true }, '2025-06-01');
    expect(withPlan.funding?.status).toBe('unknown');
    expect(withPlan.questions[0]).toContain('is the waiver for apprentices aged 22 to 24');
    const withoutPlan = levy({ ...base, apprenticeHasEhcPlanOrIsCareLeaver: false }, '2025-06-01');
    expect(withoutPlan.funding).toMatchObject({ status: 'decided', employerPays: 450 });
    expect(withoutPlan.questions).toEqual([]);
    const notSaid = levy(base, '2025-06-01');
    expect(notSaid.questions).toEqual([
      'Does the apprentice have an EHC plan, or have they been in local authority care?',
    ]);
    expect(renderLevySummary(notSaid).split('\n').slice(-5)).toEqual([
      '',
      '**Still to ask**',
      '- Does the apprentice have an EHC plan, or have they been in local authority care?',
      '',
      'Rules in force on 1 June 2025; amounts rounded to the nearest penny.',
    ]);
    expect(renderLevySummary(notSaid)).not.toContain('The employer pays £');
  });

  it('uses the employee count for the small-employer rules', () => {
    const result = levy(
      { payBill: 1_000_000, apprenticeshipPrice: 12_000, apprenticeAge: 17, employeeCount: 20 },
      '2019-06-01',
    );
    expect(result.funding).toMatchObject({ status: 'decided', employerPays: 0 });
    expect(result.notes.at(-1)).toBe(result.funding?.summary);
  });
});

describe('levy input', () => {
  it.each([
    [{ payBill: 'lots' }, 'pay bill must be an amount in pounds, such as 5000000'],
    [{ payBill: 1_000_000_000_001 }, 'pay bill must be no more than £1,000,000,000,000'],
    [{ payBill: 5, payBillParts: [5] }, 'pay bill parts are for two or more connected companies'],
    [{ payBill: 5, payBillParts: [2, 2] }, 'pay bill must be the sum of the connected companies’ pay bills'],
    [
      { payBill: 5, allowanceShare: 2 },
      'allowance share must be a number from 0 to 1 (0.5 means half of the allowance)',
    ],
    [
      { payBill: 5, taxYear: '2019-20x' },
      'tax year must be written like 2019-20 (the year it starts, a dash, and the next year)',
    ],
    [{ payBill: 5, apprenticeshipPrice: 0 }, 'apprenticeship price must be more than £0'],
    [{ payBill: 5, isConnected: 'yes' }, 'connected must be true or false'],
    [{ payBill: 5, bill: 1 }, 'unknown field: bill'],
  ])('rejects %j', (input, message) => {
    expect(LevyInput.safeParse(input).error?.issues[0]?.message).toBe(message);
  });

  it('accepts connected pay bills that add up, to the penny', () => {
    expect(LevyInput.safeParse({ payBill: 5.01, payBillParts: [2.5, 2.51] }).success).toBe(true);
    expect(LevyInput.safeParse({ payBill: 1999, taxYear: '1999-00' }).success).toBe(true);
  });
});
