import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { errorCode, StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import { toCsv } from './enquiry-csv.js';
import { applyEvent, type EnquiryEvent, type EventActor, type EventBody } from './enquiry-events.js';
import {
  type ActionResult,
  type Actor,
  ENQUIRY_STATUSES,
  type Enquiry,
  type EnquiryQueue,
  type EnquiryStatus,
  type LogResult,
  type TriagePublisher,
} from './enquiry-queue.js';
import {
  EnquiryInputSchema,
  IsoDay,
  indexHash,
  normaliseEmail,
  normaliseOrganisation,
  normalisePhone,
  toFieldIssues,
} from './enquiry-schema.js';
import {
  type Contact,
  firstFreeReferenceNumber,
  formatReference,
  openEnquiryStorage,
  type PostRecord,
  type Snapshot,
} from './enquiry-storage.js';
import { suggestTopic } from './suggest-topic.js';
import { londonDate, WORKING_DAY_MS, workingMsBetween } from './working-hours.js';

export type EnquiryQueueDeps = {
  store: Store;
  log: Logger;
  now: () => Date;
  settings: { slaHours: number; retentionDays: number; staleClaimWorkingDays: number };
  /** Prepended to every storage key; tests and benchmarks use a unique one per run. */
  namespacePrefix?: string;
  /** The timer `startDelivery` uses; the global one unless a test injects its own. */
  timers?: { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
};

type Decision =
  | { ok: true; event?: EventBody }
  | { ok: false; reason: 'forbidden' | 'conflict' | 'invalid'; message: string };

const REFERENCE_PATTERN = /^ENQ-(\d{4})-(\d{4,})$/;
const OPEN_STATUSES: EnquiryStatus[] = ['new', 'claimed'];
const SYSTEM_ACTOR: EventActor = { platform: 'cli', userId: 'skills-desk', name: 'Skills Desk' };
const MAX_WRITE_ATTEMPTS = 50;
const LEASE_MS = 120_000;
const REMINDER_LEASE_MS = 600_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 30 * 60_000;
const BATCH = 500;
const ABANDONED_AFTER_MS = 3_600_000;
const RETENTION_EVERY_MS = 6 * 3_600_000;
/** Index of enquiries whose contact details are still held, which retention looks through. */
const CONTACTS_HELD = 'contacts-held';
const DAY_MS = 86_400_000;

const Assignee = z
  .string()
  .trim()
  .min(1, { error: 'Say who to assign it to.' })
  .max(100, { error: 'That user id is too long.' });
const NoteText = z
  .string()
  .trim()
  .min(1, { error: 'Write the note.' })
  .max(3000, { error: 'Notes must be 3,000 characters or fewer.' });
const Outcome = z
  .string()
  .trim()
  .min(1, { error: 'Say what the outcome was.' })
  .max(2000, { error: 'The outcome must be 2,000 characters or fewer.' });
const CloseReason = z.enum(['duplicate', 'spam'], { error: 'The reason must be duplicate or spam.' });
const ExportRange = z
  .object({ from: IsoDay, to: IsoDay, format: z.enum(['csv', 'json'], { error: 'The format must be csv or json.' }) })
  .refine((range) => range.from <= range.to, { error: 'The start date must not be after the end date.' });

/** A reference as typed (any case, surrounding space), or undefined when it is not one. */
export function parseReference(text: string): string | undefined {
  const reference = text.trim().toUpperCase();
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}

export { formatReference };

/**
 * The employer enquiry queue on the shared store. Every change is an event written with insert-if-absent, so
 * replicas agree without locks; indexes (status, contact, outbox) are sets updated around each event.
 */
export function createEnquiryQueue(deps: EnquiryQueueDeps): EnquiryQueue {
  const prefix = deps.namespacePrefix ?? '';
  const { store, log, now, settings } = deps;
  const timers = deps.timers ?? {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
  const { snapshots, contacts, postRecords, deliveries, sets, namespaces } = openEnquiryStorage(store, prefix);
  const { events: EVENTS, references: REFERENCES, idempotency: IDEMPOTENCY, leases: LEASES } = namespaces;
  const owner = randomUUID();
  const nextNumberHint = new Map<number, number>();

  const actorOf = (by: Actor): EventActor => ({
    platform: by.platform,
    userId: by.userId,
    ...(by.name !== undefined && { name: by.name }),
  });

  /** Brings a snapshot up to date with any later events; undefined when the enquiry does not exist (yet). */
  async function catchUp(reference: string, snapshot: Snapshot | undefined): Promise<Snapshot | undefined> {
    let enquiry = snapshot?.enquiry;
    let seq = snapshot?.seq ?? 0;
    let advanced = false;
    for (;;) {
      const event = await store.readUnique<EnquiryEvent>(EVENTS, `${reference}:${seq + 1}`);
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

  /** Adds contact details (unless erased) and triage posts to folded enquiries. */
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

  const notFound = (reference: string): ActionResult => ({
    ok: false,
    reason: 'not_found',
    message: `There is no enquiry ${reference.trim() || '(no reference given)'}.`,
  });

  /** Reads, decides, and appends the next event; a lost race re-reads and decides again. */
  /** Set while `startDelivery` runs: asks it to deliver now rather than at its next tick. */
  let wakeDelivery: (() => void) | undefined;

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
        return {
          ok: false,
          reason: decision.reason,
          message: decision.message,
          enquiry: await presentOne(current),
        };
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
      const written = await store.insertIfAbsent(EVENTS, `${parsed}:${seq}`, event);
      if (!written) continue;
      if (statusChanged) await sets.remove(`status:${current.enquiry.status}`, parsed);
      // Again after the event: a delivery that took the enquiry off the outbox meanwhile must see it back.
      if (event.type !== 'reminded') await sets.add('outbox', parsed);
      const snapshot = { seq, enquiry: next };
      await snapshots.set(parsed, snapshot);
      log.info({ reference: parsed, action: event.type, seq, by: actor.userId }, 'enquiry updated');
      if (event.type !== 'reminded') wakeDelivery?.();
      return { ok: true, enquiry: await presentOne(snapshot) };
    }
    throw new StoreError(`${parsed} is changing too often to update; try again`);
  }

  const refuse = (message: string): ActionResult => ({ ok: false, reason: 'forbidden', message });
  const invalid = (message: string): ActionResult => ({ ok: false, reason: 'invalid', message });
  const finished = (enquiry: Enquiry): Decision | undefined =>
    enquiry.status === 'resolved' || enquiry.status === 'closed'
      ? { ok: false, reason: 'invalid', message: `${enquiry.reference} is already ${enquiry.status}.` }
      : undefined;

  async function allocateReference(): Promise<string> {
    const year = Number(londonDate(now()).slice(0, 4));
    let number = nextNumberHint.get(year) ?? (await firstFreeReferenceNumber(store, REFERENCES, year));
    // Another replica may have taken the hinted number: try the next until an insert succeeds.
    const taken = { by: owner, at: now().toISOString() };
    while (!(await store.insertIfAbsent(REFERENCES, formatReference(year, number), taken))) number += 1;
    nextNumberHint.set(year, number + 1);
    return formatReference(year, number);
  }

  function contactSets(organisation: string, contact: Contact): string[] {
    const keys = [`org:${indexHash(normaliseOrganisation(organisation))}`];
    if (contact.email !== undefined) keys.push(`email:${indexHash(normaliseEmail(contact.email))}`);
    if (contact.phone !== undefined) keys.push(`phone:${indexHash(normalisePhone(contact.phone) ?? contact.phone)}`);
    return keys;
  }

  async function possibleDuplicates(enquiry: Enquiry, contact: Contact | undefined) {
    const lists = await Promise.all(
      contactSets(enquiry.organisation, contact ?? { contactName: '' }).map((key) => sets.members(key)),
    );
    const others = [...new Set(lists.flat())].filter((reference) => reference !== enquiry.reference).sort();
    const open = (await loadMany(others)).filter((state) => OPEN_STATUSES.includes(state.enquiry.status));
    return (await present(open)).map(({ reference, organisation, contactName, status }) => ({
      reference,
      organisation,
      contactName,
      status,
    }));
  }

  async function log_(input: unknown, by: Actor, options: { idempotencyKey?: string } = {}): Promise<LogResult> {
    const parsed = EnquiryInputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
    const data = parsed.data;
    const idempotencyKey = options.idempotencyKey?.trim() || undefined;

    let reference: string | undefined;
    if (idempotencyKey !== undefined) {
      reference = await store.readUnique<string>(IDEMPOTENCY, idempotencyKey);
      if (reference !== undefined) {
        const [existing] = await loadMany([reference]);
        if (existing) {
          const contact = await contacts.get(reference);
          return {
            ok: true,
            enquiry: await presentOne(existing),
            created: false,
            possibleDuplicates: await possibleDuplicates(existing.enquiry, contact),
          };
        }
        // The first attempt stopped part-way: finish it under the same reference.
      }
    }
    if (reference === undefined) {
      reference = await allocateReference();
      if (idempotencyKey !== undefined && !(await store.insertIfAbsent(IDEMPOTENCY, idempotencyKey, reference))) {
        // Another replica took the same submission at the same moment; this reference stays unused.
        reference = (await store.readUnique<string>(IDEMPOTENCY, idempotencyKey)) ?? reference;
      }
    }

    const contact: Contact = {
      contactName: data.contactName,
      ...(data.email !== undefined && { email: data.email }),
      ...(data.phone !== undefined && { phone: data.phone }),
    };
    const event: EnquiryEvent = {
      type: 'logged',
      at: now().toISOString(),
      actor: actorOf(by),
      data: {
        organisation: data.organisation,
        topic: data.topic ?? suggestTopic(`${data.organisation}\n${data.description}`),
        description: data.description,
        arrivedVia: data.arrivedVia,
        ...(data.sourceLink !== undefined && { sourceLink: data.sourceLink }),
      },
    };
    // Contact details, indexes and the outbox entry are stored before the event that makes the enquiry exist.
    await contacts.set(reference, contact);
    await sets.addMany(
      ['status:new', 'outbox', CONTACTS_HELD, ...contactSets(data.organisation, contact)].map((set) => ({
        set,
        member: reference,
      })),
    );
    const created = await store.insertIfAbsent(EVENTS, `${reference}:1`, event);
    let state: Snapshot | undefined;
    if (created) {
      state = { seq: 1, enquiry: applyEvent(reference, undefined, event, 1)! };
      await snapshots.set(reference, state);
    } else {
      [state] = await loadMany([reference]);
    }
    if (state === undefined) throw new StoreError(`${reference} was not stored`);
    if (created) {
      log.info({ reference, topic: state.enquiry.topic, arrivedVia: data.arrivedVia, by: by.userId }, 'enquiry logged');
      wakeDelivery?.();
    }
    return {
      ok: true,
      enquiry: await presentOne(state),
      created,
      possibleDuplicates: await possibleDuplicates(state.enquiry, contact),
    };
  }

  async function erase(reference: string, why: 'request' | 'retention', actor: EventActor): Promise<boolean> {
    const [current] = await loadMany([reference]);
    if (current === undefined || current.enquiry.contactErasedAt !== undefined) return false;
    // Remove the details first: once the erasure is decided, nothing may keep them, even after a crash.
    const contact = await contacts.get(reference);
    if (contact) {
      const keys = contactSets(current.enquiry.organisation, contact).filter((key) => !key.startsWith('org:'));
      await Promise.all(keys.map((key) => sets.remove(key, reference)));
      await contacts.delete(reference);
    }
    const result = await act(reference, actor, (enquiry) =>
      enquiry.contactErasedAt === undefined ? { ok: true, event: { type: 'erased', data: { why } } } : { ok: true },
    );
    if (result.ok) await sets.remove(CONTACTS_HELD, reference);
    return result.ok;
  }

  /**
   * A log that stopped between storing the contact details and writing event 1 (and was never retried) leaves
   * an outbox entry with no enquiry. After an hour the reference is marked abandoned — event 1 can then never be
   * written — and the orphaned contact details and index entries are removed.
   */
  async function sweepAbandoned(reference: string): Promise<void> {
    const allocation = await store.readUnique<{ at?: string }>(REFERENCES, reference);
    if (allocation?.at === undefined || now().getTime() - Date.parse(allocation.at) < ABANDONED_AFTER_MS) return;
    const marker: EnquiryEvent = { type: 'abandoned', at: now().toISOString(), actor: SYSTEM_ACTOR, data: {} };
    await store.insertIfAbsent(EVENTS, `${reference}:1`, marker);
    const first = await store.readUnique<EnquiryEvent>(EVENTS, `${reference}:1`);
    if (first?.type !== 'abandoned') return;
    const contact = await contacts.get(reference);
    const keys = [
      'status:new',
      CONTACTS_HELD,
      ...(contact ? contactSets('', contact).filter((key) => !key.startsWith('org:')) : []),
    ];
    await Promise.all(keys.map((key) => sets.remove(key, reference)));
    await contacts.delete(reference);
    await sets.remove('outbox', reference);
    log.warn({ reference }, 'abandoned enquiry reference cleaned up');
  }

  async function applyRetention(): Promise<number> {
    const cutoff = now().getTime() - settings.retentionDays * DAY_MS;
    const [held, resolved, closed] = await Promise.all([
      sets.members(CONTACTS_HELD),
      sets.members('status:resolved'),
      sets.members('status:closed'),
    ]);
    const finished = new Set([...resolved, ...closed]);
    let erased = 0;
    for (const { enquiry } of await loadMany(held.filter((reference) => finished.has(reference)))) {
      if (enquiry.contactErasedAt !== undefined) {
        await sets.remove(CONTACTS_HELD, enquiry.reference);
        continue;
      }
      const finishedAt = enquiry.resolvedAt ?? enquiry.closedAt;
      if (finishedAt === undefined || Date.parse(finishedAt) >= cutoff) continue;
      if (await erase(enquiry.reference, 'retention', SYSTEM_ACTOR)) erased += 1;
    }
    if (erased > 0) log.info({ erased }, 'contact details erased after the retention period');
    return erased;
  }

  let lastRetentionAt = Number.NEGATIVE_INFINITY;

  async function deliver(publishers: TriagePublisher[]): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    // Retention rides along with delivery, so a running app keeps to it without a separate schedule.
    if (now().getTime() - lastRetentionAt >= RETENTION_EVERY_MS) {
      lastRetentionAt = now().getTime();
      await applyRetention();
    }
    if (publishers.length === 0) return { sent, failed };
    const pending = (await sets.members('outbox')).sort();
    for (const reference of pending) {
      const [current] = await loadMany([reference]);
      if (current === undefined) {
        await sweepAbandoned(reference);
        continue;
      }
      const delivery = await deliveries.get(reference);
      if (delivery && delivery.nextAttemptAt > now().getTime()) continue;
      const record: PostRecord = (await postRecords.get(reference)) ?? { round: 0, platforms: {} };
      const due = publishers.filter((publisher) => (record.platforms[publisher.platform]?.seq ?? 0) < current.seq);
      if (due.length > 0) {
        // One lease per delivery round of this enquiry: while one replica publishes, no other can post it anew.
        if (!(await store.insertIfAbsent(LEASES, `publish:${reference}:${record.round}`, owner, { ttlMs: LEASE_MS }))) {
          continue;
        }
        const attempts = delivery?.attempts ?? 0;
        const enquiry = await presentOne(current);
        let anyFailed = false;
        for (const publisher of due) {
          try {
            const post = await publisher.publish(enquiry, record.platforms[publisher.platform]?.post);
            record.platforms[publisher.platform] = { post, seq: current.seq };
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
      }
      // Take it off the outbox, then look again: a change committed meanwhile puts it back (and every change also
      // adds it after committing, so one committed after this look is not missed either).
      await sets.remove('outbox', reference);
      const [after] = await loadMany([reference]);
      if (after && after.seq > current.seq) await sets.add('outbox', reference);
    }
    const reminders = await sendReminders(publishers);
    return { sent: sent + reminders.sent, failed: failed + reminders.failed };
  }

  async function sendReminders(publishers: TriagePublisher[]): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const at = now();
    const open = await loadMany(await allReferences(OPEN_STATUSES));
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
      if (!(await store.insertIfAbsent(LEASES, lease, owner, { ttlMs: REMINDER_LEASE_MS }))) continue;
      const presented = await presentOne(state);
      try {
        for (const publisher of publishers) await publisher.remind(presented, kind);
      } catch (error) {
        failed += 1;
        log.warn({ reference: enquiry.reference, kind, code: errorCode(error) }, 'enquiry reminder failed');
        continue;
      }
      const reminderKind = kind;
      await act(enquiry.reference, SYSTEM_ACTOR, () => ({
        ok: true,
        event: { type: 'reminded', data: { kind: reminderKind } },
      }));
      sent += 1;
      log.info({ reference: enquiry.reference, kind }, 'enquiry reminder sent');
    }
    return { sent, failed };
  }

  return {
    log: log_,

    async get(reference) {
      const parsed = parseReference(reference);
      if (parsed === undefined) return undefined;
      const [state] = await loadMany([parsed]);
      return state ? presentOne(state) : undefined;
    },

    async list(filter = {}) {
      const statuses = filter.status && filter.status.length > 0 ? filter.status : ENQUIRY_STATUSES;
      const states = (await loadMany(await allReferences(statuses))).filter(({ enquiry }) => {
        if (!statuses.includes(enquiry.status)) return false;
        if (filter.assignee !== undefined && enquiry.assignee !== filter.assignee) return false;
        const day = londonDate(new Date(enquiry.createdAt));
        if (filter.from !== undefined && day < filter.from) return false;
        if (filter.to !== undefined && day > filter.to) return false;
        return true;
      });
      states.sort(byCreation);
      return present(states);
    },

    async claim(reference, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can claim enquiries.');
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        if (enquiry.status === 'claimed') {
          if (enquiry.assignee === by.userId) return { ok: true };
          return {
            ok: false,
            reason: 'conflict',
            message: `${enquiry.reference} is already claimed by ${enquiry.assigneeName ?? enquiry.assignee}`,
          };
        }
        return {
          ok: true,
          event: {
            type: 'claimed',
            data: { assignee: by.userId, ...(by.name !== undefined && { assigneeName: by.name }) },
          },
        };
      });
    },

    async assign(reference, assignee, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can assign enquiries.');
      const parsed = Assignee.safeParse(assignee);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Say who to assign it to.');
      const to = parsed.data;
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        if (enquiry.assignee === to) return { ok: true };
        const assigneeName = to === by.userId ? by.name : undefined;
        return {
          ok: true,
          event: { type: 'assigned', data: { assignee: to, ...(assigneeName !== undefined && { assigneeName }) } },
        };
      });
    },

    async addNote(reference, text, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can add notes to enquiries.');
      const parsed = NoteText.safeParse(text);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Write the note.');
      return act(reference, actorOf(by), () => ({ ok: true, event: { type: 'noted', data: { text: parsed.data } } }));
    },

    async resolve(reference, outcome, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can resolve enquiries.');
      const parsed = Outcome.safeParse(outcome);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Say what the outcome was.');
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        return { ok: true, event: { type: 'resolved', data: { outcome: parsed.data } } };
      });
    },

    async close(reference, reason, by, duplicateOf) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can close enquiries.');
      const parsedReason = CloseReason.safeParse(reason);
      if (!parsedReason.success) return invalid('The reason must be duplicate or spam.');
      let original: string | undefined;
      if (duplicateOf !== undefined && duplicateOf.trim() !== '') {
        if (parsedReason.data !== 'duplicate') return invalid('Only a duplicate can name the enquiry it repeats.');
        original = parseReference(duplicateOf);
        if (original === undefined || (await loadMany([original])).length === 0) {
          return invalid(`There is no enquiry ${duplicateOf.trim()} to mark this as a duplicate of.`);
        }
        if (original === parseReference(reference)) return invalid('An enquiry cannot be a duplicate of itself.');
      }
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        return {
          ok: true,
          event: {
            type: 'closed',
            data: { reason: parsedReason.data, ...(original !== undefined && { duplicateOf: original }) },
          },
        };
      });
    },

    async exportEnquiries(range, by) {
      if (!by.isOfficer) return { ok: false, message: 'Only employer engagement officers can export enquiries.' };
      const parsed = ExportRange.safeParse(range);
      if (!parsed.success) {
        return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') };
      }
      const { from, to, format } = parsed.data;
      const states = (await loadMany(await allReferences())).filter(({ enquiry }) => {
        const day = londonDate(new Date(enquiry.createdAt));
        return day >= from && day <= to;
      });
      states.sort(byCreation);
      const enquiries = await present(states);
      log.info({ from, to, format, count: enquiries.length, by: by.userId }, 'enquiries exported');
      return { ok: true, body: format === 'csv' ? toCsv(enquiries) : `${JSON.stringify(enquiries, null, 2)}\n` };
    },

    async eraseContact(email, by) {
      if (!by.isOfficer) return { ok: false, message: 'Only employer engagement officers can erase contact details.' };
      const parsed = z.email().safeParse(email.trim());
      if (!parsed.success) return { ok: false, message: 'Give the email address whose details should be erased.' };
      const wanted = normaliseEmail(parsed.data);
      // The person's enquiries are those with this email, and those with a phone number given alongside it.
      const matches = new Map<string, Contact>();
      for (const reference of await sets.members(`email:${indexHash(wanted)}`)) {
        const contact = await contacts.get(reference);
        if (contact?.email !== undefined && normaliseEmail(contact.email) === wanted) matches.set(reference, contact);
      }
      const phones = new Set(
        [...matches.values()].flatMap((contact) =>
          contact.phone === undefined ? [] : [normalisePhone(contact.phone) ?? contact.phone],
        ),
      );
      for (const phone of phones) {
        for (const reference of await sets.members(`phone:${indexHash(phone)}`)) {
          if (matches.has(reference)) continue;
          const contact = await contacts.get(reference);
          if (contact?.phone !== undefined && (normalisePhone(contact.phone) ?? contact.phone) === phone) {
            matches.set(reference, contact);
          }
        }
      }
      let erased = 0;
      for (const reference of [...matches.keys()].sort()) {
        if (await erase(reference, 'request', actorOf(by))) erased += 1;
      }
      log.info({ erased, by: by.userId }, 'contact details erased on request');
      return { ok: true, erased };
    },

    applyRetention,

    deliver,

    startDelivery(publishers, options = {}) {
      const intervalMs = options.intervalMs ?? 30_000;
      let stopped = false;
      let handle: unknown;
      let running: Promise<void> = Promise.resolve();
      let busy = false;
      let again = false;
      const tick = () => {
        busy = true;
        running = deliver(publishers)
          .then(
            () => undefined,
            (error: unknown) => log.error({ code: errorCode(error) }, 'enquiry delivery failed'),
          )
          .finally(() => {
            busy = false;
            if (!stopped) handle = timers.setTimeout(tick, again ? 0 : intervalMs);
            again = false;
          });
      };
      handle = timers.setTimeout(tick, 0);
      // A new enquiry or a change in this process is posted straight away instead of at the next tick.
      wakeDelivery = () => {
        if (stopped) return;
        if (busy) {
          again = true;
          return;
        }
        timers.clearTimeout(handle);
        handle = timers.setTimeout(tick, 0);
      };
      return async () => {
        stopped = true;
        wakeDelivery = undefined;
        timers.clearTimeout(handle);
        await running;
      };
    },
  };
}

function byCreation(a: Snapshot, b: Snapshot): number {
  return (
    a.enquiry.createdAt.localeCompare(b.enquiry.createdAt) ||
    compareReferences(a.enquiry.reference, b.enquiry.reference)
  );
}

function compareReferences(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
