import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { EnquiryQueue } from './enquiry-queue.js';

export type EnquiryQueueDeps = {
  store: Store;
  log: Logger;
  now: () => Date;
  settings: { slaHours: number; retentionDays: number; staleClaimWorkingDays: number };
};

/** Placeholder until the queue lands. */
export function createEnquiryQueue(_deps: EnquiryQueueDeps): EnquiryQueue {
  return new Proxy({} as EnquiryQueue, {
    get() {
      throw new Error('enquiry queue not implemented yet');
    },
  });
}
