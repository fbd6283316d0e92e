import { beforeAll, describe, expect, it } from 'vitest';
import { createFigureReader } from '../../src/calculators/shared/figure-reader.js';
import { unknownFields } from '../../src/calculators/shared/input-errors.js';
import {
  money,
  moneyFromPence,
  percentOf,
  roundToPenny,
  scalePence,
  share,
  toPence,
  toPounds,
} from '../../src/calculators/shared/money.js';
import { citationNumbers, markers, renderLine, renderOtherSources } from '../../src/calculators/shared/render-lines.js';
import {
  rulesDateFor,
  taxYearContaining,
  taxYearDates,
  taxYearInWords,
} from '../../src/calculators/shared/tax-year.js';
import type { Fact } from '../../src/knowledge/fact-schema.js';
import { citationOf } from '../helpers/citation.js';
import { type Facts, loadFacts } from '../helpers/facts.js';

describe('money worked in whole pence', () => {
  it('rounds halves of a penny up, and away from zero below it', () => {
    expect(toPence(10)).toBe(1_000);
    expect(toPence(1.005)).toBe(101);
    expect(toPence(0.125)).toBe(13);
    expect(toPence(0.124)).toBe(12);
    expect(toPence(-1.005)).toBe(-101);
    expect(toPounds(1_234)).toBe(12.34);
  });

  it('rounds a share of an amount once, at the end', () => {
    // £10 split three ways is 333.33… pence, so 333; £20 is 666.66…, so 667.
    expect(scalePence(1_000, 1, 3)).toBe(333);
    expect(scalePence(2_000, 1, 3)).toBe(667);
    expect(scalePence(1_000, 2)).toBe(2_000);
    // 0.5% of £5,000,000 is £25,000.
    expect(percentOf(500_000_000, 0.5)).toBe(2_500_000);
    // 0.5% of £3,000,001 is £15,000.005, which is 1,500,000.5 pence: rounded up.
    expect(percentOf(300_000_100, 0.5)).toBe(1_500_001);
  });

  it('writes money the GOV.UK way: pence only when there are any', () => {
    expect(money(10_000)).toBe('£10,000');
    expect(money(833.3333)).toBe('£833.33');
    expect(money(12.5)).toBe('£12.50');
    expect(money(12.999)).toBe('£13');
    expect(money(0.005)).toBe('£0.01');
    expect(roundToPenny(2.675)).toBe(2.68);
    expect(moneyFromPence(91_667)).toBe('£916.67');
    expect(share(0.8)).toBe('80%');
    expect(share(0.125)).toBe('12.5%');
  });
});

describe('tax years (6 April to 5 April)', () => {
  it('puts 5 April in the year before and 6 April in the new one', () => {
    expect(taxYearContaining('2025-04-05')).toBe('2024-25');
    expect(taxYearContaining('2025-04-06')).toBe('2025-26');
    expect(taxYearContaining('2025-12-31')).toBe('2025-26');
    expect(taxYearContaining('2010-01-15')).toBe('2009-10');
    expect(taxYearContaining('1999-06-01')).toBe('1999-00');
  });

  it('gives the first and last day of a year', () => {
    expect(taxYearDates('2019-20')).toEqual({ start: '2019-04-06', end: '2020-04-05' });
  });

  it('applies the rules of the day asked about inside the year, and of 6 April outside it', () => {
    expect(rulesDateFor('2019-20', '2019-04-06')).toBe('2019-04-06');
    expect(rulesDateFor('2019-20', '2019-11-01')).toBe('2019-11-01');
    expect(rulesDateFor('2019-20', '2020-04-05')).toBe('2020-04-05');
    expect(rulesDateFor('2019-20', '2020-04-06')).toBe('2019-04-06');
    expect(rulesDateFor('2019-20', '2019-04-05')).toBe('2019-04-06');
  });

  it('writes a year in words, and leaves text that is not a year alone', () => {
    expect(taxYearInWords('2025-26')).toBe('2025 to 2026');
    expect(taxYearInWords('next year')).toBe('next year');
  });
});

const citation = citationOf;

describe('calculation lines as text', () => {
  const numbers = citationNumbers([citation('levy-who-pays', 1), citation('levy-transfers', 3)]);

  it('marks a line with the citations of its articles, once each, in order', () => {
    expect(markers(['levy-who-pays', 'levy-transfers', 'levy-who-pays', 'uncited'], numbers)).toBe(' [1][3]');
    expect(markers(['uncited'], numbers)).toBe('');
    expect(markers(undefined, numbers)).toBe('');
    expect(citationNumbers(undefined).size).toBe(0);
  });

  it('shows the value in bold with its arithmetic, and "not held" plain', () => {
    const line = {
      id: 'annual-levy',
      label: 'Levy due a year',
      value: '£10,000',
      arithmetic: '0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000',
      articleIds: ['levy-who-pays'],
    };
    expect(renderLine(line, numbers)).toBe(
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000 [1]',
    );
    expect(renderLine(line)).toBe(
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000',
    );
    expect(renderLine({ ...line, value: 'not held', arithmetic: 'no figure is held' }, numbers)).toBe(
      '- Levy due a year: not held — no figure is held [1]',
    );
  });

  it('lists the citations no line is marked with, after a blank line', () => {
    const citations = [citation('a', 1), citation('b', 2), citation('c', 3), citation('d', 4)];
    expect(renderOtherSources(citations, [['a'], undefined, ['c']])).toEqual(['', 'Also from: [2] [4]']);
    expect(renderOtherSources(citations, [['a', 'b', 'c', 'd']])).toEqual([]);
    expect(renderOtherSources(undefined, [['a']])).toEqual([]);
  });
});

