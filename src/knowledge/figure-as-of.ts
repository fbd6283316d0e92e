import type { Fact, FactValue } from './fact-schema.js';

/** The last day a value applied: its own `to`, else the day before the next value starts, else open. */
export function lastDayOf(fact: Fact, entry: FactValue): string | undefined {
  if (entry.to) return entry.to;
  // The loader keeps values oldest first.
  const later = fact.values.find((other) => other.from > entry.from);
  if (!later) return undefined;
  const day = new Date(`${later.from}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The value in force on `isoDate`, or undefined when the sources give none for that day. */
export function figureAsOf(fact: Fact, isoDate: string): FactValue | undefined {
  for (let position = fact.values.length - 1; position >= 0; position -= 1) {
    const entry = fact.values[position] as FactValue;
    if (entry.from <= isoDate) return (lastDayOf(fact, entry) ?? '9999-12-31') >= isoDate ? entry : undefined;
  }
  return undefined;
}

/** Every value that applied at some point between two dates (inclusive), oldest first. */
export function figuresDuring(fact: Fact, startIso: string, endIso: string): FactValue[] {
  return fact.values.filter((entry) => entry.from <= endIso && (lastDayOf(fact, entry) ?? '9999-12-31') >= startIso);
}

/** The full history, oldest first. */
export function figureHistory(fact: Fact): FactValue[] {
  return fact.values;
}

/** The next value after `isoDate`, when the sources already give one (an announced change). */
export function nextFigureAfter(fact: Fact, isoDate: string): FactValue | undefined {
  return figureHistory(fact).find((entry) => entry.from > isoDate);
}
