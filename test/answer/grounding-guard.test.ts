import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/answer/grounding-guard.js';

const passages = new Map([
  [1, 'The London Living Wage is £14.80 an hour, announced on 22 October 2025.'],
  [2, 'The levy is 0.5% of an annual pay bill over £3,000,000, with a £15,000 allowance.'],
]);

describe('checkGrounding', () => {
  it('accepts an answer whose figures all appear in the passages it cites', () => {
    const result = checkGrounding({
      text: 'The LLW is £14.80 an hour since 22 October 2025 [1]. The levy rate is 0.5% [2].',
      passages,
      alwaysAllowed: '',
    });
    expect(result).toEqual({ ok: true, cited: [1, 2] });
  });

  it('accepts a month and year when the passage gives the full date', () => {
    expect(checkGrounding({ text: 'It changed in October 2025 [1].', passages, alwaysAllowed: '' }).ok).toBe(true);
  });

  it('rejects a made-up figure', () => {
    const result = checkGrounding({ text: 'The LLW is £15.20 an hour [1].', passages, alwaysAllowed: '' });
    expect(result).toEqual({ ok: false, reason: '"£15.20" is not in the cited passages' });
  });

  it('rejects a figure taken from a passage the sentence does not cite', () => {
    const result = checkGrounding({ text: 'The levy rate is 0.5% [1].', passages, alwaysAllowed: '' });
    expect(result.ok).toBe(false);
  });

  it('rejects a citation of a passage that was never given', () => {
    const result = checkGrounding({ text: 'The LLW is £14.80 an hour [3].', passages, alwaysAllowed: '' });
    expect(result).toEqual({ ok: false, reason: 'the answer cites passage 3, which it was not given' });
  });

  it('rejects an answer with no citation at all', () => {
    expect(checkGrounding({ text: 'Ask the team.', passages, alwaysAllowed: '' }).ok).toBe(false);
  });

  it('treats £4.2m and £4,200,000 as the same amount, and allows a calculator input the answer echoes', () => {
    const result = checkGrounding({
      text: 'On a £4,200,000 pay bill the allowance is £15,000 [2].',
      passages,
      alwaysAllowed: '',
      calculatorInputs: [4_200_000],
    });
    expect(result.ok).toBe(true);
  });
});
