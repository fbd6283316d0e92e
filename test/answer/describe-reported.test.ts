import { describe, expect, it } from 'vitest';
import { describeReported } from '../../src/answer/describe-reported.js';
import { readQuestionTime } from '../../src/answer/question-time.js';
import { renderFactReferences } from '../../src/knowledge/fact-references.js';
import type { Fact } from '../../src/knowledge/fact-schema.js';

const source = { title: 'Cabinet, 26 November 2018', date: '2018-11-26' };
const apprentices: Fact = {
  key: 'council.apprentices',
  label: 'Apprentices employed by Hackney Council',
  topic: 'apprenticeships',
  unit: 'count',
  kind: 'reported',
  article: 'council-apprenticeship-programme',
  aliases: [],
  audience: 'staff',
  values: [
    { value: 38, from: '2016-10-01', source },
    { value: 100, qualifier: 'over', from: '2018-02-01', source },
    { value: 107, from: '2018-11-26', source },
    { value: 134, from: '2020-02-12', source },
  ],
};
const TODAY = '2026-12-01';
const ask = (question: string, asOf = TODAY) =>
  describeReported(
    apprentices,
    'apprentices employed by Hackney Council',
    readQuestionTime(question, asOf),
    asOf,
    '[1]',
  );

describe('a reported count', () => {
  it('today: gives the latest report with its month and the one before, and claims no date range', () => {
    const { text, figures } = ask('how many council apprentices are there');
    expect(text).toContain('134 (reported in February 2020) [1]');
    expect(text).toContain('The report before that, in November 2018, gave 107.');
    expect(text).not.toMatch(/until|applies from|to \d/);
    expect(figures.every((figure) => figure.to === undefined)).toBe(true);
  });

  it('in a year with no report: names the last report before it and the next, never stretching one over the year', () => {
    const { text } = ask('how many council apprentices were there in 2017');
    expect(text).toContain('I hold no figure for the apprentices employed by Hackney Council reported during 2017');
    expect(text).toContain('38 (reported in October 2016)');
    expect(text).toContain('The next report, in February 2018, gave over 100.');
  });

  it('in a year with two reports: gives both, with their qualifier', () => {
    const { text } = ask('council apprentices in 2018');
    expect(text).toContain('over 100 (reported in February 2018), then 107 (reported in November 2018)');
  });

  it('on a past day: the report that stood then', () => {
    const { text } = ask('how many council apprentices', '2019-06-01');
    expect(text).toContain('107 (reported in November 2018)');
    expect(text).toContain('The next report, in February 2020, gave 134.');
  });

  it('history: every report with its month', () => {
    const { text } = ask('council apprentice numbers over the years');
    expect(text.split('\n').slice(1)).toEqual([
      '- 38: reported in October 2016',
      '- over 100: reported in February 2018',
      '- 107: reported in November 2018',
      '- 134: reported in February 2020',
    ]);
  });

  it('in article text: the figure with its qualifier and the month it was reported', () => {
    const facts = new Map([[apprentices.key, apprentices]]);
    const text = 'The count was {{fact:council.apprentices}}, reported in {{from:council.apprentices}}.';
    expect(renderFactReferences(text, { facts }, '2018-06-01')).toBe(
      'The count was over 100, reported in February 2018.',
    );
    expect(renderFactReferences(text, { facts }, TODAY)).toBe('The count was 134, reported in February 2020.');
  });
});
