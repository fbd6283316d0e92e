import { z } from 'zod';
import type { EnquiryEvent, EventActor } from '../enquiry-events.js';
import type { EnquiryQueue } from '../enquiry-queue.js';
import { indexHash, normaliseEmail, normalisePhone } from '../enquiry-schema.js';
import type { Contact } from '../enquiry-storage.js';
import { personalSets } from '../queue/contact-index.js';
import type { EventLog } from '../queue/event-log.js';
import { actorOf, CONTACTS_HELD, type QueueContext, SYSTEM_ACTOR } from '../queue/queue-context.js';

/** A reference allocated this long ago with no enquiry behind it is taken to be a log that never finished. */
export const ABANDONED_AFTER_MS = 3_600_000;

export type Erasure = {
  /** Removes one enquiry's contact details and records the erasure; false when there was nothing to erase. */
  erase(reference: string, why: 'request' | 'retention', actor: EventActor): Promise<boolean>;
  /**
   * Contact details under a reference that has no enquiry (a log that stopped part-way): marks the reference
   * abandoned, so it can never come into being, then removes the details and their index entries.
   * `force` skips the one-hour grace period (an erasure request names the person, so it need not wait).
   */
  removeOrphan(reference: string, options?: { force?: boolean }): Promise<boolean>;
  eraseContact: EnquiryQueue['eraseContact'];
};

export function createErasure(context: QueueContext, events: EventLog): Erasure {
  const { store, log, now } = context;
  const { contacts, sets, namespaces } = context.storage;

  async function clearDetails(reference: string, contact: Contact | undefined): Promise<void> {
    // The details go first: once the erasure is decided, nothing may keep them, even after a crash.
    if (contact) await Promise.all(personalSets(contact).map((key) => sets.remove(key, reference)));
    await contacts.delete(reference);
  }

  async function erase(reference: string, why: 'request' | 'retention', actor: EventActor): Promise<boolean> {
    const [current] = await events.loadMany([reference]);
    if (current === undefined || current.enquiry.contactErasedAt !== undefined) return false;
    await clearDetails(reference, await contacts.get(reference));
    const result = await events.act(reference, actor, (enquiry) =>
      enquiry.contactErasedAt === undefined ? { ok: true, event: { type: 'erased', data: { why } } } : { ok: true },
    );
    if (result.ok) await sets.remove(CONTACTS_HELD, reference);
    return result.ok;
  }

  async function removeOrphan(reference: string, options: { force?: boolean } = {}): Promise<boolean> {
    if (!options.force) {
      const allocation = await store.readUnique<{ at?: string }>(namespaces.references, reference);
      const at = allocation?.at === undefined ? Number.NaN : Date.parse(allocation.at);
      // No allocation time (a record from an older version) counts as old.
      if (!Number.isNaN(at) && now().getTime() - at < ABANDONED_AFTER_MS) return false;
    }
    const marker: EnquiryEvent = { type: 'abandoned', at: now().toISOString(), actor: SYSTEM_ACTOR, data: {} };
    await store.insertIfAbsent(namespaces.events, `${reference}:1`, marker);
    const first = await store.readUnique<EnquiryEvent>(namespaces.events, `${reference}:1`);
    if (first?.type !== 'abandoned') return false;
    const contact = await contacts.get(reference);
    await clearDetails(reference, contact);
    await Promise.all(['status:new', CONTACTS_HELD, 'outbox'].map((set) => sets.remove(set, reference)));
    log.warn({ reference, hadContact: contact !== undefined }, 'abandoned enquiry reference cleaned up');
    return contact !== undefined;
  }

  async function eraseContact(email: string, by: Parameters<EnquiryQueue['eraseContact']>[1]) {
    if (!by.isOfficer) {
      return { ok: false as const, message: 'Only employer engagement officers can erase contact details.' };
    }
    const parsed = z.email().safeParse(email.trim());
    if (!parsed.success)
      return { ok: false as const, message: 'Give the email address whose details should be erased.' };
    const wanted = normaliseEmail(parsed.data);
    // The person's records are those with this email, and those with a phone number given alongside it.
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
    const references = [...matches.keys()].sort();
    const existing = new Set((await events.loadMany(references)).map((state) => state.enquiry.reference));
    let erased = 0;
    for (const reference of references) {
      // Details held under a reference with no enquiry (a crash mid-log) are the person's too: they go as well.
      const done = existing.has(reference)
        ? await erase(reference, 'request', actorOf(by))
        : await removeOrphan(reference, { force: true });
      if (done) erased += 1;
    }
    log.info({ erased, by: by.userId }, 'contact details erased on request');
    return { ok: true as const, erased };
  }

  return { erase, removeOrphan, eraseContact };
}
