import type { Logger } from '../../log.js';
import type { Store } from '../../store/create-store.js';
import type { EventActor } from '../enquiry-events.js';
import type { EnquiryStatus } from '../enquiry-queue.js';
import type { EnquiryStorage } from '../enquiry-storage.js';

export type QueueSettings = { slaHours: number; retentionDays: number; staleClaimWorkingDays: number };

export type Timers = { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };

/** What every part of the queue shares: the store, its records, the clock and this process's lease owner id. */
export type QueueContext = {
  store: Store;
  log: Logger;
  now: () => Date;
  settings: QueueSettings;
  storage: EnquiryStorage;
  /** Names this process in leases and reference allocations. */
  owner: string;
  /** Set while the delivery loop runs: asks it to deliver now rather than at its next tick. */
  wake: { delivery?: (() => void) | undefined };
};

export const OPEN_STATUSES: EnquiryStatus[] = ['new', 'claimed'];
export const SYSTEM_ACTOR: EventActor = { platform: 'cli', userId: 'skills-desk', name: 'Skills Desk' };
/** Index of enquiries whose contact details are (or may be) held, which retention and erasure look through. */
export const CONTACTS_HELD = 'contacts-held';
export const BATCH = 500;
export const DAY_MS = 86_400_000;

/** The event's record of who acted (without the officer flag, which is decided afresh each time). */
export function actorOf(by: { platform: EventActor['platform']; userId: string; name?: string }): EventActor {
  return { platform: by.platform, userId: by.userId, ...(by.name !== undefined && { name: by.name }) };
}
