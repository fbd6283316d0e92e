import KeyvSqlite from '@keyv/sqlite';
import { StoreError } from '../errors.js';
import type { Store } from '../store/create-store.js';
import { applyEvent, type EnquiryEvent, type EventActor } from './enquiry-events.js';
import type { EnquiryArrival, EnquiryTopic } from './enquiry-queue.js';
import { indexHash, normaliseEmail, normaliseOrganisation, normalisePhone } from './enquiry-schema.js';
import {
  type Contact,
  firstFreeReferenceNumber,
  formatReference,
  openEnquiryStorage,
  type Snapshot,
} from './enquiry-storage.js';
import { londonDate } from './working-hours.js';

export type SeedEnquiry = {
  organisation: string;
  contactName: string;
  email?: string;
  phone?: string;
  topic: EnquiryTopic;
  description: string;
  arrivedVia: EnquiryArrival;
};

const BATCH = 500;
const SEED_ACTOR: EventActor = { platform: 'cli', userId: 'seed', name: 'Seed data' };

/**
 * Fast path for benchmarks and load tests: writes `count` enquiries, logged and still new, in bulk (one transaction
 * per batch on SQLite, pipelined writes on Redis and PostgreSQL). It skips validation, duplicate checks,
 * idempotency and the triage outbox, so it is not a way to import real enquiries. Returns the references written.
 */
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
      const event: EnquiryEvent = {
        type: 'logged',
        at: now().toISOString(),
        actor: SEED_ACTOR,
        data: {
          organisation: input.organisation,
          topic: input.topic,
          description: input.description,
          arrivedVia: input.arrivedVia,
        },
      };
      const snapshot: Snapshot = { seq: 1, enquiry: applyEvent(reference, undefined, event, 1)! };
      const contact: Contact = {
        contactName: input.contactName,
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
      };
      const indexEntries = [
        'status:new',
        'contacts-held',
        `org:${indexHash(normaliseOrganisation(input.organisation))}`,
        ...(input.email !== undefined ? [`email:${indexHash(normaliseEmail(input.email))}`] : []),
        ...(input.phone !== undefined ? [`phone:${indexHash(normalisePhone(input.phone) ?? input.phone)}`] : []),
      ].map((set) => ({ set, member: reference }));
      return { reference, event, snapshot, contact, indexEntries };
    });

    if (adapter instanceof KeyvSqlite) {
      // One transaction on the records connection. The insert-if-absent rows are written in the store's own row
      // format (`unique:NAMESPACE:KEY` → {"value", "expires"}), since the store's connection cannot join it.
      const unique = batch.flatMap((item) => [
        [`unique:${namespaces.references}:${item.reference}`, JSON.stringify({ value: { by: 'seed' }, expires: null })],
        [`unique:${namespaces.events}:${item.reference}:1`, JSON.stringify({ value: item.event, expires: null })],
      ]);
      await adapter.query('BEGIN IMMEDIATE');
      try {
        await adapter.query(
          `INSERT INTO keyv (key, value) VALUES ${unique.map(() => '(?, ?)').join(', ')}`,
          ...unique.flat(),
        );
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
          store.insertIfAbsent(namespaces.events, `${item.reference}:1`, item.event),
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
