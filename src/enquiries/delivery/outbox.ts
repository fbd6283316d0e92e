import { errorCode } from '../../errors.js';
import type { Enquiry, TriagePost, TriagePublisher } from '../enquiry-queue.js';
import type { PostRecord } from '../enquiry-storage.js';
import type { EventLog } from '../queue/event-log.js';
import type { QueueContext } from '../queue/queue-context.js';
import { type Lease, takeLease } from './lease.js';

/** How long one replica holds an enquiry's publish round; renewed while a post is in flight. */
export const PUBLISH_LEASE_MS = 120_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/**
 * Sends the triage post (or its in-place update) of every enquiry on the outbox through each publisher that has not
 * shown its latest event. One lease per delivery round: while one replica publishes, no other posts it anew.
 */
export async function deliverOutbox(
  context: QueueContext,
  events: EventLog,
  publishers: TriagePublisher[],
  onOrphan: (reference: string) => Promise<unknown>,
): Promise<{ sent: number; failed: number }> {
  const { log, now } = context;
  const { sets, deliveries, postRecords } = context.storage;
  let sent = 0;
  let failed = 0;
  const pending = (await sets.members('outbox')).sort();
  for (const reference of pending) {
    const [current] = await events.loadMany([reference]);
    if (current === undefined) {
      await onOrphan(reference);
      continue;
    }
    const delivery = await deliveries.get(reference);
    if (delivery && delivery.nextAttemptAt > now().getTime()) continue;
    const record: PostRecord = (await postRecords.get(reference)) ?? { round: 0, platforms: {} };
    const due = publishers.filter((publisher) => (record.platforms[publisher.platform]?.seq ?? 0) < current.seq);
    if (due.length > 0) {
      const lease: Lease | undefined = await takeLease(
        context,
        `publish:${reference}:${record.round}`,
        PUBLISH_LEASE_MS,
      );
      if (lease === undefined) continue;
      try {
        // Another replica may have finished this round between our read and the lease: read the record again.
        const fresh = (await postRecords.get(reference)) ?? record;
        if (fresh.round !== record.round) continue;
        const attempts = delivery?.attempts ?? 0;
        const enquiry = await events.presentOne(current);
        let anyFailed = false;
        for (const publisher of due) {
          try {
            const post = await publishOnce(publisher, enquiry, record, (next) => postRecords.set(reference, next));
            record.platforms[publisher.platform] = { post, seq: current.seq };
            if (record.unconfirmed) delete record.unconfirmed[publisher.platform];
            await postRecords.set(reference, record);
            sent += 1;
          } catch (error) {
            anyFailed = true;
            log.warn(
              { reference, platform: publisher.platform, code: errorCode(error), attempt: attempts + 1 },
              'triage post failed; will retry',
            );
          }
        }
        await postRecords.set(reference, { ...record, round: record.round + 1 });
        if (anyFailed) {
          failed += 1;
          const backoff = Math.min(BACKOFF_BASE_MS * 2 ** attempts, BACKOFF_MAX_MS);
          await deliveries.set(reference, { attempts: attempts + 1, nextAttemptAt: now().getTime() + backoff });
          continue;
        }
        if (delivery) await deliveries.delete(reference);
      } finally {
        lease.release();
      }
    }
    // Take it off the outbox, then look again: a change committed meanwhile puts it back (and every change also
    // adds it after committing, so one committed after this look is not missed either).
    await sets.remove('outbox', reference);
    const [after] = await events.loadMany([reference]);
    if (after && after.seq > current.seq) await sets.add('outbox', reference);
  }
  return { sent, failed };
}

/**
 * Publishes (or updates) one platform's post so that it is never posted twice: a first post is marked unconfirmed
 * before it is sent, and a later round that finds the mark asks the publisher for the post already in the channel.
 */
async function publishOnce(
  publisher: TriagePublisher,
  enquiry: Enquiry,
  record: PostRecord,
  save: (record: PostRecord) => Promise<unknown>,
): Promise<TriagePost> {
  const platform = publisher.platform;
  let existing = record.platforms[platform]?.post;
  if (existing === undefined && record.unconfirmed?.[platform]) existing = await publisher.find?.(enquiry);
  if (existing === undefined && !record.unconfirmed?.[platform]) {
    record.unconfirmed = { ...record.unconfirmed, [platform]: true };
    await save(record);
  }
  return publisher.publish(enquiry, existing);
}
