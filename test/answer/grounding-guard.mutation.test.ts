import { describe, expect, it } from 'vitest';
import { answerSentences, checkGrounding, firstUnvouchedFigure } from '../../src/answer/grounding-guard.js';

// Small passages, so each case turns on one rule of the guard.
const LLW = 'The London Living Wage is £14.80 an hour.';
const APPRENTICES = 'The council employs 40 apprentices across its services.';
const passages = new Map([
  [1, LLW],
  [2, APPRENTICES],
]);
const check = (text: string, options: { contextDates?: string[]; calculatorInputs?: number[] } = {}) =>
  checkGrounding({ text, passages, alwaysAllowed: '', ...options });

describe('grounding guard rules, one at a time', () => {
  it('says why an answer with no citation, or citing a passage it was not given, is refused', () => {
    expect(check('The London Living Wage is £14.80 an hour.')).toEqual({
      ok: false,
      reason: 'the answer cites no passage',
    });
    expect(check('See [3] and [4].')).toEqual({
      ok: false,
      reason: 'the answer cites passage 3, 4, which it was not given',
    });
  });

  it('lets a sentence without a citation draw on the passages the answer cites', () => {
    expect(check('The London Living Wage is £14.80 an hour. That is the rate for London [1].')).toEqual({
      ok: true,
      cited: [1],
    });
    expect(check('The London Living Wage is £14.80 an hour. The council employs 40 apprentices [2].')).toMatchObject({
      ok: false,
    });
  });

  it('refuses a figure the passage gives for something else', () => {
    expect(check('The apprenticeship levy costs £14.80 [1].')).toEqual({
      ok: false,
      reason: '"£14.80" is not what the cited passages say it is',
    });
  });

  it('refuses a head count of something the passage does not count', () => {
    expect(check('The council employs 40 apprentices [2].')).toEqual({ ok: true, cited: [2] });
    expect(check('The council employs 40 cleaners [2].')).toEqual({
      ok: false,
      reason: '"40 cleaners" is not in the cited passages',
    });
  });

  it('lets an answer name the day asked about, its month or its year, and no other', () => {
    const asked = { contextDates: ['2026-11-23'] };
    for (const when of ['On 23 November 2026', 'In November 2026', 'In 2026']) {
      expect(check(`${when} the London Living Wage is £14.80 an hour [1].`, asked), when).toEqual({
        ok: true,
        cited: [1],
      });
    }
    expect(check('In November 2026 the London Living Wage is £14.80 an hour [1].')).toEqual({
      ok: false,
      reason: '"November 2026" is not in the cited passages',
    });
    expect(check('In 2025 the London Living Wage is £14.80 an hour [1].', asked)).toMatchObject({ ok: false });
  });

  it('lets an answer repeat the calculator inputs read from the question, a share as a percentage too', () => {
    expect(
      check('With 75% of staff in England, the London Living Wage is £14.80 an hour [1].', {
        calculatorInputs: [0.75],
      }),
    ).toEqual({ ok: true, cited: [1] });
    expect(
      check('On a £5,000,000 pay bill the London Living Wage is £14.80 an hour [1].', {
        calculatorInputs: [5_000_000],
      }),
    ).toEqual({ ok: true, cited: [1] });
  });

  it('refuses a figure only near a calculator input, a share written as a plain number, and a year', () => {
    const refused = (text: string, calculatorInputs: number[]) =>
      expect(check(text, { calculatorInputs }), text).toMatchObject({ ok: false });
    refused('With 76% of staff in England, the London Living Wage is £14.80 an hour [1].', [0.75]);
    refused('With 75.5% of staff in England, the London Living Wage is £14.80 an hour [1].', [0.75]);
    refused('With 75 staff, the London Living Wage is £14.80 an hour [1].', [0.75]);
    refused('On a £5,000,000 pay bill the London Living Wage is £14.80 an hour [1].', [5_000_001]);
    // Only amounts, percentages, ages, counts and durations are echoed; a year must come from the passages.
    refused('In 2019 the London Living Wage is £14.80 an hour [1].', [2019]);
  });
});

describe('the first figure a streamed answer cannot vouch for', () => {
  it('names the figure, or nothing when every figure is in the sources', () => {
    expect(firstUnvouchedFigure(`${LLW} It was £9 in 2010.`, [LLW])).toBe('£9');
    expect(firstUnvouchedFigure('The council employs 40 cleaners.', [APPRENTICES])).toBe('40 cleaners');
    expect(firstUnvouchedFigure(LLW, [LLW])).toBeUndefined();
    expect(firstUnvouchedFigure('In 2026 it is £14.80 an hour.', [LLW], { contextDates: ['2026-11-23'] })).toBe(
      undefined,
    );
  });
});

describe('answer sentences', () => {
  it('splits on sentence ends and line breaks, keeps the citations that close a sentence, and drops blank lines', () => {
    expect(answerSentences('The rate is £14.80.[12] It rose in 2024 [2].  It may rise!\n\n   Ask me?\n')).toEqual([
      'The rate is £14.80.[12]',
      'It rose in 2024 [2].',
      'It may rise!',
      'Ask me?',
    ]);
  });
});
