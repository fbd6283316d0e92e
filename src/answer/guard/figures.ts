import { MONTHS as MONTH_TITLES } from '../../knowledge/format.js';
import { readNumberAt, SHARE_WORDS, startsSpelledNumber } from './spelled-numbers.js';
import { round, type Token, tokenize } from './tokens.js';

/** What a figure measures: a day of a date never stands for an age, nor 0.5% for £0.5. */
export type FigureKind =
  | 'money'
  | 'percent'
  | 'date'
  | 'month'
  | 'day'
  | 'year'
  | 'age'
  | 'duration'
  | 'count'
  | 'level'
  | 'ordinal';

export type Figure = {
  kind: FigureKind;
  /** The figure's identity, kind and value: "money:14.8", "date:2025-10-22", "duration:8:month". */
  key: string;
  /** The figure as written. */
  text: string;
  start: number;
  end: number;
  /** For a count, the word after it: the thing counted ("staff", "placements"). */
  noun?: string;
};

const MONTHS = MONTH_TITLES.map((month) => month.toLowerCase());
const DURATION_UNITS: Record<string, string> = {
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
};
const AGE_WORDS = new Set(['aged', 'age', 'ages']);
const AGE_QUALIFIERS = new Set(['under', 'over', 'between', 'least', 'at', 'up', 'to', 'from']);
const RANGE_JOINS = new Set(['to', 'or', 'and', '-', '–']);
const NAMED = new Set(['hackney', 'section', 'level', 'levels']);
const pad = (n: number) => String(n).padStart(2, '0');

type Reading = { value: number; first: number; next: number; written: 'digits' | 'words' };

/** Reads a number (digits or words) at `at`, if one starts there. */
function numberAt(tokens: Token[], at: number): Reading | undefined {
  const token = tokens[at];
  if (!token) return undefined;
  if (token.digits === undefined && !startsSpelledNumber(tokens, at)) return undefined;
  const read = readNumberAt(tokens, at);
  if (!read) return undefined;
  return { value: read.value, first: at, next: read.next, written: token.digits === undefined ? 'words' : 'digits' };
}

/** A unit word right after a number, skipping one hyphen ("30-hour", "16-year-old"). */
function unitAfter(tokens: Token[], at: number): { word: string; index: number } | undefined {
  let index = at;
  if (tokens[index]?.lower === '-') index += 1;
  if (tokens[index]?.lower === 'working') index += 1;
  const word = tokens[index]?.lower;
  return word === undefined ? undefined : { word, index };
}

function isYearOld(tokens: Token[], at: number): boolean {
  const unit = unitAfter(tokens, at);
  if (!unit || (unit.word !== 'year' && unit.word !== 'years')) return false;
  let index = unit.index + 1;
  if (tokens[index]?.lower === '-') index += 1;
  const word = tokens[index]?.lower ?? '';
  return word === 'old' || word === 'olds';
}

/** Whether the number at `at` follows an age word ("aged 16", "aged under 25", "aged between 16 and 18"). */
function followsAgeWord(tokens: Token[], at: number): boolean {
  for (let back = at - 1, steps = 0; back >= 0 && steps < 3; back -= 1, steps += 1) {
    const word = tokens[back]?.lower ?? '';
    if (AGE_WORDS.has(word)) return true;
    if (!AGE_QUALIFIERS.has(word)) return false;
  }
  return false;
}

/** A run of numbers joined by "to", "or", "and" or a dash ("16 to 18", "45 or 60"), as readings. */
function rangeFrom(tokens: Token[], first: Reading): Reading[] {
  const run = [first];
  let last = first;
  for (;;) {
    const join = tokens[last.next]?.lower ?? '';
    if (!RANGE_JOINS.has(join)) break;
    const following = numberAt(tokens, last.next + 1);
    if (!following || tokens[last.next + 1]?.suffix !== undefined) break;
    run.push(following);
    last = following;
  }
  return run;
}