describe('input errors', () => {
  it('names the unknown fields a caller sent', () => {
    expect(unknownFields({ code: 'unrecognized_keys', keys: ['pay'] })).toBe('unknown field: pay');
    expect(unknownFields({ code: 'unrecognized_keys', keys: ['pay', 'bill'] })).toBe('unknown fields: pay, bill');
    expect(unknownFields({ code: 'unrecognized_keys' })).toBe('expected an object of named values');
    expect(unknownFields({ code: 'invalid_type', keys: ['pay'] })).toBe('expected an object of named values');
  });
});

describe('figure reader', () => {
  let knowledge: Facts;
  beforeAll(async () => {
    knowledge = await loadFacts();
  });

  /** The knowledge with one made-up fact: 10 from 2020-01-01 to 2020-06-30, then 20 from 2021-01-01. */
  const withFact = (): Facts => {
    const real = knowledge.facts.get('levy.rate') as Fact;
    const fact: Fact = {
      ...real,
      key: 'test.figure',
      label: 'Test figure',
      article: 'test-article',
      values: [
        { ...(real.values[0] as Fact['values'][number]), value: 10, from: '2020-01-01', to: '2020-06-30' },
        { ...(real.values[0] as Fact['values'][number]), value: 20, from: '2021-01-01' },
      ],
    };
    return { facts: new Map([...knowledge.facts, ['test.figure', fact]]) };
  };

  it('reads the figure in force with the dates it applies, and records it as used once', () => {
    const reader = createFigureReader(withFact());
    expect(reader.read('test.figure', '2020-03-01')).toEqual({
      key: 'test.figure',
      label: 'Test figure',
      value: 10,
      text: '10%',
      from: '2020-01-01',
      to: '2020-06-30',
    });
    reader.read('test.figure', '2020-04-01');
    expect(reader.figures()).toEqual([
      { key: 'test.figure', label: 'Test figure', value: '10%', from: '2020-01-01', to: '2020-06-30' },
    ]);
    expect(reader.articleIds()).toEqual(['test-article']);
    expect(reader.missing()).toEqual([]);
  });

  it('has no end date for the latest figure', () => {
    const reader = createFigureReader(withFact());
    const figure = reader.read('test.figure', '2026-01-01');
    expect(figure).toEqual({
      key: 'test.figure',
      label: 'Test figure',
      value: 20,
      text: '20%',
      from: '2021-01-01',
    });
    expect(reader.figures()[0]).not.toHaveProperty('to');
  });

  it('says when no figure is held for the date, naming the first date one is held from', () => {
    const reader = createFigureReader(withFact());
    expect(reader.read('test.figure', '2019-12-31')).toBeUndefined();
    expect(reader.read('test.figure', '2020-09-01')).toBeUndefined();
    expect(reader.read('unheld.figure', '2020-09-01')).toBeUndefined();
    expect(reader.missing()).toEqual([
      {
        key: 'test.figure',
        label: 'Test figure',
        date: '2019-12-31',
        message: 'Test figure: no figure is held for 31 December 2019 (the first one held applies from 1 January 2020)',
      },
      {
        key: 'unheld.figure',
        label: 'unheld.figure',
        date: '2020-09-01',
        message: 'unheld.figure: no figure is held for 1 September 2020',
      },
    ]);
    expect(reader.figures()).toEqual([]);
    expect(reader.articleIds()).toEqual([]);
  });

  it('reads a rule that comes and goes without recording it as missing', () => {
    const reader = createFigureReader(withFact());
    expect(reader.readIfInForce('test.figure', '2020-09-01')).toBeUndefined();
    expect(reader.readIfInForce('unheld.figure', '2020-09-01')).toBeUndefined();
    expect(reader.missing()).toEqual([]);
    expect(reader.readIfInForce('test.figure', '2021-01-01')?.value).toBe(20);
  });

  it('gives the next figure after a date, and nothing after the last or for a figure not held', () => {
    const reader = createFigureReader(withFact());
    expect(reader.next('test.figure', '2020-01-01')).toMatchObject({ value: 20, from: '2021-01-01' });
    expect(reader.next('test.figure', '2021-01-01')).toBeUndefined();
    expect(reader.next('unheld.figure', '2021-01-01')).toBeUndefined();
    expect(reader.articleOf('test.figure')).toBe('test-article');
    expect(reader.articleOf('unheld.figure')).toBeUndefined();
  });

  it('tells which articles were read since a bookmark, in order and without repeats', () => {
    const reader = createFigureReader(withFact());
    reader.read('levy.rate', '2025-06-01');
    const mark = reader.mark();
    expect(mark).toBe(1);
    reader.read('test.figure', '2020-03-01');
    reader.read('levy.rate', '2025-06-01');
    reader.read('test.figure', '2021-03-01');
    const levyArticle = reader.articleOf('levy.rate');
    expect(reader.articlesSince(mark)).toEqual(['test-article', levyArticle]);
    expect(reader.articleIds()).toEqual([levyArticle, 'test-article']);
    expect(reader.figures().map((figure) => `${figure.key}@${figure.from}`)).toEqual([
      `levy.rate@${reader.read('levy.rate', '2025-06-01')?.from}`,
      'test.figure@2020-01-01',
      'test.figure@2021-01-01',
    ]);
  });
});
