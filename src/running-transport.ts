import type { TriagePublisher } from './enquiries/enquiry-queue.js';

/** A started transport (Slack or Teams), as the CLI's `start` holds it. */
export type RunningTransport = { stop(): Promise<void>; publisher?: TriagePublisher };
