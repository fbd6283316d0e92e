import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import { calculateCoInvestment } from '../../src/calculators/co-investment/calculate-co-investment.js';
import { CoInvestmentInput } from '../../src/calculators/co-investment/co-investment-input.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import type { Store } from '../../src/store/create-store.js';
import { understand } from '../../src/understand/index.js';
import { readBandMaximum, readCoursePrice, readPayBills } from '../../src/understand/values/index.js';
import { testAnswerer } from '../helpers/answerer.js';

let answerer: Answerer;
let store: Store;
let knowledge: Knowledge;
beforeAll(async () => {
  ({ answerer, store, knowledge } = await testAnswerer());
});
afterAll(async () => store.close());

// Sums staff ask in their own words: a group of companies under one owner, a company added in a follow-up, and a
// provider's price above the standard's own funding band. Every expected figure is worked by hand: the levy is 0.5% of
// the pay bill less one £15,000 allowance for the group; a non-levy employer pays 5% of the price up to the band
// (from 1 April 2019) and all of the price above it.

const day = '2026-12-03';
const thread = (question: string, answer: string) => [
  { role: 'user' as const, text: question },
  { role: 'assistant' as const, text: answer },
];

describe('pay bills of companies under one owner', () => {
  it.each([
    ['3 cos all owned by the same parent, paybills 2.1m, 1.6m n 900k', 4_600_000],
    ['two cos, same owner, 2m and 2.5m paybill', 4_500_000],
    ['firms under common control with pay bills of £1m and £3m', 4_000_000],
  ])('adds up "%s" to %d', (text, total) => {
    expect(readPayBills(text)).toMatchObject({ total, isConnected: true });
  });

  it('still reads one company with two amounts as no group', () => {
    expect(readPayBills('paybill 4m, was 3m last year')?.isConnected).toBe(false);
  });

  it('adds a company a follow-up says is connected, and keeps both pay bills for the working', () => {
    const reading = understand({
      message: 'what if theyre connected to a sister co with a 1m paybill',
      history: thread('company w 3.5m paybill how much levy pa', 'That leaves £2,500 of levy a year.'),
      asOf: day,
      today: day,
    });
    expect(reading.calculator?.inputs).toMatchObject({
      payBill: 4_500_000,
      isConnected: true,
      payBillParts: '3500000+1000000',
    });
  });
});

describe('a price above the funding band', () => {
  it('reads the band maximum apart from the price the provider asks', () => {
    const text = 'provider wants £14,000 but the band max is £12,000';
    expect(readCoursePrice(text)?.pounds).toBe(14_000);
    expect(readBandMaximum(text)?.pounds).toBe(12_000);
    expect(readBandMaximum('course is 16k and the funding band is 13k')?.pounds).toBe(13_000);
    expect(readBandMaximum('a £9,000 course')).toBeUndefined();
  });

  it('charges the employer its share of the band and everything above it', () => {
    const input = CoInvestmentInput.parse({ price: 14_000, bandMaximum: 12_000, apprenticeAge: 30, levyPayer: 'no' });
    const result = calculateCoInvestment(knowledge, input, '2025-10-01');
    // 5% of £12,000 = £600, plus the £2,000 above the band.
    expect(result.split.employerPays).toBe(2_600);
  });

  it('ignores a band maximum above the highest band held', () => {
    const input = CoInvestmentInput.parse({ price: 30_000, bandMaximum: 40_000, apprenticeAge: 30, levyPayer: 'no' });
    // The £27,000 top band still caps it: 5% of £27,000 = £1,350, plus £3,000 above it.
    expect(calculateCoInvestment(knowledge, input, '2025-10-01').split.employerPays).toBe(4_350);
  });

  it('works the sum from a message in staff words and leads with it', async () => {
    const answer = await answerer.answer({
      question:
        'non levy employer, apprentice is 30, started oct 2025. provider wants £14,000 but the band max is £12,000. what does the employer pay for training',
      asOf: day,
    });
    expect(answer.text.split('\n')[0]).toContain('The employer pays £2,600');
  });

  it('answers a group of companies under one owner with one allowance', async () => {
    const answer = await answerer.answer({
      question: '3 cos all owned by the same parent, paybills 2.1m, 1.6m n 900k. how much levy does the group pay a yr',
      asOf: day,
    });
    expect(answer.text.split('\n')[0]).toContain('£8,000 levy a year');
  });
});

describe('a passage that answers better than the figure', () => {
  it('leads with what a transfer pays for, not how much of its funds a payer may transfer', async () => {
    const answer = await answerer.answer({
      question: 'how much of the training does a levy transfer pay for the receiving employer',
      asOf: day,
    });
    expect(answer.text.split('\n')[0]).toMatch(/100% of the apprenticeship's training/);
  });

  it('still leads a pay question with the rate, not another amount of money', async () => {
    const answer = await answerer.answer({ question: 'what do apprentices get paid', asOf: day });
    expect(answer.text.split('\n')[0]).toMatch(/apprentice rate is £8\.00 an hour/);
  });
});

describe('sums whose values are said in passing', () => {
  it('reads "our monthly payroll is roughly £600k" as twelve months of it', () => {
    expect(readPayBills('our monthly payroll is roughly £600k (all paye)')?.total).toBe(7_200_000);
    expect(readPayBills('payroll per month of about 450k')?.total).toBe(5_400_000);
    expect(readPayBills('payroll of £600k')?.total).toBe(600_000);
  });

  it('takes "the rest r all in england" as what is left after a fifth in Wales', () => {
    const reading = understand({
      message:
        'our monthly payroll is roughly £600k, about a fifth of that is staff who live in wales, rest r all in england. wot levy do we pay a yr',
      history: [],
      asOf: day,
      today: day,
    });
    expect(reading.calculator?.inputs).toMatchObject({ payBill: 7_200_000, englandShare: 0.8 });
  });

  it('keeps "weve used all our levy" through a follow-up that moves the start date', () => {
    const reading = understand({
      message: 'n if the start is jan 2027 instead',
      history: thread(
        'were a levy payer but weve used all our levy. appr started june 2026, price £10k, wots our share',
        '5%, so £500.',
      ),
      asOf: day,
      today: day,
    });
    expect(reading.calculator?.inputs).toMatchObject({ levyFundsUsedUp: 'yes', startDate: '2027-01-01' });
  });
});

describe('amounts named again and hours changed in a follow-up', () => {
  it('does not add "the £4m one" to the group a second time, nor the allowance', () => {
    const text = '2 connected cos, paybills £4m and £1.5m, whole 15k allowance put on the £4m one. total levy?';
    expect(readPayBills(text)).toMatchObject({ total: 5_500_000, isConnected: true });
  });

  it('works "and on 30hrs pls" after a yearly LLW figure into a year at 30 hours', async () => {
    const answer = await answerer.answer({
      question: 'and on 30hrs pls',
      history: thread('llw a yr on 37.5 hrs?', '£14.80 × 37.5 × 52 = £28,860 a year.'),
    });
    // £14.80 × 30 × 52 = £23,088.
    expect(answer.text.split('\n')[0]).toContain('£23,088 a year');
  });
});
