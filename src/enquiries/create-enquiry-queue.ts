import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import { startDeliveryLoop } from './delivery/delivery-loop.js';
import { deliverOutbox } from './delivery/outbox.js';
import { sendReminders } from './delivery/reminders.js';
import { ENQUIRY_STATUSES, type EnquiryQueue, type TriagePublisher } from './enquiry-queue.js';
import { openEnquiryStorage } from './enquiry-storage.js';
import { createErasure } from './privacy/erasure.js';
import { createRetention } from './privacy/retention.js';
import { createCommands } from './queue/commands.js';
import { byCreation, createEventLog } from './queue/event-log.js';
import { createExport } from './queue/export.js';
import { createIntake } from './queue/intake.js';
import type { QueueContext, QueueSettings, Timers } from './queue/queue-context.js';
import { createReferenceAllocator, parseReference } from './queue/references.js';
import { londonDate } from './working-hours.js';

export { formatReference, parseReference } from './queue/references.js';

export type EnquiryQueueDeps = {
  store: Store;
  log: Logger;
  now: () => Date;
  settings: QueueSettings;
  /** Prepended to every storage key; tests and benchmarks use a unique one per run. */
  namespacePrefix?: string;
  /** The timer `startDelivery` uses; the global one unless a test injects its own. */
  timers?: Timers;
};

const RETENTION_EVERY_MS = 6 * 3_600_000;

/**
 * The employer enquiry queue on the shared store. Every change is an event written with insert-if-absent, so
 * replicas agree without locks; indexes (status, contact, outbox) are sets updated around each event.
 */
export function createEnquiryQueue(deps: EnquiryQueueDeps): EnquiryQueue {
  const { store, log, now, settings } = deps;
  const timers: Timers = deps.timers ?? {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
  const context: QueueContext = {
    store,
    log,
    now,
    settings,
    storage: openEnquiryStorage(store, deps.namespacePrefix ?? ''),
    owner: randomUUID(),
    wake: {},
  };
  const events = createEventLog(context);
  const erasure = createErasure(context, events);
  const retention = createRetention(context, events, erasure);
  let lastRetentionAt = Number.NEGATIVE_INFINITY;

  async function deliver(publishers: TriagePublisher[]): Promise<{ sent: number; failed: number }> {
    // Retention and the orphan sweep ride along with delivery, so a running app keeps to them without a schedule.
    if (now().getTime() - lastRetentionAt >= RETENTION_EVERY_MS) {
      lastRetentionAt = now().getTime();
      await retention.applyRetention();
      await retention.sweepOrphans();
    }
    if (publishers.length === 0) return { sent: 0, failed: 0 };
    const posts = await deliverOutbox(context, events, publishers, (reference) => erasure.removeOrphan(reference));
    const reminders = await sendReminders(context, events, publishers);
    return { sent: posts.sent + reminders.sent, failed: posts.failed + reminders.failed };
  }

  return {
    log: createIntake(context, events, createReferenceAllocator(context)),
    ...createCommands(events),

    async get(reference) {
      const parsed = parseReference(reference);
      if (parsed === undefined) return undefined;
      const [state] = await events.loadMany([parsed]);
      return state ? events.presentOne(state) : undefined;
    },

    async list(filter = {}) {
      const statuses = filter.status && filter.status.length > 0 ? filter.status : ENQUIRY_STATUSES;
      const states = (await events.loadMany(await events.allReferences(statuses))).filter(({ enquiry }) => {
        if (!statuses.includes(enquiry.status)) return false;
        if (filter.assignee !== undefined && enquiry.assignee !== filter.assignee) return false;
        const day = londonDate(new Date(enquiry.createdAt));
        if (filter.from !== undefined && day < filter.from) return false;
        if (filter.to !== undefined && day > filter.to) return false;
        return true;
      });
      states.sort(byCreation);
      return events.present(states);
    },

    async listWithoutContacts() {
      const states = await events.loadMany(await events.allReferences());
      states.sort(byCreation);
      return states.map((state) => ({ ...state.enquiry, contactName: '', posts: [] }));
    },

    exportEnquiries: createExport(context, events),
    eraseContact: erasure.eraseContact,
    applyRetention: retention.applyRetention,
    sweepOrphans: retention.sweepOrphans,
    deliver,
    startDelivery(publishers, options = {}) {
      return startDeliveryLoop(context, timers, deliver, publishers, options);
    },
  };
}
