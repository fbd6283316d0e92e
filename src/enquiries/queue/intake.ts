import { StoreError } from '../../errors.js';
import { applyEvent, type EnquiryEvent } from '../enquiry-events.js';
import type { Actor, Enquiry, EnquiryQueue, LogResult } from '../enquiry-queue.js';
import { EnquiryInputSchema, toFieldIssues } from '../enquiry-schema.js';
import type { Contact, Snapshot } from '../enquiry-storage.js';
import { suggestTopic } from '../suggest-topic.js';
import { contactSets } from './contact-index.js';
import type { EventLog } from './event-log.js';
import { actorOf, CONTACTS_HELD, OPEN_STATUSES, type QueueContext } from './queue-context.js';

/** `log`: validates a submission, gives it a reference and writes event 1; the same idempotency key never logs twice. */
export function createIntake(
  context: QueueContext,
  events: EventLog,
  allocateReference: () => Promise<string>,
): EnquiryQueue['log'] {
  const { store, log, now } = context;
  const { contacts, sets, namespaces } = context.storage;

  async function possibleDuplicates(enquiry: Enquiry, contact: Contact | undefined) {
    const lists = await Promise.all(
      contactSets(enquiry.organisation, contact ?? { contactName: '' }).map((key) => sets.members(key)),
    );
    const others = [...new Set(lists.flat())].filter((reference) => reference !== enquiry.reference).sort();
    const open = (await events.loadMany(others)).filter((state) => OPEN_STATUSES.includes(state.enquiry.status));
    return (await events.present(open)).map(({ reference, organisation, contactName, status }) => ({
      reference,
      organisation,
      contactName,
      status,
    }));
  }

  return async (input: unknown, by: Actor, options: { idempotencyKey?: string } = {}): Promise<LogResult> => {
    const parsed = EnquiryInputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
    const data = parsed.data;
    const idempotencyKey = options.idempotencyKey?.trim() || undefined;

    let reference: string | undefined;
    if (idempotencyKey !== undefined) {
      reference = await store.readUnique<string>(namespaces.idempotency, idempotencyKey);
      if (reference !== undefined) {
        const [existing] = await events.loadMany([reference]);
        if (existing) {
          const contact = await contacts.get(reference);
          return {
            ok: true,
            enquiry: await events.presentOne(existing),
            created: false,
            possibleDuplicates: await possibleDuplicates(existing.enquiry, contact),
          };
        }
        // The first attempt stopped part-way: finish it under the same reference.
      }
    }
    if (reference === undefined) {
      reference = await allocateReference();
      if (
        idempotencyKey !== undefined &&
        !(await store.insertIfAbsent(namespaces.idempotency, idempotencyKey, reference))
      ) {
        // Another replica took the same submission at the same moment; this reference stays unused.
        reference = (await store.readUnique<string>(namespaces.idempotency, idempotencyKey)) ?? reference;
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
    // Indexes first (contacts-held among them), then the contact details, then the event that makes the enquiry
    // exist: a crash at any point leaves the details reachable from the index, so erasure and the sweep find them.
    await sets.addMany(
      ['status:new', 'outbox', CONTACTS_HELD, ...contactSets(data.organisation, contact)].map((set) => ({
        set,
        member: reference,
      })),
    );
    await contacts.set(reference, contact);
    const created = await store.insertIfAbsent(namespaces.events, `${reference}:1`, event);
    let state: Snapshot | undefined;
    if (created) {
      state = { seq: 1, enquiry: applyEvent(reference, undefined, event, 1)! };
      await context.storage.snapshots.set(reference, state);
    } else {
      [state] = await events.loadMany([reference]);
    }
    if (state === undefined) throw new StoreError(`${reference} was not stored`);
    if (created) {
      log.info({ reference, topic: state.enquiry.topic, arrivedVia: data.arrivedVia, by: by.userId }, 'enquiry logged');
      context.wake.delivery?.();
    }
    return {
      ok: true,
      enquiry: await events.presentOne(state),
      created,
      possibleDuplicates: await possibleDuplicates(state.enquiry, contact),
    };
  };
}
