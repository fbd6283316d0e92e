import { describe, expect, it } from 'vitest';
import { formatFigure, formatMoney } from '../../src/knowledge/format.js';

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What formatMoney gave when it used Intl.NumberFormat for every amount. */
function intlMoney(pounds: number, pence: boolean): string {
  return `£${(Number.isInteger(pounds) && !pence ? WHOLE : PENCE).format(pounds)}`;
}

const AMOUNTS = [
  0,
  -0,
  1,
  999,
  1000,
  15_000,
  3_000_000,
  999_999,
  1e15,
  2 ** 53,
  57_081_985_127_684_660,
  9.99e20,
  1e21,
  1e22,
  -1,
  -1000,
  -0.004,
  0.005,
  0.015,
  1.005,
  2.675,
  14.8,
  12.71,
  999_999.995,
  0.1 + 0.2,
  5e-7,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

describe('formatMoney', () => {
  it('writes pounds and pence the way Intl.NumberFormat does in en-GB', () => {
    expect(formatMoney(15_000)).toBe('£15,000');
    expect(formatMoney(14.8)).toBe('£14.80');
    expect(formatMoney(12, { pence: true })).toBe('£12.00');
    expect(formatMoney(1.005)).toBe('£1.01');
    expect(formatMoney(999_999.995)).toBe('£1,000,000.00');
    for (const pounds of AMOUNTS) {
      for (const pence of [false, true])
        expect(formatMoney(pounds, { pence }), String(pounds)).toBe(intlMoney(pounds, pence));
    }
  });

  it('gives the same string as Intl.NumberFormat over amounts of every size', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let round = 0; round < 5_000; round += 1) {
      const size = 10 ** Math.floor(next() * 22);
      for (const pounds of [Math.floor(next() * size), Math.round(next() * size * 100) / 100, next() * size]) {
        for (const pence of [false, true]) expect(formatMoney(pounds, { pence })).toBe(intlMoney(pounds, pence));
      }
    }
  });
});

describe('formatFigure for counts', () => {
  it('groups whole counts in threes as toLocaleString does in en-GB, without loading ICU for them', () => {
    for (const count of [0, 7, 999, 1000, 12_345, 1_234_567, 2 ** 53 - 1, 2.5, -1200])
      expect(formatFigure(count, 'count'), String(count)).toBe(count.toLocaleString('en-GB'));
  });
});
