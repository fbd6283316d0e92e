import { describe, expect, it } from 'vitest';
import { predict, type Sample, train } from '../../src/understand/logistic-regression.js';

// Feature 0 and 1 mark label 0, features 2 and 3 label 1, feature 4 label 2; feature 5 is noise on every label.
const samples: Sample[] = [
  { features: [0, 5], label: 0 },
  { features: [1, 5], label: 0 },
  { features: [0, 1], label: 0 },
  { features: [2, 5], label: 1 },
  { features: [3], label: 1 },
  { features: [2, 3, 5], label: 1 },
  { features: [4], label: 2 },
  { features: [4, 5], label: 2 },
];

describe('logistic regression', () => {
  it('learns which features mark which label', () => {
    const model = train(samples, 3, 6);
    const best = (features: number[]) => {
      const scores = predict(model, features);
      return [...scores].indexOf(Math.max(...scores));
    };
    expect(best([1])).toBe(0);
    expect(best([3, 5])).toBe(1);
    expect(best([4])).toBe(2);
    const probabilities = [...predict(model, [0])];
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
  });

  it('gives the same weights every time it is trained on the same samples', () => {
    expect([...train(samples, 3, 6).weights]).toEqual([...train(samples, 3, 6).weights]);
  });

  it('is unsure about features it never saw', () => {
    const model = train(samples, 3, 7);
    expect(Math.max(...predict(model, [6]))).toBeLessThan(0.7);
  });
});
