// Bulk seeding for benchmarks only. It writes the queue's own storage format directly (one transaction per batch
// on SQLite, pipelined writes on Redis and PostgreSQL), which is why it lives in bench/ and not in the product:
// it skips validation, duplicate checks, idempotency and the triage outbox, so it is not a way to import real
// enquiries. Tests seed through the queue's public API instead.
import KeyvSqlite from '@keyv/sqlite';
import { applyEvent, type EnquiryEvent, type EventActor } from '../src/enquiries/enquiry-events.js';
import type { Enquiry, EnquiryArrival, EnquiryTopic } from '../src/enquiries/enquiry-queue.js';
import { indexHash, normaliseEmail, normaliseOrganisation, normalisePhone } from '../src/enquiries/enquiry-schema.js';
import {
  type Contact,
  firstFreeReferenceNumber,
  formatReference,
  openEnquiryStorage,
  type Snapshot,
} from '../src/enquiries/enquiry-storage.js';
import { londonDate } from '../src/enquiries/working-hours.js';
import { StoreError } from '../src/errors.js';
import type { Store } from '../src/store/create-store.js';

export type SeedEnquiry = {
  organisation: string;
  contactName: string;
  email?: string;
  phone?: string;
  topic: EnquiryTopic;
  description: string;
  arrivedVia: EnquiryArrival;
  /** When it was logged (default: now) and, optionally, claimed and resolved; events are written in that order. */
  loggedAt?: Date;
  loggedOn?: EventActor['platform'];
  claimed?: { at: Date; by: string };
  resolved?: { at: Date; outcome: string };
};

const BATCH = 500;

function eventsOf(input: SeedEnquiry, now: Date): EnquiryEvent[] {
  const actor: EventActor = { platform: input.loggedOn ?? 'cli', userId: 'seed', name: 'Seed data' };
  const events: EnquiryEvent[] = [
    {
      type: 'logged',
      at: (input.loggedAt ?? now).toISOString(),
      actor,
      data: {
        organisation: input.organisation,
        topic: input.topic,
        description: input.description,
        arrivedVia: input.arrivedVia,
      },
    },
  ];
  if (input.claimed) {
    const by: EventActor = { platform: 'slack', userId: input.claimed.by };
    events.push({
      type: 'claimed',
      at: input.claimed.at.toISOString(),
      actor: by,
      data: { assignee: input.claimed.by },
    });
    if (input.resolved) {
      events.push({
        type: 'resolved',
        at: input.resolved.at.toISOString(),
        actor: by,
        data: { outcome: input.resolved.outcome },
      });
    }
  }
  return events;
}

/** Writes `count` enquiries in bulk, numbered from the year's first free reference; returns the references. */
export async function seedEnquiries(options: {
  store: Store;
  namespacePrefix?: string;
  now: () => Date;
  count: number;
  make: (index: number) => SeedEnquiry;
}): Promise<string[]> {
  const { store, now, count, make } = options;
  const storage = openEnquiryStorage(store, options.namespacePrefix ?? '');
  const { snapshots, contacts, sets, namespaces } = storage;
  const year = Number(londonDate(now()).slice(0, 4));
  const first = await firstFreeReferenceNumber(store, namespaces.references, year);
  const adapter = storage.records.store as unknown;
  const references: string[] = [];

  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => {
      const index = start + offset;
      const input = make(index);
      const reference = formatReference(year, first + index);
      const events = eventsOf(input, now());
      let enquiry: Enquiry | undefined;
      events.forEach((event, position) => {
        enquiry = applyEvent(reference, enquiry, event, position + 1);
      });
      const snapshot: Snapshot = { seq: events.length, enquiry: enquiry! };
      const contact: Contact = {
        contactName: input.contactName,
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
      };
      const indexEntries = [
        `status:${snapshot.enquiry.status}`,
        'contacts-held',
        `org:${indexHash(normaliseOrganisation(input.organisation))}`,
        ...(input.email !== undefined ? [`email:${indexHash(normaliseEmail(input.email))}`] : []),
        ...(input.phone !== undefined ? [`phone:${indexHash(normalisePhone(input.phone) ?? input.phone)}`] : []),
      ].map((set) => ({ set, member: reference }));
      return { reference, events, snapshot, contact, indexEntries };
    });

    if (adapter instanceof KeyvSqlite) {
      // The insert-if-absent rows in the store's row format (`unique:NAMESPACE:KEY` → {"value", "expires"}), in
      // one transaction with the records, since the store's own connection cannot join it.
      const unique = batch.flatMap((item) => [
        [`unique:${namespaces.references}:${item.reference}`, JSON.stringify({ value: { by: 'seed' }, expires: null })],
        ...item.events.map((event, position) => [
          `unique:${namespaces.events}:${item.reference}:${position + 1}`,
          JSON.stringify({ value: event, expires: null }),
        ]),
      ]);
      await adapter.query('BEGIN IMMEDIATE');
      try {
        for (let row = 0; row < unique.length; row += 400) {
          const rows = unique.slice(row, row + 400);
          await adapter.query(
            `INSERT INTO keyv (key, value) VALUES ${rows.map(() => '(?, ?)').join(', ')}`,
            ...rows.flat(),
          );
        }
        await Promise.all(
          batch.flatMap((item) => [
            snapshots.set(item.reference, item.snapshot),
            contacts.set(item.reference, item.contact),
          ]),
        );
        await sets.addMany(batch.flatMap((item) => item.indexEntries));
        await adapter.query('COMMIT');
      } catch (error) {
        await adapter.query('ROLLBACK');
        throw new StoreError('could not seed enquiries', { cause: error });
      }
    } else {
      await Promise.all(
        batch.flatMap((item) => [
          store.insertIfAbsent(namespaces.references, item.reference, { by: 'seed' }),
          ...item.events.map((event, position) =>
            store.insertIfAbsent(namespaces.events, `${item.reference}:${position + 1}`, event),
          ),
          snapshots.set(item.reference, item.snapshot),
          contacts.set(item.reference, item.contact),
        ]),
      );
      await sets.addMany(batch.flatMap((item) => item.indexEntries));
    }
    references.push(...batch.map((item) => item.reference));
  }
  return references;
}
