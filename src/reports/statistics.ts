/** Nearest-rank percentile of already sorted numbers (p in 0..1); undefined for none. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Median and 90th percentile (nearest rank) in hours, to one decimal place. */
export function summarise(hours: number[]): { count: number; medianHours?: number; p90Hours?: number } {
  const sorted = [...hours].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  const p90 = percentile(sorted, 0.9);
  return {
    count: sorted.length,
    ...(median !== undefined && { medianHours: round1(median) }),
    ...(p90 !== undefined && { p90Hours: round1(p90) }),
  };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Counts of each key, in the order of `keys` (zeros kept, so every report has the same rows). */
export function countBy<Item>(items: readonly Item[], keys: readonly string[], keyOf: (item: Item) => string) {
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}
