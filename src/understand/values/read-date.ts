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

/*
 * What chrono-node needs before any of its parsers can match, read from the patterns of its English parsers: a
 * month or weekday name, a casual day or time word, a time unit after a number or a relative word, or digits in a
 * date's shape. Word edges are chrono's own (any character but a letter, digit or underscore), and each name may
 * be glued to the words chrono lets run into it ("1stmay", "nextfriday", "daysago"). A clock time alone ("at 10")
 * is left out: it never names a month, so findDates drops it. A message matching none of these gets no date from
 * chrono, so it is not asked: the answers are the same, without the cost.
 */
const UNIT =
  'seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mos?|mon|qtr|quarters?|years?|yrs?|y';
const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|the';
const NUMBER = `\\d+(?:\\.\\d+)?|${NUMBER_WORD}|half(?:\\s*an?)?|an?\\b|a?\\s*couple\\s*(?:of)?`;
const ORDINAL_WORD =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth';
const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const WEEKDAY =
  'sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday|sun|mon|tues?|wed|thu(?:rs?)?|fri|sat';
const EDGE = '[^a-z0-9_]';
const RELATIVE = 'this|last|past|next|after';
const DATE_SHAPED = [
  // Day, month and year in figures: 1/5/2020, 01.05.20, 2020-05-01, 5/2027, "2020 5 1".
  /\d[/.-]\d|\d{4}\s\d/,
  // A month's name, alone or run into an ordinal, "of", "in", a year or a day: "may", "1stmay", "inmarch", "may1".
  new RegExp(`(?<=^|[^a-z_]|st|nd|rd|th|of|in|be|ad|bc|ce)(?:${MONTH})(?=[^a-z_]|$|of|${ORDINAL_WORD})`, 'i'),
  // A weekday, with the words chrono reads around it: "on monday", "nextfriday", "monday of next week".
  new RegExp(`(?<=^|${EDGE}|on|${RELATIVE})(?:${WEEKDAY})(?=${EDGE}|$|of|${RELATIVE})`, 'i'),
  // Casual days and times of day: today, tmrw, last night, this morning, noon.
  /(?<![a-z0-9_])(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday)(?![a-z0-9_])|(?:night|morning|afternoon|evening|midnight|midday|noon)(?![a-z0-9_])|end\s+of\s+(?:the\s+)?month/i,
  // A unit after a relative word: "next month", "this week", "lasts" (chrono's "last second").
  new RegExp(`(?<![a-z0-9_])(?:${RELATIVE}|after\\s*this)\\s*(?:${UNIT})(?![a-z0-9_])`, 'i'),
  // A unit after a number, as chrono's "within", "ago" and "later" parsers read it: "5m", "in 2 weeks", "a day ago".
  new RegExp(
    `(?<=^|${EDGE}|in|for|within|about|around|roughly|approximately|just|${RELATIVE})(?:${NUMBER})\\s*(?:${UNIT})` +
      `(?=${EDGE}|$|and|ago|before|earlier|later|after|from|henceforth|forward|out|${NUMBER_WORD}|half|an?\\b|a?\\s*couple)`,
    'i',
  ),
];

/** Whether chrono-node could find a date in the text: false only when none of its parsers can match. */
export function mayHoldDate(text: string): boolean {
  return DATE_SHAPED.some((pattern) => pattern.test(text));
}

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
 * A short month name after "next" or a word for starting ("next oct", "starting jan", "from feb"), which chrono-node
 * reads only after "in".
 */
const NEXT_SHORT_MONTH =
  /\b(next|coming|this|starting|starts|start|from|beginning|begins|commencing)(\s+)(?=(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)/gi;

/**
 * The text with "next oct" or "starting jan" as "in   oct" or "in       jan" (same length, so positions stay): the
 * next such month after the as-of date.
 */
function withNextMonth(text: string): string {
  return text.replace(NEXT_SHORT_MONTH, (_match, word: string, space: string) => `${'in'.padEnd(word.length)}${space}`);
}

/**
 * Dates in a message, read the British way (day before month) with chrono-node. A month without a day is the 1st
 * of that month; a month without a year ("next September", "in March") is the next one after the as-of date.
 * Bare years and relative phrases without a month ("the year before") are not dates here: tax years and follow-ups
 * have their own readers.
 */
export function findDates(text: string, asOf: string): readonly FoundDate[] {
  // chrono-node is the slowest step of understanding: a message none of its parsers can match has no date.
  // The old coarse check first: it is cheaper, and a message failing it gets no date either way.
  if (!(MAYBE_DATE.test(text) && mayHoldDate(text))) return [];
  // One message is read for dates several times (its time, then each calculator's start date): chrono runs once.
  const key = `${asOf}\u0000${text}`;
  const cached = recentDates.get(key);
  if (cached) return cached;
  const found = Object.freeze(chronoDates(text, asOf));
  if (recentDates.size >= RECENT_DATES) recentDates.clear();
  recentDates.set(key, found);
  return found;
}

/** The dates of the last few messages read, by as-of date and text. */
const recentDates = new Map<string, readonly FoundDate[]>();
const RECENT_DATES = 64;

/**
 * The dates chrono-node reads in a text with a digit or a date word, without the finer pre-check: what findDates
 * gives wherever it asks chrono, and what it must give everywhere.
 */
export function chronoDates(text: string, asOf: string): FoundDate[] {
  if (!MAYBE_DATE.test(text)) return [];
  const results = loadChrono().en.GB.parse(withNextMonth(text), referenceOf(asOf), { forwardDate: true });
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
