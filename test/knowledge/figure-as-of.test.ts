import { beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/knowledge/fact-schema.js';
import { figureAsOf, figuresDuring, lastDayOf, nextFigureAfter } from '../../src/knowledge/figure-as-of.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

// A fact with a gap: the first value ends on 30 June 2020 and the next starts on 1 January 2021.
let gapped: Fact;

beforeAll(async () => {
  const knowledge = await loadKnowledge('knowledge');
  const real = knowledge.facts.get('llw.rate')!;
  gapped = {
    ...real,
    values: [
      { ...real.values[0]!, value: 1, from: '2020-01-01', to: '2020-06-30' },
      { ...real.values[0]!, value: 2, from: '2021-01-01' },
    ],
  };
});

const valueOn = (date: string) => figureAsOf(gapped, date)?.value;
const valuesDuring = (start: string, end: string) => figuresDuring(gapped, start, end).map((entry) => entry.value);

describe('figure as of a date', () => {
  it('is the value whose dates include the day, first and last days included', () => {
    expect([valueOn('2020-01-01'), valueOn('2020-06-30'), valueOn('2021-01-01'), valueOn('2030-05-05')]).toEqual([
      1, 1, 2, 2,
    ]);
  });

  it('is nothing before the first value and in a gap the sources leave', () => {
    expect([valueOn('2019-12-31'), valueOn('2020-07-01'), valueOn('2020-12-31')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('ends a value the day before the next one starts when it has no end date of its own', () => {
    const [first, second] = [
      { ...gapped.values[0]!, to: undefined },
      { ...gapped.values[1]!, from: '2020-03-01' },
    ];
    const { to: _none, ...open } = first;
    const fact = { ...gapped, values: [open, second] };
    expect(lastDayOf(fact, open)).toBe('2020-02-29');
    expect(lastDayOf(fact, second)).toBeUndefined();
    expect(lastDayOf(gapped, gapped.values[0]!)).toBe('2020-06-30');
  });
});

describe('figures during a period', () => {
  it('lists every value that applied on any day of the period, oldest first', () => {
    expect(valuesDuring('2019-06-01', '2020-01-01')).toEqual([1]);
    expect(valuesDuring('2020-06-30', '2020-06-30')).toEqual([1]);
    expect(valuesDuring('2020-06-01', '2021-01-01')).toEqual([1, 2]);
    expect(valuesDuring('2030-01-01', '2030-12-31')).toEqual([2]);
  });

  it('lists nothing for a period before the first value or inside a gap', () => {
    expect(valuesDuring('2019-01-01', '2019-12-31')).toEqual([]);
    expect(valuesDuring('2020-07-01', '2020-12-31')).toEqual([]);
  });
});

describe('next figure after a date', () => {
  it('is the first value starting after the day, not one starting on it', () => {
    expect(nextFigureAfter(gapped, '2020-12-31')?.value).toBe(2);
    expect(nextFigureAfter(gapped, '2021-01-01')).toBeUndefined();
  });
});
