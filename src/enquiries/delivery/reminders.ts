import { errorCode } from '../../errors.js';
import type { TriagePublisher } from '../enquiry-queue.js';
import type { EventLog } from '../queue/event-log.js';
import { OPEN_STATUSES, type QueueContext, SYSTEM_ACTOR } from '../queue/queue-context.js';
import { WORKING_DAY_MS, workingMsBetween } from '../working-hours.js';

const REMINDER_LEASE_MS = 600_000;

/**
 * Re-announces enquiries left unclaimed past the SLA and flags claims untouched for `staleClaimWorkingDays`, both in
 * working time (weekends and bank holidays excluded). Each reminder is sent once, under a lease.
 */
export async function sendReminders(
  context: QueueContext,
  events: EventLog,
  publishers: TriagePublisher[],
): Promise<{ sent: number; failed: number }> {
  const { store, log, now, settings, owner } = context;
  let sent = 0;
  let failed = 0;
  const at = now();
  const open = await events.loadMany(await events.allReferences(OPEN_STATUSES));
  for (const state of open) {
    const { enquiry } = state;
    let kind: 'unclaimed' | 'stale-claim' | undefined;
    let lease = '';
    if (enquiry.status === 'new') {
      const reminded = enquiry.history.some((entry) => entry.action === 'reminded');
      if (!reminded && workingMsBetween(new Date(enquiry.createdAt), at) >= settings.slaHours * 3_600_000) {
        kind = 'unclaimed';
        lease = `remind:unclaimed:${enquiry.reference}`;
      }
    } else if (enquiry.status === 'claimed') {
      const lastTouch = enquiry.history.findLast((entry) => entry.action !== 'reminded');
      const remindedSince = enquiry.history.some(
        (entry) => entry.action === 'reminded' && lastTouch !== undefined && entry.seq > lastTouch.seq,
      );
      const limitMs = settings.staleClaimWorkingDays * WORKING_DAY_MS;
      if (lastTouch && !remindedSince && workingMsBetween(new Date(lastTouch.at), at) >= limitMs) {
        kind = 'stale-claim';
        lease = `remind:stale:${enquiry.reference}:${lastTouch.seq}`;
      }
    }
    if (kind === undefined) continue;
    if (!(await store.insertIfAbsent(context.storage.namespaces.leases, lease, owner, { ttlMs: REMINDER_LEASE_MS }))) {
      continue;
    }
    const presented = await events.presentOne(state);
    try {
      for (const publisher of publishers) await publisher.remind(presented, kind);
    } catch (error) {
      failed += 1;
      log.warn({ reference: enquiry.reference, kind, code: errorCode(error) }, 'enquiry reminder failed');
      continue;
    }
    const reminderKind = kind;
    await events.act(enquiry.reference, SYSTEM_ACTOR, () => ({
      ok: true,
      event: { type: 'reminded', data: { kind: reminderKind } },
    }));
    sent += 1;
    log.info({ reference: enquiry.reference, kind }, 'enquiry reminder sent');
  }
  return { sent, failed };
}
