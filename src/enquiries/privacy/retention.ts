import { firstFreeReferenceNumber, formatReference } from '../enquiry-storage.js';
import type { EventLog } from '../queue/event-log.js';
import { BATCH, CONTACTS_HELD, DAY_MS, type QueueContext, SYSTEM_ACTOR } from '../queue/queue-context.js';
import { londonDate } from '../working-hours.js';
import type { Erasure } from './erasure.js';

/** How many years of references the orphan sweep walks back through (retention is at most ten years). */
const YEARS_WALKED = 12;

export type Retention = {
  /** Erases contact details of enquiries resolved or closed more than the retention period ago. */
  applyRetention(): Promise<number>;
  /**
   * Finds every contact record with no enquiry behind it — through the contacts-held index, and by reading every
   * reference ever allocated, so details left by a crash in any version are found — and removes those older than an
   * hour. Returns how many records holding contact details it removed.
   */
  sweepOrphans(): Promise<number>;
};

export function createRetention(context: QueueContext, events: EventLog, erasure: Erasure): Retention {
  const { store, log, now, settings } = context;
  const { sets, contacts, namespaces } = context.storage;

  async function applyRetention(): Promise<number> {
    const cutoff = now().getTime() - settings.retentionDays * DAY_MS;
    const [held, resolved, closed] = await Promise.all([
      sets.members(CONTACTS_HELD),
      sets.members('status:resolved'),
      sets.members('status:closed'),
    ]);
    const finished = new Set([...resolved, ...closed]);
    let erased = 0;
    for (const { enquiry } of await events.loadMany(held.filter((reference) => finished.has(reference)))) {
      if (enquiry.contactErasedAt !== undefined) {
        await sets.remove(CONTACTS_HELD, enquiry.reference);
        continue;
      }
      const finishedAt = enquiry.resolvedAt ?? enquiry.closedAt;
      if (finishedAt === undefined || Date.parse(finishedAt) >= cutoff) continue;
      if (await erasure.erase(enquiry.reference, 'retention', SYSTEM_ACTOR)) erased += 1;
    }
    if (erased > 0) log.info({ erased }, 'contact details erased after the retention period');
    return erased;
  }

  async function contactRecordReferences(): Promise<string[]> {
    const found = new Set(await sets.members(CONTACTS_HELD));
    // References are taken in order, year by year, before anything is stored under them: walking every reference
    // ever allocated finds each contact record, even one no index lists (written by an older version, then a crash).
    const thisYear = Number(londonDate(now()).slice(0, 4));
    for (let year = thisYear - YEARS_WALKED + 1; year <= thisYear; year++) {
      const next = await firstFreeReferenceNumber(store, namespaces.references, year);
      for (let start = 1; start < next; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, next - start) }, (_, offset) =>
          formatReference(year, start + offset),
        );
        const held = await contacts.getMany(batch);
        batch.forEach((reference, index) => {
          if (held[index] !== undefined) found.add(reference);
        });
      }
    }
    return [...found].sort();
  }

  async function sweepOrphans(): Promise<number> {
    const candidates = await contactRecordReferences();
    const existing = new Set((await events.loadMany(candidates)).map((state) => state.enquiry.reference));
    let removed = 0;
    for (const reference of candidates) {
      if (existing.has(reference)) continue;
      if (await erasure.removeOrphan(reference)) removed += 1;
    }
    if (removed > 0) log.warn({ removed }, 'orphaned contact details removed');
    return removed;
  }

  return { applyRetention, sweepOrphans };
}
