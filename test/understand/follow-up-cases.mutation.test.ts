import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understand/index.js';

// Follow-ups as people write them, each with what the bot must take from it: which calculation re-runs with which
// inputs, which question is carried on from, and when a message stands on its own.
const day = '2026-12-01';
type Turn = { role: 'user' | 'assistant'; text: string };
const read = (message: string, history: Turn[] = []) => understand({ message, history, asOf: day, today: day });
const thread = (question: string, answer = 'Here is what I found.'): Turn[] => [
  { role: 'user', text: question },
  { role: 'assistant', text: answer },
];
const levyOn5m = thread('levy on £5m', 'On a £5,000,000 pay bill the levy is £10,000 a year.');
const eligibility30 = thread('is a 30 year old eligible for an apprenticeship', 'Yes, there is no upper age limit.');
const coInvestment12k = thread('how much is 5% of a £12k apprenticeship', 'The employer pays £600.');

describe('which earlier message a follow-up carries on from', () => {
  it.each([
    ['thanks', 'greeting'],
    ['what else can you do', 'help'],
    ['/quit', 'command'],
  ])('looks past "%s" (a %s) to the calculation before it', (aside, intent) => {
    expect(read(aside).intent).toBe(intent);
    const result = read('and if the pay bill was £8m?', [...levyOn5m, ...thread(aside, 'You are welcome.')]);
    expect(result).toMatchObject({
      intent: 'calculation',
      followUp: true,
      inherits: { question: 'levy on £5m' },
      calculator: { kind: 'levy', inputs: { payBill: 8_000_000 }, changed: { payBill: 8_000_000 } },
    });
  });

  it('carries on from the only earlier message even when it is a greeting', () => {
    const result = read('and in 2017?', thread('hiya', 'Hello, ask me about apprenticeships.'));
    expect(result).toMatchObject({ followUp: true, inherits: { question: 'hiya', intent: 'greeting' } });
  });

  it('looks back six exchanges and no further', () => {
    const asides = (count: number) => Array.from({ length: count }, () => thread('thanks', 'You are welcome.')).flat();
    expect(read('and if the pay bill was £8m?', [...levyOn5m, ...asides(5)])).toMatchObject({
      followUp: true,
      inherits: { question: 'levy on £5m' },
    });
    const tooFar = read('and if the pay bill was £8m?', [...levyOn5m, ...asides(6)]);
    expect(tooFar.followUp).toBe(false);
    expect(tooFar).not.toHaveProperty('inherits');
    expect(tooFar.calculator).toStrictEqual({ kind: 'levy', inputs: { payBill: 8_000_000 } });
  });

  it('carries on from the first 4,000 characters of a long earlier question', () => {
    const long = `levy on £5m${' '.repeat(4_000)} whats the hackney 100 programme`;
    const result = read('and if the pay bill was £8m?', thread(long));
    expect(result.inherits?.question).toBe(long.slice(0, 4_000));
  });

  it('reads a message sent with no thread at all', () => {
    const result = understand({ message: 'levy on £5m', asOf: day, today: day });
    expect(result).toMatchObject({ followUp: false, calculator: { kind: 'levy', inputs: { payBill: 5_000_000 } } });
    expect(result).not.toHaveProperty('inherits');
  });

  it('passes no calculator on from a question', () => {
    const result = read('and in 2017?', thread('whats the llw rate', '£14.80 an hour.'));
    expect(result).toMatchObject({ followUp: true, intent: 'question', topic: 'llw' });
    expect(result.inherits).not.toHaveProperty('calculator');
    expect(result).not.toHaveProperty('calculator');
  });
});

describe('"the year before" and "the year after" in a follow-up', () => {
  it('moves the start date of an eligibility check by a year', () => {
    const before = read(
      'what about the year before?',
      thread('is a 30 year old eligible for an apprenticeship starting 1 March 2025'),
    );
    expect(before.calculator).toMatchObject({
      kind: 'eligibility',
      inputs: { age: 30, startDate: '2024-03-01' },
      changed: { startDate: '2024-03-01' },
    });
  });

  it('moves a start of 29 February to 28 February in a year that has none', () => {
    const after = read(
      'and the year after?',
      thread('is a 30 year old eligible for an apprenticeship starting 29 February 2028'),
    );
    expect(after.calculator?.changed).toEqual({ startDate: '2029-02-28' });
  });

  it('moves from today when the eligibility check named no start date', () => {
    expect(read('what about the year before?', eligibility30).calculator?.changed).toEqual({
      startDate: '2025-12-01',
    });
  });

  it('moves the tax year of a levy sum from this tax year when the sum named none', () => {
    expect(read('what about the year before?', levyOn5m).calculator).toMatchObject({
      kind: 'levy',
      inputs: { payBill: 5_000_000, taxYear: '2025-26' },
      changed: { taxYear: '2025-26' },
    });
    expect(read('and the year after?', levyOn5m).calculator?.changed).toEqual({ taxYear: '2027-28' });
  });

  it('moves a named tax year forward for "the year after"', () => {
    const result = read('and the year after?', thread('levy 2021-22 on 6m'));
    expect(result.calculator?.changed).toEqual({ taxYear: '2022-23' });
  });

  it('reads "the previous tax year" from the thread\'s tax year, and "last tax year" from today', () => {
    const sum2020 = thread('levy on £10m for 2020-21', '£35,000 for 2020 to 2021.');
    expect(read('and the previous tax year?', sum2020).calculator?.changed).toEqual({ taxYear: '2019-20' });
    expect(read('and the following tax year?', sum2020).calculator?.changed).toEqual({ taxYear: '2021-22' });
    expect(read('and last tax year?', sum2020).calculator?.changed).toEqual({ taxYear: '2025-26' });
  });
});

