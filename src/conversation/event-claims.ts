import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';

/**
 * Slack re-sends an event it thinks was missed (x-slack-retry-num) and Teams may re-deliver an activity. Before
 * acting on one the conversation claims its id in the store; only the first claim wins, on this replica or any other.
 */
export type EventClaims = {
  /** 'first' to act on it, 'repeat' to drop it, 'unknown' when the store could not say (act on it: never silence). */
  claim(platform: string, eventId: string | undefined): Promise<'first' | 'repeat' | 'unknown'>;
};

const CLAIM_TTL_MS = 3_600_000;
const NAMESPACE = 'conversation-events';

export function createEventClaims(store: Store, log: Logger): EventClaims {
  // Claims made by this process, so a retry that arrives while the store is failing is still caught here.
  const local = new Map<string, number>();
  return {
    async claim(platform, eventId) {
      if (eventId === undefined) return 'first';
      const key = `${platform}:${eventId}`;
      const nowMs = Date.now();
      if ((local.get(key) ?? 0) > nowMs) {
        log.info({ eventId, platform }, 'ignored a repeated event');
        return 'repeat';
      }
      local.set(key, nowMs + CLAIM_TTL_MS);
      if (local.size > 20_000) for (const [old, until] of local) if (until <= nowMs) local.delete(old);
      try {
        const isFirst = await store.insertIfAbsent(NAMESPACE, key, true, { ttlMs: CLAIM_TTL_MS });
        if (!isFirst) log.info({ eventId, platform }, 'ignored a repeated event');
        return isFirst ? 'first' : 'repeat';
      } catch (error) {
        log.error({ err: error, eventId, platform }, 'could not record the event claim; answering anyway');
        return 'unknown';
      }
    },
  };
}
