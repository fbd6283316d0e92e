import { errorCode } from '../../errors.js';
import type { EnquiryQueue, TriagePublisher } from '../enquiry-queue.js';
import type { QueueContext, Timers } from '../queue/queue-context.js';

/** Calls `deliver` on a timer, and straight away when this process logs or changes an enquiry. */
export function startDeliveryLoop(
  context: QueueContext,
  timers: Timers,
  deliver: EnquiryQueue['deliver'],
  publishers: TriagePublisher[],
  options: { intervalMs?: number } = {},
): () => Promise<void> {
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
        (error: unknown) => context.log.error({ code: errorCode(error) }, 'enquiry delivery failed'),
      )
      .finally(() => {
        busy = false;
        if (!stopped) handle = timers.setTimeout(tick, again ? 0 : intervalMs);
        again = false;
      });
  };
  handle = timers.setTimeout(tick, 0);
  context.wake.delivery = () => {
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
    context.wake.delivery = undefined;
    timers.clearTimeout(handle);
    await running;
  };
}
