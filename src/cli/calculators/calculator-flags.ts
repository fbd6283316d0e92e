import { parseAmount } from '../../calculators/index.js';

// Command-line flags arrive as text; these turn them into the values the calculators' input schemas expect. What
// cannot be read passes through unchanged, so that the schema names the problem instead of a guess being made.

/** "80%" → 0.8 and "0.8" → 0.8; a bare number is a fraction, so "80" is refused by the schema, never guessed. */
export function shareFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const percent = /^(\d+(?:\.\d+)?)\s?%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : value;
}

/** An amount of money as people write it: "5000000", "5m", "£9k". */
export function amountFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return parseAmount(value) ?? value;
}

export function numberFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

/** A yes/no/unknown flag given bare (`--care-leaver`) means yes. */
export function answerFlag(value: string | boolean | undefined): unknown {
  return value === true ? 'yes' : value;
}

/** The flags that were given: a flag left out leaves the schema's default, not an explicit undefined. */
export function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
