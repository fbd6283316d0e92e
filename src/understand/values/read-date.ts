import { lazyModule } from '../../lazy-module.js';

/** chrono-node takes longer to load than the rest of understanding: it is loaded when a message may hold a date. */
const loadChrono = lazyModule<typeof import('chrono-node')>('chrono-node');

/** A date found in a message: a day, or a month read as its first day ("March 2027" is 1 March 2027). */
export type FoundDate = {
  /** YYYY-MM-DD. */
  date: string;
  precision: 'day' | 'month';
  /** The words that gave it. */
  text: string;
  index: number;
};

const MAYBE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|tonight|tomorrow|yesterday|week|fortnight|month|year|christmas|easter|new year|noon|midnight|mon|tue|wed|thu|fri|sat|sun|next|last|this|ago|later|earlier)/i;
const DURATION = /\b(?:hours?|hrs?|minutes?|mins?|days?|weeks?|fortnights?|months?|years?)\b/i;
const RELATIVE_START = /^(?:in|next|this|last|within|from|after)\b/i;
/** "5m" and "2.5k" are money in these messages, never five minutes from now. */
const AMOUNT_SHORTHAND = /^\d+(?:[.,]\d+)?\s*(?:m|mn|k|bn|h|s)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** Noon UTC on the as-of day, so a time zone can never move the reference to the day before. */
function referenceOf(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`);
}

/**
 * Dates in a message, read the British way (day before month) with chrono-node. A month without a day is the 1st
 * of that month; a month without a year ("next September", "in March") is the next one after the as-of date.
 * Bare years and relative phrases without a month ("the year before") are not dates here: tax years and follow-ups
 * have their own readers.
 */
export function findDates(text: string, asOf: string): FoundDate[] {
  // chrono-node is the slowest step of understanding: a message with no digit, month, day or time word has no date.
  if (!MAYBE_DATE.test(text)) return [];
  const results = loadChrono().en.GB.parse(text, referenceOf(asOf), { forwardDate: true });
  const found: FoundDate[] = [];
  for (const result of results) {
    // "20 hrs a week" and "12 months" are how long, not when: only "in 2 weeks" or "next week" is a date.
    if (DURATION.test(result.text) && !RELATIVE_START.test(result.text)) continue;
    if (AMOUNT_SHORTHAND.test(result.text.trim())) continue;
    // "The provider is now quoting 14k": "now" is when it is said, not a start date.
    if (/^(?:now|right now|just now|currently)$/i.test(result.text.trim())) continue;
    const start = result.start;
    const hasMonth = start.isCertain('month');
    const hasDay = start.isCertain('day');
    const isRelativeDay = /\b(?:today|tomorrow|yesterday|week)\b/i.test(result.text);
    if (!hasMonth && !isRelativeDay) continue;
    const year = start.get('year');
    const month = start.get('month');
    const day = hasDay || isRelativeDay ? start.get('day') : 1;
    if (year === null || month === null || day === null) continue;
    found.push({
      date: `${year}-${pad(month)}-${pad(day)}`,
      precision: hasDay || isRelativeDay ? 'day' : 'month',
      text: result.text,
      index: result.index,
    });
  }
  return found;
}

/** The first date a message names, if any. */
export function readDate(text: string, asOf: string): FoundDate | undefined {
  return findDates(text, asOf)[0];
}
