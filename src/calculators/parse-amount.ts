const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  million: 1_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  billion: 1_000_000_000,
};

/** Reads an amount of money written the way people write it; undefined when it is not one. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase().replace(/^£\s?/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)\s?(k|thousand|mn|m|million|bn|b|billion)?$/.exec(trimmed);
  if (!match) return undefined;
  const number = Number((match[1] as string).replace(/,/g, ''));
  const multiplier = match[2] ? (MULTIPLIERS[match[2]] ?? 1) : 1;
  const value = number * multiplier;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}
