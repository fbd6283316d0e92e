/** Per-person limit on questions: at most `limitPerMinute` in any rolling minute. */
export type RateLimiter = {
  /** Counts a question; false (and not counted) when the person is over the limit. */
  tryTake(userId: string): boolean;
};

const WINDOW_MS = 60_000;

export function createRateLimiter(options: { limitPerMinute: number; now: () => Date }): RateLimiter {
  const recent = new Map<string, number[]>();
  return {
    tryTake(userId) {
      const nowMs = options.now().getTime();
      const kept = (recent.get(userId) ?? []).filter((at) => at > nowMs - WINDOW_MS);
      if (kept.length >= options.limitPerMinute) {
        recent.set(userId, kept);
        return false;
      }
      kept.push(nowMs);
      recent.set(userId, kept);
      // Forget people who have gone quiet so the map does not grow without bound.
      if (recent.size > 10_000) {
        for (const [key, times] of recent) {
          if (times.every((at) => at <= nowMs - WINDOW_MS)) recent.delete(key);
        }
      }
      return true;
    },
  };
}
