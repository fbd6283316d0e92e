import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import type { Logger } from '../log.js';

/** Per-person limit on questions, the same on every platform: at most `limitPerMinute` in any minute. */
export type RateLimit = {
  /** Counts a question; false (and not counted) when the person is over the limit. */
  tryTake(personKey: string): Promise<boolean>;
  close(): Promise<void>;
};

const WINDOW_SECONDS = 60;
const KEY_PREFIX = 'skills-desk-questions';

/**
 * Uses the configured Redis or PostgreSQL store so every replica shares one count; on SQLite (one process) the
 * count is kept in memory. If the shared store fails, an in-memory limiter stands in (rate-limiter-flexible's
 * insurance limiter), so a store outage never stops questions being answered.
 */
export function createRateLimit(options: {
  storeUrl: string;
  limitPerMinute: number;
  log: Logger;
  keyPrefix?: string;
}): RateLimit {
  // The shared store is connected on first use, so building the app stays synchronous.
  let opened: Promise<Opened> | undefined;
  const open = () => {
    opened ??= openLimiter(options).catch((error: unknown) => {
      options.log.warn({ err: error }, 'rate limit store unavailable; counting in memory');
      return { limiter: new RateLimiterMemory(commonOf(options)), close: async () => {} };
    });
    return opened;
  };
  return {
    async tryTake(personKey) {
      const { limiter } = await open();
      try {
        await limiter.consume(personKey);
        return true;
      } catch (rejection) {
        if (rejection instanceof Error) {
          // Not a "too many" answer but a fault: never refuse a question because the counter failed.
          options.log.warn({ err: rejection }, 'rate limit check failed; question allowed');
          return true;
        }
        return false;
      }
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}

type Opened = { limiter: RateLimiterAbstract; close(): Promise<void> };

function commonOf(options: { limitPerMinute: number; keyPrefix?: string }) {
  return { points: options.limitPerMinute, duration: WINDOW_SECONDS, keyPrefix: options.keyPrefix ?? KEY_PREFIX };
}

async function openLimiter(options: {
  storeUrl: string;
  limitPerMinute: number;
  log: Logger;
  keyPrefix?: string;
}): Promise<Opened> {
  const common = commonOf(options);
  const memory = new RateLimiterMemory(common);
  let limiter: RateLimiterAbstract = memory;
  let close = async () => {};
  const url = options.storeUrl;
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const { createClient } = await import('@redis/client');
    const client = createClient({ url, disableOfflineQueue: true });
    client.on('error', (error: unknown) => options.log.warn({ err: error }, 'rate limit store error'));
    await client.connect();
    limiter = new RateLimiterRedis({ ...common, storeClient: client, useRedisPackage: true, insuranceLimiter: memory });
    close = async () => {
      await client.close().catch(() => undefined);
    };
  } else if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', (error: unknown) => options.log.warn({ err: error }, 'rate limit store error'));
    limiter = await new Promise<RateLimiterAbstract>((resolve, reject) => {
      const created: RateLimiterPostgres = new RateLimiterPostgres(
        { ...common, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', insuranceLimiter: memory },
        (error?: Error) => (error ? reject(error) : resolve(created)),
      );
    });
    close = async () => {
      await pool.end().catch(() => undefined);
    };
  }
  return { limiter, close };
}
