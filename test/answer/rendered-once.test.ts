import { beforeAll, describe, expect, it } from 'vitest';
import { markdownAsOf } from '../../src/answer/compose/text-as-of.js';
import { findDates } from '../../src/understand/values/index.js';
import { type Facts, loadFacts } from '../helpers/facts.js';

// Section text and message dates are kept once worked out; what is kept must still depend on the date asked about.
let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

describe('text and dates worked out once', () => {
  it('renders the same section text for each date asked about, however often it is asked', () => {
    const text = 'The London Living Wage is {{fact:llw.rate}}.';
    const first = markdownAsOf(text, facts, '2020-06-01');
    const later = markdownAsOf(text, facts, '2026-06-01');
    expect(first).toBe('The London Living Wage is £10.75 an hour.');
    expect(later).toBe('The London Living Wage is £14.80 an hour.');
    expect(markdownAsOf(text, facts, '2020-06-01')).toBe(first);
  });

  it('reads a message’s dates against the as-of date it is given each time', () => {
    expect(findDates('starting next march', '2026-12-04')[0]?.date).toBe('2027-03-01');
    expect(findDates('starting next march', '2025-12-04')[0]?.date).toBe('2026-03-01');
    expect(findDates('starting next march', '2026-12-04')[0]?.date).toBe('2027-03-01');
  });
});