function make(tokens: Token[], text: string, from: number, to: number, kind: FigureKind, value: string): Figure {
  const start = (tokens[from] as Token).start;
  const end = (tokens[to - 1] as Token).end;
  return { kind, key: `${kind}:${value}`, text: text.slice(start, end), start, end };
}

/** A date at `at`: "22 October 2025", "1st April", "2025-10-22"; or a month and year, "October 2025". */
function dateAt(tokens: Token[], text: string, at: number): { figure: Figure; next: number } | undefined {
  const token = tokens[at] as Token;
  const month = MONTHS.indexOf(token.lower);
  const yearAt = (index: number) => {
    const candidate = tokens[index];
    return candidate?.digits !== undefined && /^\d{4}$/.test(candidate.text) ? candidate.digits : undefined;
  };
  if (month >= 0) {
    const year = yearAt(at + 1);
    if (year === undefined) return undefined;
    return { figure: make(tokens, text, at, at + 2, 'month', `${year}-${pad(month + 1)}`), next: at + 2 };
  }
  const day = token.digits;
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) {
    if (/^\d{4}$/.test(token.text) && tokens[at + 1]?.lower === '-' && /^\d{2}$/.test(tokens[at + 2]?.text ?? '')) {
      const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.slice(token.start));
      if (iso) return { figure: make(tokens, text, at, at + 5, 'date', iso[0]), next: at + 5 };
    }
    return undefined;
  }
  if (token.suffix !== undefined && !['st', 'nd', 'rd', 'th'].includes(token.suffix)) return undefined;
  const monthIndex = MONTHS.indexOf(tokens[at + 1]?.lower ?? '');
  if (monthIndex < 0) return undefined;
  const year = yearAt(at + 2);
  if (year === undefined)
    return { figure: make(tokens, text, at, at + 2, 'day', `${pad(monthIndex + 1)}-${pad(day)}`), next: at + 2 };
  return {
    figure: make(tokens, text, at, at + 3, 'date', `${year}-${pad(monthIndex + 1)}-${pad(day)}`),
    next: at + 3,
  };
}

/** The kind of a number read as a plain value, from the words around it. */
function classify(
  tokens: Token[],
  reading: Reading,
  ageRange: boolean,
): { kind: FigureKind; value: string; next: number; noun?: string } {
  const before = tokens[reading.first - 1]?.lower ?? '';
  const token = tokens[reading.first] as Token;
  let next = reading.next;
  const value = reading.value;
  if (before === '£' || token.suffix === 'p')
    return { kind: 'money', value: String(token.suffix === 'p' ? round(value / 100) : value), next };
  const after = tokens[next]?.lower ?? '';
  if (after === 'pounds') return { kind: 'money', value: String(value), next: next + 1 };
  if (after === '%') return { kind: 'percent', value: String(value), next: next + 1 };
  if (after === 'percent') return { kind: 'percent', value: String(value), next: next + 1 };
  if (after === 'per' && tokens[next + 1]?.lower === 'cent')
    return { kind: 'percent', value: String(value), next: next + 2 };
  if (token.suffix && ['st', 'nd', 'rd', 'th'].includes(token.suffix)) {
    if (after === 'birthday') return { kind: 'age', value: String(value), next };
    return { kind: 'ordinal', value: String(value), next };
  }
  if (ageRange || followsAgeWord(tokens, reading.first) || isYearOld(tokens, next))
    return { kind: 'age', value: String(value), next };
  if (after === 'and' && tokens[next + 1]?.lower === 'over') return { kind: 'age', value: String(value), next };
  const unit = unitAfter(tokens, next);
  const duration = unit ? DURATION_UNITS[unit.word] : undefined;
  if (duration) return { kind: 'duration', value: `${value}:${duration}`, next: (unit as { index: number }).index + 1 };
  if (before === 'level' || before === 'levels') return { kind: 'level', value: String(value), next };
  if (reading.written === 'digits' && /^\d{4}$/.test(token.text) && value >= 1900 && value <= 2100)
    return { kind: 'year', value: String(value), next };
  const noun = /^[a-z]+$/.test(after) ? after : undefined;
  next = reading.next;
  return { kind: 'count', value: String(value), next, ...(noun !== undefined && { noun }) };
}