describe('what a follow-up changes in the calculation before it', () => {
  it('takes a company added to a levy sum with no pay bill as the pay bill itself', () => {
    const result = read('plus another company with 2m', thread('what levy would we pay', 'Tell me the pay bill.'));
    expect(result.calculator).toMatchObject({ kind: 'levy', changed: { payBill: 2_000_000 } });
    expect(result.calculator?.inputs).not.toHaveProperty('isConnected');
  });

  it('adds a connected company to the pay bill before, to the penny', () => {
    const result = read('plus another company with £1,234.56', thread('levy on £5,000,000.10'));
    expect(result.calculator?.inputs).toMatchObject({ payBill: 5_001_234.66, isConnected: true });
  });

  it('keeps a follow-up that only names a person after a question a question, unless it asks whether they qualify', () => {
    const wage = thread('min wage for an apprentice aged 17?', '£8.00 an hour: the apprentice rate.');
    const person = read("and a 19 yr old who's finished their first year?", wage);
    expect(person).toMatchObject({ intent: 'question', followUp: true });
    expect(person).not.toHaveProperty('calculator');
    expect(read('and is a 19 yr old eligible for one?', wage).calculator).toMatchObject({ kind: 'eligibility' });
  });

  it('takes a connected company that leaves the group out of the pay bill before', () => {
    const group = thread('group of 3 connected cos, paybills 2.4m 1.8m and 5m. levy?', '£31,000 a year.');
    expect(read('what if the 1.8m one gets sold off and leaves the group', group).calculator).toStrictEqual({
      kind: 'levy',
      inputs: { payBill: 7_400_000, payBillParts: '2400000+5000000', isConnected: true },
      changed: { payBill: 7_400_000, payBillParts: '2400000+5000000' },
    });
    expect(read('what if it was 1.8m', group).calculator?.changed).toEqual({ payBill: 1_800_000 });
  });

  it('reads a share of the pay bill in a Scottish office as paid outside England', () => {
    const result = read(
      "they've got roughly 30% of the paybill up in their glasgow office, how much comes back",
      levyOn5m,
    );
    expect(result.calculator).toMatchObject({ kind: 'levy', changed: { englandShare: 0.7 } });
  });

  it('re-runs who pays for the course with the age of the apprentice a follow-up gives', () => {
    expect(read('and if the apprentice is 20?', coInvestment12k)).toMatchObject({
      followUp: true,
      intent: 'calculation',
      calculator: { kind: 'co_investment', inputs: { apprenticeshipPrice: 12_000, apprenticeAge: 20 } },
    });
  });

  it('re-runs who pays for the course when a follow-up asks "what if they pay the levy?"', () => {
    expect(read('what if they pay the levy?', coInvestment12k)).toMatchObject({
      followUp: true,
      intent: 'calculation',
      calculator: { kind: 'co_investment', changed: { levyPayer: 'yes' } },
    });
  });

  it('re-runs who pays for the course with the pay bill a follow-up gives, and no start date it did not give', () => {
    const result = read('and with a 5m pay bill?', coInvestment12k);
    expect(result.followUp).toBe(true);
    expect(result.calculator).toStrictEqual({
      kind: 'co_investment',
      inputs: { apprenticeshipPrice: 12_000, payBill: 5_000_000 },
      changed: { payBill: 5_000_000 },
    });
  });

  it('re-runs a levy sum for a firm elsewhere instead of declining it as another place', () => {
    const result = read('and if they were based in Islington?', levyOn5m);
    expect(result).toMatchObject({
      intent: 'calculation',
      followUp: true,
      calculator: { kind: 'levy', inputs: { payBill: 5_000_000 }, changed: {} },
    });
    expect(result).not.toHaveProperty('outOfScopeReason');
  });

  it('still declines another place after a question, carrying on from it', () => {
    const result = read('what about in Islington?', thread('whats the llw rate', '£14.80 an hour.'));
    expect(result).toMatchObject({ intent: 'out_of_scope', outOfScopeReason: 'other_place', followUp: true });
    expect(result).not.toHaveProperty('calculator');
  });

  it('answers a follow-up question about an eligibility check from the articles', () => {
    const result = read('and if the apprenticeship started in 2024?', eligibility30);
    expect(result).toMatchObject({ intent: 'question', followUp: true, topic: 'apprenticeships' });
    expect(result).not.toHaveProperty('calculator');
  });

  it('re-runs a levy sum for a follow-up question about it ("how is that worked out?")', () => {
    expect(read('how is that worked out?', levyOn5m)).toMatchObject({
      intent: 'calculation',
      calculator: { kind: 'levy', inputs: { payBill: 5_000_000 }, changed: {} },
    });
  });
});

describe('the calculator a new calculation wants', () => {
  it('reads a levy question with a course price and no pay bill as who pays for the course', () => {
    expect(read('what levy would we pay on a £12k apprenticeship').calculator).toStrictEqual({
      kind: 'co_investment',
      inputs: { apprenticeshipPrice: 12_000 },
    });
  });

  it('keeps a levy question with neither as a levy sum to ask the pay bill for', () => {
    expect(read('what levy would we pay').calculator).toStrictEqual({ kind: 'levy', inputs: {} });
  });

  it('keeps a co-investment question with no course price as co-investment', () => {
    expect(read('work out our co-investment').calculator).toStrictEqual({ kind: 'co_investment', inputs: {} });
  });
});
