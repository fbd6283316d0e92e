import { StoreError } from '../../errors.js';
import { applyEvent, type EnquiryEvent, type EventActor, type EventBody } from '../enquiry-events.js';
import { type ActionResult, ENQUIRY_STATUSES, type Enquiry, type EnquiryStatus } from '../enquiry-queue.js';
import type { Snapshot } from '../enquiry-storage.js';
import { BATCH, type QueueContext } from './queue-context.js';
import { compareReferences, parseReference } from './references.js';

export type Decision =
  | { ok: true; event?: EventBody }
  | { ok: false; reason: 'forbidden' | 'conflict' | 'invalid'; message: string };

export type EventLog = {
  /** The enquiries as they stand (snapshots brought up to date with later events); missing ones are left out. */
  loadMany(references: string[]): Promise<Snapshot[]>;
  /** Adds contact details (unless erased) and triage posts to folded enquiries. */
  present(states: Snapshot[]): Promise<Enquiry[]>;
  presentOne(state: Snapshot): Promise<Enquiry>;
  /** References listed under the given statuses (every status by default). */
  allReferences(statuses?: readonly EnquiryStatus[]): Promise<string[]>;
  /** Reads, decides, and appends the next event; a lost race re-reads and decides again. */
  act(reference: string, actor: EventActor, decide: (enquiry: Enquiry) => Decision): Promise<ActionResult>;
};

const MAX_WRITE_ATTEMPTS = 50;

export const notFound = (reference: string): ActionResult => ({
  ok: false,
  reason: 'not_found',
  message: `There is no enquiry ${reference.trim() || '(no reference given)'}.`,
});

/**
 * The enquiry event log: event N of an enquiry is `REF:N`, written once with insert-if-absent, so the order of the
 * log decides every race. Snapshots and index sets are caches kept around each event.
 */
export function createEventLog(context: QueueContext): EventLog {
  const { store, log, now } = context;
  const { snapshots, contacts, postRecords, sets, namespaces } = context.storage;

  async function catchUp(reference: string, snapshot: Snapshot | undefined): Promise<Snapshot | undefined> {
    let enquiry = snapshot?.enquiry;
    let seq = snapshot?.seq ?? 0;
    let advanced = false;
    for (;;) {
      const event = await store.readUnique<EnquiryEvent>(namespaces.events, `${reference}:${seq + 1}`);
      if (event === undefined) break;
      const next = applyEvent(reference, enquiry, event, seq + 1);
      if (next === undefined) break;
      enquiry = next;
      seq += 1;
      advanced = true;
    }
    if (enquiry === undefined) return undefined;
    const current = { seq, enquiry };
    if (advanced) await snapshots.set(reference, current);
    return current;
  }

  async function loadMany(references: string[]): Promise<Snapshot[]> {
    const loaded: Snapshot[] = [];
    for (let start = 0; start < references.length; start += BATCH) {
      const batch = references.slice(start, start + BATCH);
      const stored = await snapshots.getMany(batch);
      const current = await Promise.all(batch.map((reference, index) => catchUp(reference, stored[index])));
      for (const snapshot of current) if (snapshot) loaded.push(snapshot);
    }
    return loaded;
  }

  async function present(states: Snapshot[]): Promise<Enquiry[]> {
    const result: Enquiry[] = [];
    for (let start = 0; start < states.length; start += BATCH) {
      const batch = states.slice(start, start + BATCH);
      const references = batch.map((state) => state.enquiry.reference);
      const [contactList, postList] = await Promise.all([
        contacts.getMany(references),
        postRecords.getMany(references),
      ]);
      batch.forEach((state, index) => {
        const contact = state.enquiry.contactErasedAt === undefined ? contactList[index] : undefined;
        const posts = postList[index];
        result.push({
          ...state.enquiry,
          contactName: contact?.contactName ?? '',
          ...(contact?.email !== undefined && { email: contact.email }),
          ...(contact?.phone !== undefined && { phone: contact.phone }),
          posts: posts ? Object.values(posts.platforms).map((record) => record.post) : [],
        });
      });
    }
    return result;
  }

  async function presentOne(state: Snapshot): Promise<Enquiry> {
    const [enquiry] = await present([state]);
    return enquiry!;
  }

  async function allReferences(statuses: readonly EnquiryStatus[] = ENQUIRY_STATUSES): Promise<string[]> {
    const lists = await Promise.all(statuses.map((status) => sets.members(`status:${status}`)));
    return [...new Set(lists.flat())];
  }

  async function act(
    reference: string,
    actor: EventActor,
    decide: (enquiry: Enquiry) => Decision,
  ): Promise<ActionResult> {
    const parsed = parseReference(reference);
    if (parsed === undefined) return notFound(reference);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const [current] = await loadMany([parsed]);
      if (current === undefined) return notFound(parsed);
      const decision = decide(current.enquiry);
      if (!decision.ok) {
        return { ok: false, reason: decision.reason, message: decision.message, enquiry: await presentOne(current) };
      }
      if (decision.event === undefined) return { ok: true, enquiry: await presentOne(current) };
      const event = { ...decision.event, at: now().toISOString(), actor } as EnquiryEvent;
      const seq = current.seq + 1;
      const next = applyEvent(parsed, current.enquiry, event, seq)!;
      const statusChanged = next.status !== current.enquiry.status;
      // Index first, so a crash can leave an extra index entry (filtered out on read) but never a missing one.
      await sets.addMany([
        ...(statusChanged ? [{ set: `status:${next.status}`, member: parsed }] : []),
        ...(event.type !== 'reminded' ? [{ set: 'outbox', member: parsed }] : []),
      ]);
      const written = await store.insertIfAbsent(namespaces.events, `${parsed}:${seq}`, event);
      if (!written) continue;
      if (statusChanged) await sets.remove(`status:${current.enquiry.status}`, parsed);
      // Again after the event: a delivery that took the enquiry off the outbox meanwhile must see it back.
      if (event.type !== 'reminded') await sets.add('outbox', parsed);
      const snapshot = { seq, enquiry: next };
      await snapshots.set(parsed, snapshot);
      log.info({ reference: parsed, action: event.type, seq, by: actor.userId }, 'enquiry updated');
      if (event.type !== 'reminded') context.wake.delivery?.();
      return { ok: true, enquiry: await presentOne(snapshot) };
    }
    throw new StoreError(`${parsed} is changing too often to update; try again`);
  }

  return { loadMany, present, presentOne, allReferences, act };
}

/** Oldest first; the reference breaks ties. */
export function byCreation(a: Snapshot, b: Snapshot): number {
  return (
    a.enquiry.createdAt.localeCompare(b.enquiry.createdAt) ||
    compareReferences(a.enquiry.reference, b.enquiry.reference)
  );
}
