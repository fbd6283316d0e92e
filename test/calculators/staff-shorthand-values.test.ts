import { beforeAll, describe, expect, it } from 'vitest';
import { calculateCoInvestment } from '../../src/calculators/co-investment/calculate-co-investment.js';
import { CoInvestmentInput } from '../../src/calculators/co-investment/co-investment-input.js';
import { renderCoInvestmentSummary } from '../../src/calculators/co-investment/render-co-investment.js';
import { readCoInvestmentQuestion, readEligibilityQuestion } from '../../src/calculators/read-question.js';
import { readDate } from '../../src/understand/values/index.js';
import { readEnglandShare } from '../../src/understand/values/read-share.js';
import { type Facts, loadFacts } from '../helpers/facts.js';
import { ruleOf } from './eligibility-case.js';

// Values as staff type them, each one a message that once gave a wrong amount or a wrong rule.
const AS_OF = '2026-12-04';

let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

describe('values read from staff shorthand', () => {
  it('reads "next oct" as the next 1 October', () => {
    expect(readDate('wants to start an appr next oct on a £15,000 standard', AS_OF)?.date).toBe('2027-10-01');
    expect(readDate('starting next october', AS_OF)?.date).toBe('2027-10-01');
  });

  it('reads a levy payer that has spent its whole pot as having no levy funds left', () => {
    const read = readCoInvestmentQuestion(
      'levy payer has spent its whole pot, wants to start an appr next oct on a £15,000 standard',
      AS_OF,
    );
    expect(read).toMatchObject({ price: 15_000, levyPayer: 'yes', levyFundsUsedUp: 'yes', startDate: '2027-10-01' });
  });

  it('keeps "no levy funds left" a levy payer, and reads funds run out without the word levy', () => {
    expect(readCoInvestmentQuestion('levy payer w no levy funds left, 12k course', AS_OF)).toMatchObject({
      levyPayer: 'yes',
      levyFundsUsedUp: 'yes',
    });
    expect(readCoInvestmentQuestion('emp pays the levy and ran out of funds', AS_OF)).toMatchObject({
      levyPayer: 'yes',
      levyFundsUsedUp: 'yes',
    });
    expect(readCoInvestmentQuestion("their levy money's all gone", AS_OF).levyFundsUsedUp).toBe('yes');
  });

  it('tells the provider’s price from the band maximum "for the standard"', () => {
    const read = readCoInvestmentQuestion(
      'non levy client, 35 yr old appr starting jan 27, providers price is 20k but the band max for the standard is 18k',
      AS_OF,
    );
    expect(read).toMatchObject({ price: 20_000, bandMaximum: 18_000, apprenticeAge: 35 });
  });

  it('reads days of the working week spent outside England as the share in England', () => {
    expect(readEnglandShare('based at our cardiff office 3 days out of 5, the rest in shoreditch')).toBe(0.4);
    expect(readEnglandShare('two days in five in glasgow')).toBe(0.6);
    expect(readEnglandShare('4 days of 5 in england')).toBe(0.8);
    expect(readEligibilityQuestion('appr at our cardiff office 3 days out of 5', AS_OF).englandWorkShare).toBe(0.4);
  });
});

describe('the England rule with a share of hours', () => {
  it('fails 40% of hours in England and passes 60%, against the 50% the rules set', () => {
    const unknownEngland = { worksMostlyInEngland: 'unknown' as const };
    expect(ruleOf(facts, { ...unknownEngland, englandWorkShare: 0.4 }, 'england')).toMatchObject({
      status: 'failed',
      reason:
        'Only 40% of their working hours will be in England; an apprentice must spend at least 50% of their working hours in England.',
    });
    expect(ruleOf(facts, { ...unknownEngland, englandWorkShare: 0.6 }, 'england')).toMatchObject({
      status: 'passed',
      reason: '60% of their working hours will be in England, and the rules ask for at least 50%.',
    });
    expect(ruleOf(facts, { ...unknownEngland, englandWorkShare: 0.5 }, 'england')).toMatchObject({ status: 'passed' });
  });
});

describe('a co-investment sum that waits on an EHC plan', () => {
  it('still states what the employer pays without one', () => {
    const input = CoInvestmentInput.parse({
      price: 14_000,
      apprenticeAge: 23,
      levyPayer: 'no',
      startDate: '2025-05-01',
    });
    const result = calculateCoInvestment(facts, input, AS_OF);
    expect(renderCoInvestmentSummary(result).split('\n')[0]).toContain(
      'Without an EHC plan or care experience, the employer would pay £700 and the government £13,300.',
    );
  });
});
