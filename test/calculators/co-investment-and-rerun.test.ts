import { beforeAll, describe, expect, it } from 'vitest';
import { answerWithTools, rerunCalculator } from '../../src/calculators/index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadTestKnowledge } from './load-test-knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadTestKnowledge();
});

const ask = (question: string, asOf = '2025-06-01') => answerWithTools(knowledge, question, asOf, asOf);
const firstLine = (text: string | undefined) => text?.split('\n')[0] ?? '';

describe('co-investment from the chat', () => {
  it('works out 5% for a non-levy employer from April 2019', () => {
    const answer = ask(
      'we are a non levy employer, the course costs £12,000 and the apprentice is 30, how much do we pay?',
      '2019-06-01',
    );
    expect(answer?.tool).toBe('co-investment');
    expect(firstLine(answer?.text)).toContain('**The employer pays £600 and the government £11,400**');
  });

  it("charges a levy payer whose funds have run out the employer's share, and a levy payer with funds nothing", () => {
    const usedUp = ask(
      'levy payer has spent all their levy pot, £12,000 standard - how much do they pay',
      '2026-12-01',
    );
    expect(usedUp?.tool).toBe('co-investment');
    expect(firstLine(usedUp?.text)).toContain('**The employer pays £3,000 and the government £9,000**');
    expect(firstLine(usedUp?.text)).toContain('a levy payer whose levy funds have run out');
    const burnedThru = ask(
      'levy payer thats burned thru all its funds, £12,000 standard - what do they pay',
      '2026-12-01',
    );
    expect(firstLine(burnedThru?.text)).toContain('**The employer pays £3,000 and the government £9,000**');
    const before = ask('we ran out of levy funds, £12,000 apprenticeship, what do we pay', '2025-06-01');
    expect(firstLine(before?.text)).toContain('**The employer pays £600 and the government £11,400**');
    const withFunds = ask('levy payer, £12,000 course, apprentice aged 30, what do they pay', '2026-12-01');
    expect(firstLine(withFunds?.text)).toContain('the employer pays £0 on top');
  });

  it('charged 10% before April 2019', () => {
    const answer = ask('non-levy employer, £12,000 apprenticeship, apprentice aged 30, what do we pay?', '2018-06-01');
    expect(firstLine(answer?.text)).toContain('**The employer pays £1,200 and the government £10,800**');
  });

  it('charges nothing for an apprentice aged 16 to 21 at a non-levy employer from April 2024', () => {
    const answer = ask(
      'small business, course costs £9,000, apprentice aged 19, how much would it cost us?',
      '2025-06-01',
    );
    expect(firstLine(answer?.text)).toContain('**The employer pays £0 and the government £9,000**');
  });

  it('says "needs a check" where the sources conflict for older apprentices from August 2026', () => {
    const answer = ask('non levy employer, £9,000 course, apprentice aged 30, how much do we pay?', '2026-12-01');
    expect(firstLine(answer?.text)).toMatch(/^\*\*Needs a check\*\*/);
    expect(answer?.text).toContain('£450');
  });
});

describe('a calculator follow-up', () => {
  it('re-runs the levy with a quarter of the staff living in Wales and says what changed', () => {
    const first = ask('levy on a £5m pay bill?');
    if (!first?.calculation) throw new Error('no calculation on the first answer');
    const next = rerunCalculator(knowledge, first.calculation, 'and if a quarter of them live in Wales?', {
      asOf: '2025-06-01',
      today: '2025-06-01',
    });
    expect(firstLine(next.text)).toBe(
      '**What changed:** share of the pay bill for employees living in England: 100% → 75%.',
    );
    expect(next.text).toContain('£687.50 a month');
  });

  it('re-runs the levy for the year before', () => {
    const first = ask('What levy did we pay in 2019-20 on a £10m payroll?');
    if (!first?.calculation) throw new Error('no calculation on the first answer');
    const next = rerunCalculator(knowledge, first.calculation, 'what about the year before?', {
      asOf: '2025-06-01',
      today: '2025-06-01',
    });
    expect(firstLine(next.text)).toBe('**What changed:** tax year: 2019 to 2020 → 2018 to 2019.');
    expect(next.asOf).toBe('2018-04-06');
  });

  it('sums connected companies with one allowance', () => {
    const answer = ask('two connected companies with pay bills of £2m and £2.5m, what levy do we pay?');
    expect(firstLine(answer?.text)).toContain('**£7,500 levy a year** on a £4,500,000 pay bill');
  });
});

describe('one rule date per tax year', () => {
  it('uses the same rule date for a tax year in the chat as the CLI does (6 April of a past year)', () => {
    // The CLI test asserts rulesDate 2019-04-06 for --tax-year 2019-20; the chat gets the same date.
    expect(ask('levy on a £5m payroll in 2019-20', '2026-12-01')?.asOf).toBe('2019-04-06');
    expect(ask('levy on a £5m payroll in 2019/20', '2026-12-01')?.asOf).toBe('2019-04-06');
  });
});
