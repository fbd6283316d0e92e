import { beforeAll, describe, expect, it } from 'vitest';
import { answerWithTools } from '../../src/calculators/index.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadTestKnowledge } from './load-test-knowledge.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadTestKnowledge();
});

const ask = (question: string, asOf = '2025-06-01') => answerWithTools(knowledge, question, asOf, asOf);

describe('answerWithTools', () => {
  it.each([
    ['levy on a £4.2m pay bill?', '£6,000'],
    ['how much levy for a pay bill of 5 million', '£10,000'],
    ['we have 300 staff and a payroll of £12m, what levy', '£45,000'],
    ['What would our levy be on a payroll of £5,000,000?', '£10,000'],
  ])('works out the levy for "%s"', (question, annual) => {
    const answer = ask(question);
    expect(answer?.tool).toBe('levy');
    expect(answer?.kind).toBe('answer');
    expect(answer?.mode).toBe('extractive');
    expect(answer?.enquirySuggested).toBe(false);
    expect(answer?.text.startsWith(`**${annual} levy a year**`)).toBe(true);
    expect(answer?.working).toContain(`Levy due a year: **${annual}**`);
    expect(answer?.figures.map((figure) => figure.key)).toContain('levy.rate');
    expect(answer?.citations.length).toBeGreaterThan(0);
    expect(answer?.text.split('\n')[0]).toMatch(/\[1\]\.$/);
  });

  it('marks each line with the number of the citation its figures come from', () => {
    const answer = ask('levy on a £5m pay bill?');
    const levyLine = answer?.working?.split('\n').find((line) => line.startsWith('- Levy due a year'));
    const marker = /\[(\d+)\]$/.exec(levyLine ?? '');
    const cited = answer?.citations.find((citation) => citation.n === Number(marker?.[1]));
    expect(cited?.articleId).toBe(knowledge.facts.get('levy.rate')?.article);
  });

  it('reads the tax year and the share in England from the question', () => {
    const answer = ask('What levy did we pay in 2019-20 on a £10m payroll with 80% of staff living in England?');
    expect(answer?.asOf).toBe('2019-04-06');
    expect(answer?.working).toContain('£2,916.67 × 80%');
    expect(answer?.text).toContain('in the 2019 to 2020 tax year');
  });

  it('reads a tax year written with four-digit years', () => {
    expect(ask('levy on a £5m payroll in 2018-2019')?.asOf).toBe('2018-04-06');
  });

  it('asks for the pay bill when the question gives none', () => {
    const answer = ask('How much levy will we pay?');
    expect(answer?.tool).toBe('levy');
    expect(answer?.needs).toEqual(["What is the employer's annual pay bill (for example £5m)?"]);
    expect(answer?.figures).toEqual([]);
  });

  it.each([
    'what is the levy rate?',
    'who pays the levy',
    'How much is the levy?',
    'What is the levy allowance?',
    'who is eligible for an apprenticeship?',
    'Is there an upper age limit for apprenticeships?',
    'What is the London Living Wage?',
    'app levy % of paybill?',
    'do bonuses count in the levy pay bill',
    'how much levy can we transfer to another employer',
    'do connected companies each get 15k levy allowance',
    'can a refugee do an apprenticeship without 3 years residence',
  ])('leaves "%s" to the knowledge articles', (question) => {
    expect(ask(question)).toBeUndefined();
  });

  it('checks "is a 45 year old with a degree eligible for a level 3 apprenticeship?"', () => {
    const answer = ask('is a 45 year old with a degree eligible for a level 3 apprenticeship?');
    expect(answer?.tool).toBe('eligibility');
    expect(answer?.text).toContain('**Apprenticeship eligibility at level 3: needs a check**');
    const question = 'Is their level 6 qualification in the same occupational area as this apprenticeship?';
    expect(answer?.text.split(question).length).toBe(2);
  });

  it('checks "can a 17 year old do an apprenticeship at 20 hours a week" with the minimum duration at those hours', () => {
    const before = ask('can a 17 year old do an apprenticeship at 20 hours a week', '2025-06-01');
    expect(before?.tool).toBe('eligibility');
    expect(before?.text).toContain('- Minimum duration: 18 months');
    const after = ask('can a 17 year old do an apprenticeship at 20 hours a week', '2025-09-01');
    expect(after?.text).toContain('- Minimum duration: 8 months');
  });

  it('asks for the age when the question is about a person but gives none', () => {
    const answer = ask('Can this person be an apprentice on this job?');
    expect(answer?.tool).toBe('eligibility');
    expect(answer?.needs).toEqual(['How old will the person be on the start date?']);
  });

  it('reads the start date, level and care experience from the question', () => {
    const answer = ask('Is a 23 year old care leaver eligible for a level 7 apprenticeship starting in February 2026?');
    expect(answer?.asOf).toBe('2026-02-01');
    expect(answer?.text).toContain('- **Met** Level 7 funding:');
  });

  it('explains what it could not use instead of guessing', () => {
    const answer = ask('Can a 12 year old start an apprenticeship?');
    expect(answer?.needs).toEqual(['age must be a whole number between 14 and 100']);
  });
});
