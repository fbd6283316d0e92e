import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chronoDates, findDates, mayHoldDate } from '../../../src/understand/values/read-date.js';

const AS_OF = '2026-12-03';

/** Messages chrono-node reads in surprising ways, and plain ones it finds nothing in. */
const MESSAGES = [
  'what is the levy allowance?',
  'how much levy on a £5m pay bill',
  'levy transfer limit in 2020?',
  'is the 10% top up going in august 2026',
  'apprentice starting 1st May 2027',
  'starting 1stmay',
  'in march',
  'inmarch please',
  'from 01/09/2026',
  'started 2026-09-01',
  'start 5/2027',
  'next friday',
  'nextfriday',
  'monday of next week',
  'in 2 weeks',
  'in 2 weeksago',
  'three days later',
  'a day ago',
  'within the year',
  'in the day',
  'this lasts',
  'the money',
  'the m',
  'tomorrow',
  'last night',
  'lastnight',
  'this morning at 10',
  'at 10:30',
  'end of the month',
  'the provider is now quoting 14k',
  'they said them and they tend to',
  'what do they pay, as it has to be paid',
  'co-investment for a 20 year old',
  '20 hrs a week',
];

function projectMessages(): string[] {
  const texts = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'text' || key === 'question') && typeof inner === 'string') texts.add(inner);
        else collect(inner);
      }
    }
  };
  for (const folder of ['knowledge/understanding', 'test/understanding', 'test/eval', 'test/heldout']) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yml'))) {
      collect(parse(readFileSync(join(folder, file), 'utf8')));
    }
  }
  return [...texts];
}

describe('the date pre-check', () => {
  it('gives the same dates as asking chrono-node, for messages it reads in surprising ways', () => {
    for (const message of MESSAGES) {
      expect(findDates(message, AS_OF), message).toEqual(chronoDates(message, AS_OF));
    }
  });

  it('lets through every message chrono-node finds a date in, glued words included', () => {
    const dated = MESSAGES.filter((message) => chronoDates(message, AS_OF).length > 0);
    expect(dated).toContain('this lasts');
    expect(dated).toContain('the money');
    for (const message of dated) expect(mayHoldDate(message), message).toBe(true);
  });

  it('does not ask chrono-node about messages with no date in them', () => {
    expect(mayHoldDate('what is the levy allowance?')).toBe(false);
    expect(mayHoldDate('levy transfer limit in 2020?')).toBe(false);
    expect(mayHoldDate('do we pay the levy if our pay bill is £2,000,000')).toBe(false);
  });

  it('gives the same dates as chrono-node for every message in the project', () => {
    const messages = projectMessages();
    expect(messages.length).toBeGreaterThan(3000);
    for (const message of messages) {
      const variant = message.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1');
      for (const text of [message, variant]) expect(findDates(text, AS_OF), text).toEqual(chronoDates(text, AS_OF));
    }
  });
});
