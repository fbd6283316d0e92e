import type Keyv from 'keyv';
import type { Store } from '../store/create-store.js';
import type { Enquiry, TriagePost } from './enquiry-queue.js';
import { createIndexSets, type IndexSets } from './index-set.js';

/** The folded enquiry (without contact details) and the number of the last event folded into it. */
export type Snapshot = { seq: number; enquiry: Enquiry };
export type Contact = { contactName: string; email?: string; phone?: string };
/**
 * The triage posts of one enquiry and the event they show, per platform. `round` counts delivery rounds; the
 * lease for the next round is named after it, so only one replica at a time can publish an enquiry's post.
 */
export type PostRecord = {
  round: number;
  platforms: Partial<Record<TriagePost['platform'], { post: TriagePost; seq: number }>>;
  /**
   * Platforms a first post was sent to without its outcome being recorded (it failed, timed out or the replica
   * stopped): before posting again there, the publisher looks for the post that may already be in the channel.
   */
  unconfirmed?: Partial<Record<TriagePost['platform'], true>>;
};
export type DeliveryState = { attempts: number; nextAttemptAt: number };

export type RecordsOfKind<Value> = {
  get(reference: string): Promise<Value | undefined>;
  getMany(references: string[]): Promise<(Value | undefined)[]>;
  set(reference: string, value: Value): Promise<void>;
  delete(reference: string): Promise<void>;
};

/**
 * Where the queue keeps what. Insert-if-absent namespaces: `enquiry-refs` (reference → taken), `enquiry-events`
 * (`REF:N` → event N), `enquiry-idempotency` (key → reference), `enquiry-leases` (short-lived delivery leases).
 * One keyv namespace `enquiries` holds the mutable records by kind (`snapshot:REF`, `contact:REF`, `posts:REF`,
 * `delivery:REF`), and the index sets (`status:S`, `org:H`, `email:H`, `phone:H`, `outbox`) share its connection.
 */
export type EnquiryStorage = {
  records: Keyv<unknown>;
  snapshots: RecordsOfKind<Snapshot>;
  contacts: RecordsOfKind<Contact>;
  postRecords: RecordsOfKind<PostRecord>;
  deliveries: RecordsOfKind<DeliveryState>;
  sets: IndexSets;
  namespaces: { events: string; references: string; idempotency: string; leases: string };
};

export function openEnquiryStorage(store: Store, prefix: string): EnquiryStorage {
  const records = store.namespace<unknown>(`${prefix}enquiries`);
  return {
    records,
    snapshots: recordsOfKind<Snapshot>(records, 'snapshot'),
    contacts: recordsOfKind<Contact>(records, 'contact'),
    postRecords: recordsOfKind<PostRecord>(records, 'posts'),
    deliveries: recordsOfKind<DeliveryState>(records, 'delivery'),
    sets: createIndexSets(records, prefix),
    namespaces: {
      events: `${prefix}enquiry-events`,
      references: `${prefix}enquiry-refs`,
      idempotency: `${prefix}enquiry-idempotency`,
      leases: `${prefix}enquiry-leases`,
    },
  };
}

function recordsOfKind<Value>(records: Keyv<unknown>, kind: string): RecordsOfKind<Value> {
  const key = (reference: string) => `${kind}:${reference}`;
  return {
    async get(reference) {
      return (await records.get(key(reference))) as Value | undefined;
    },
    async getMany(references) {
      if (references.length === 0) return [];
      return (await records.getMany(references.map(key))) as (Value | undefined)[];
    },
    async set(reference, value) {
      await records.set(key(reference), value);
    },
    async delete(reference) {
      await records.delete(key(reference));
    },
  };
}

/** Formats a reference: ENQ-2026-0042 (at least four digits). */
export function formatReference(year: number, number: number): string {
  return `ENQ-${year}-${String(number).padStart(4, '0')}`;
}

/** The lowest unused reference number for the year: numbers are taken in order, so a binary search finds it. */
export async function firstFreeReferenceNumber(
  store: Store,
  referencesNamespace: string,
  year: number,
): Promise<number> {
  const taken = async (number: number) =>
    (await store.readUnique(referencesNamespace, formatReference(year, number))) !== undefined;
  if (!(await taken(1))) return 1;
  let low = 1;
  let high = 2;
  while (await taken(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await taken(middle)) low = middle;
    else high = middle;
  }
  return high;
}
