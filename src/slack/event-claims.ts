import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';

/**
 * Slack re-sends an event it thinks was missed (x-slack-retry-num). Before acting on an event the app claims its
 * event_id in the store; only the first claim wins, on this replica or any other, so nothing is answered twice.
 */
export type EventClaims = {
  claim(eventId: string | undefined, retryNum?: number): Promise<boolean>;
};

const CLAIM_TTL_MS = 3_600_000;

export function createEventClaims(store: Store, log: Logger): EventClaims {
  return {
    async claim(eventId, retryNum) {
      if (eventId === undefined) return true;
      const isFirst = await store.insertIfAbsent('slack-events', eventId, true, { ttlMs: CLAIM_TTL_MS });
      if (!isFirst) log.info({ eventId, retryNum }, 'ignored a repeated event');
      return isFirst;
    },
  };
}