/** A two-digit year ending a span: "2024-25", "2017/18", read as the later year. */
function shortYearAfter(tokens: Token[], at: number, year: number): number | undefined {
  const join = tokens[at]?.lower ?? '';
  const short = tokens[at + 1];
  if ((join !== '-' && join !== '/' && join !== '–') || !short || !/^\d{2}$/.test(short.text)) return undefined;
  return (year + 1) % 100 === short.digits ? year + 1 : undefined;
}

/**
 * Every figure in a text, typed by kind: amounts of money, percentages and shares ("half"), dates, months, days,
 * years, ages, durations, counts, levels and ordinals, in digits or in words ("fifteen", "two thousand").
 */
export function extractFigures(text: string): Figure[] {
  const tokens = tokenize(text);
  const figures: Figure[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at] as Token;
    const date = dateAt(tokens, text, at);
    if (date) {
      figures.push(date.figure);
      at = date.next;
      continue;
    }
    const share = SHARE_WORDS[token.lower];
    if (share !== undefined) {
      const three = tokens[at - 1]?.lower === 'three' && token.lower === 'quarters';
      figures.push(make(tokens, text, at, at + 1, 'percent', String(three ? 75 : share)));
      at += 1;
      continue;
    }
    const before = tokens[at - 1]?.lower ?? '';
    const reading = numberAt(tokens, at);
    const bareOne = reading?.written === 'words' && reading.value === 1 && reading.next === at + 1;
    if (!reading || (NAMED.has(before) && before !== 'level' && before !== 'levels')) {
      at += reading ? reading.next - at : 1;
      continue;
    }
    if (bareOne && !unitAfter(tokens, reading.next)?.word.match(/^(hours?|days?|weeks?|months?|years?)$/)) {
      at += 1;
      continue;
    }
    if (tokens[at + 1]?.lower === 'quarters' && reading.value === 3) {
      at += 1;
      continue;
    }
    const run = rangeFrom(tokens, reading);
    const last = run[run.length - 1] as Reading;
    const lastClass = classify(tokens, last, false);
    const year = reading.written === 'digits' && /^\d{4}$/.test(token.text) ? reading.value : undefined;
    const laterYear = year !== undefined ? shortYearAfter(tokens, reading.next, year) : undefined;
    if (laterYear !== undefined) {
      figures.push(make(tokens, text, at, at + 1, 'year', String(year)));
      figures.push(make(tokens, text, at + 2, at + 3, 'year', String(laterYear)));
      at += 3;
      continue;
    }
    // In a range the unit is said once, after the last number: "16 to 18 year olds", "2 to 3 years".
    // An age or level word before the first number covers the whole range: "aged 16 to 18", "levels 2 to 7".
    const firstClass = run.length > 1 ? classify(tokens, reading, false) : lastClass;
    const leading = run.length > 1 && (firstClass.kind === 'age' || firstClass.kind === 'level');
    const shared = leading || (run.length > 1 && ['age', 'duration', 'percent', 'level'].includes(lastClass.kind));
    const rangeClass = leading ? firstClass : lastClass;
    for (const part of run) {
      const partClass = part === last ? lastClass : classify(tokens, part, rangeClass.kind === 'age' && shared);
      let kind = partClass.kind;
      let value = partClass.value;
      if (shared && part !== (leading ? reading : last) && (kind === 'count' || kind === 'year')) {
        kind = rangeClass.kind;
        value = rangeClass.kind === 'duration' ? `${part.value}:${rangeClass.value.split(':')[1]}` : String(part.value);
      }
      const from = kind === 'money' && tokens[part.first - 1]?.lower === '£' ? part.first - 1 : part.first;
      const figure = make(tokens, text, from, part === last ? lastClass.next : part.next, kind, value);
      if (partClass.noun !== undefined && kind === 'count') figure.noun = partClass.noun;
      figures.push(figure);
    }
    at = Math.max(lastClass.next, last.next);
  }
  return figures;
}
