// Working time for SLAs and reports: Monday to Friday, 09:00 to 17:00 in Europe/London (GMT or BST as in force
// that day), England and Wales bank holidays excluded (from `date-holidays`, substitute days included).
import { createRequire } from 'node:module';
import { TZDate } from '@date-fns/tz';
import type HolidaysType from 'date-holidays';

const LONDON = 'Europe/London';
const START_HOUR = 9;
const END_HOUR = 17;
export const WORKING_DAY_MS = (END_HOUR - START_HOUR) * 3_600_000;
const DAY_MS = 86_400_000;

// The holiday calendar takes a fifth of a second to load, so it is loaded when a working time is first worked out,
// not when a command that never needs one starts.
let englandAndWales: HolidaysType | undefined;
function calendar(): HolidaysType {
  if (englandAndWales === undefined) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
    englandAndWales = new Holidays('GB', 'ENG');
  }
  return englandAndWales;
}
const bankHolidaysByYear = new Map<number, Set<string>>();

/** England and Wales bank holidays of a year, as YYYY-MM-DD. */
export function bankHolidays(year: number): Set<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = new Set(
      calendar()
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

// Made when a London date is first worked out: creating a time-zone format at load costs every command's start-up.
let londonParts: Intl.DateTimeFormat | undefined;

type DayParts = { year: number; month: number; day: number };

// London's offset from UTC changes only on the hour (01:00 UTC), so every instant in one UTC hour falls on the same
// London day: the parts are worked out once per hour. Reports ask for hundreds of thousands of them.
const HOUR_MS = 3_600_000;
const partsByHour = new Map<number, DayParts>();
const PARTS_CACHE_LIMIT = 200_000;

function partsOf(date: Date): DayParts {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  const cached = partsByHour.get(hour);
  if (cached !== undefined) return cached;
  if (partsByHour.size >= PARTS_CACHE_LIMIT) partsByHour.clear();
  const parts = formatParts(date);
  partsByHour.set(hour, parts);
  return parts;
}

function formatParts(date: Date): DayParts {
  const parts: Record<string, number> = {};
  londonParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  for (const part of londonParts.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
  };
}

const isoDay = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The calendar date in London, YYYY-MM-DD. */
export function londonDate(date: Date): string {
  const { year, month, day } = partsOf(date);
  return isoDay(year, month, day);
}

/** Whether a London calendar day (YYYY-MM-DD) is a working day: a weekday that is not a bank holiday. */
export function isWorkingDay(day: string): boolean {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(date.getUTCFullYear()).has(day);
}

/** The instant at which the London wall clock shows `hour`:00 on the given London calendar day. */
function londonInstant(year: number, month: number, day: number, hour: number): number {
  return new TZDate(year, month - 1, day, hour, LONDON).getTime();
}

const workingWindows = new Map<number, readonly [number, number] | null>();

/** The working window (09:00 and 17:00 London as instants) of a London day at UTC midnight `cursor`; null if none. */
function workingWindow(cursor: number): readonly [number, number] | null {
  let window = workingWindows.get(cursor);
  if (window === undefined) {
    const day = new Date(cursor);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    window = isWorkingDay(isoDay(y, m, d))
      ? [londonInstant(y, m, d, START_HOUR), londonInstant(y, m, d, END_HOUR)]
      : null;
    workingWindows.set(cursor, window);
  }
  return window;
}

/** Milliseconds of working time between two instants (0 when `end` is not after `start`). */
export function workingMsBetween(start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  let total = 0;
  const first = partsOf(start);
  // Walk London calendar days from the start's day to the end's day.
  let cursor = Date.UTC(first.year, first.month - 1, first.day);
  const last = partsOf(end);
  const lastDay = Date.UTC(last.year, last.month - 1, last.day);
  while (cursor <= lastDay) {
    const window = workingWindow(cursor);
    if (window !== null) {
      const from = Math.max(window[0], start.getTime());
      const to = Math.min(window[1], end.getTime());
      if (to > from) total += to - from;
    }
    cursor += DAY_MS;
  }
  return total;
}
