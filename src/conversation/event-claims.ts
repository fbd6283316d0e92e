import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';

/**
 * Slack re-sends an event it thinks was missed (x-slack-retry-num) and Teams may re-deliver an activity. Before
 * acting on one the conversation claims its id: first in this process's memory (a retry reaching the same replica
 * costs nothing more), then in the store, so that only the first claim wins on this replica or any other, and
 * after a restart. An answered question is claimed in the store by its answer record (see AnswerRecords.saveOnce),
 * so it makes one write, not two; `claimInStore` is for the outcomes that store no record.
 */
export type EventClaims = {
  /** Memory, then the store: 'first' to act on it, 'repeat' to drop it, 'unknown' when the store could not say. */
  claim(platform: string, eventId: string | undefined): Promise<'first' | 'repeat' | 'unknown'>;
  /** This process's memory only: 'repeat' when it has taken the event already (within the hour). */
  claimHere(platform: string, eventId: string | undefined): 'first' | 'repeat';
  /** The store only, for an event already claimed here ('unknown' when the store could not say: act on it). */
  claimInStore(platform: string, eventId: string | undefined): Promise<'first' | 'repeat' | 'unknown'>;
};

export const CLAIM_TTL_MS = 3_600_000;
const NAMESPACE = 'conversation-events';
/** Claims held in memory at most: an hour of events at several a second, a few megabytes. */
const MAX_LOCAL_CLAIMS = 50_000;

/** The key an event is claimed under, in memory, in the store, and in its answer record. */
export function eventKey(platform: string, eventId: string): string {
  return `${platform}:${eventId}`;
}

export function createEventClaims(store: Store, log: Logger): EventClaims {
  // Claims made by this process, oldest first (every claim lives an hour, so that is also the order they expire
  // in): a retry that arrives while the store is failing is still caught here.
  const local = new Map<string, number>();
  const forgetExpired = (nowMs: number) => {
    for (const [key, until] of local) {
      if (until > nowMs && local.size <= MAX_LOCAL_CLAIMS) break;
      local.delete(key);
    }
  };
  const claimHere: EventClaims['claimHere'] = (platform, eventId) => {
    if (eventId === undefined) return 'first';
    const key = eventKey(platform, eventId);
    const nowMs = Date.now();
    if ((local.get(key) ?? 0) > nowMs) {
      log.info({ eventId, platform }, 'ignored a repeated event');
      return 'repeat';
    }
    local.delete(key);
    local.set(key, nowMs + CLAIM_TTL_MS);
    forgetExpired(nowMs);
    return 'first';
  };
  const claimInStore: EventClaims['claimInStore'] = async (platform, eventId) => {
    if (eventId === undefined) return 'first';
    try {
      const isFirst = await store.insertIfAbsent(NAMESPACE, eventKey(platform, eventId), true, { ttlMs: CLAIM_TTL_MS });
      if (!isFirst) log.info({ eventId, platform }, 'ignored a repeated event');
      return isFirst ? 'first' : 'repeat';
    } catch (error) {
      log.error({ err: error, eventId, platform }, 'could not record the event claim; answering anyway');
      return 'unknown';
    }
  };
  return {
    claimHere,
    claimInStore,
    async claim(platform, eventId) {
      if (claimHere(platform, eventId) === 'repeat') return 'repeat';
      return claimInStore(platform, eventId);
    },
  };
}
