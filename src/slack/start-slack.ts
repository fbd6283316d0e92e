import type { Core } from '../core.js';
import type { TriagePublisher } from '../enquiries/enquiry-queue.js';

export type RunningTransport = { stop(): Promise<void>; publisher?: TriagePublisher };

/** Starts the Slack app (Socket Mode or HTTP) when Slack is configured. Placeholder until the app lands. */
export async function startSlack(_core: Core): Promise<RunningTransport | undefined> {
  return undefined;
}
