// Working time for SLAs: Monday to Friday, 09:00 to 17:00 in Europe/London (GMT or BST as in force that day).
// Bank holidays are not excluded.

const START_HOUR = 9;
const END_HOUR = 17;
export const WORKING_DAY_MS = (END_HOUR - START_HOUR) * 3_600_000;
const DAY_MS = 86_400_000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts: Record<string, number> = {};
  for (const part of londonParts.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The calendar date in London, YYYY-MM-DD. */
export function londonDate(date: Date): string {
  const { year, month, day } = partsOf(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant at which the London wall clock shows `hour`:00 on the given London calendar day. */
function londonInstant(year: number, month: number, day: number, hour: number): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  // London is UTC or UTC+1; find the offset in force at that wall time.
  const shown = partsOf(new Date(guess));
  const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
  return guess - (shownAsUtc - guess);
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
    const day = new Date(cursor);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      const y = day.getUTCFullYear();
      const m = day.getUTCMonth() + 1;
      const d = day.getUTCDate();
      const open = londonInstant(y, m, d, START_HOUR);
      const close = londonInstant(y, m, d, END_HOUR);
      const from = Math.max(open, start.getTime());
      const to = Math.min(close, end.getTime());
      if (to > from) total += to - from;
    }
    cursor += DAY_MS;
  }
  return total;
}
