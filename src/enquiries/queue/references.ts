import { firstFreeReferenceNumber, formatReference } from '../enquiry-storage.js';
import { londonDate } from '../working-hours.js';
import type { QueueContext } from './queue-context.js';

const REFERENCE_PATTERN = /^ENQ-(\d{4})-(\d{4,})$/;

/** A reference as typed (any case, surrounding space), or undefined when it is not one. */
export function parseReference(text: string): string | undefined {
  const reference = text.trim().toUpperCase();
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}

export { formatReference };

/** Orders references by year, then number (ENQ-2026-9999 before ENQ-2026-10000). */
export function compareReferences(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}

/**
 * Takes the next free reference of the current London year. Numbers are taken in order with insert-if-absent, so
 * two replicas never share one; each remembers where it got to.
 */
export function createReferenceAllocator(context: QueueContext): () => Promise<string> {
  const { store, now, owner } = context;
  const namespace = context.storage.namespaces.references;
  const nextNumberHint = new Map<number, number>();
  return async () => {
    const year = Number(londonDate(now()).slice(0, 4));
    let number = nextNumberHint.get(year) ?? (await firstFreeReferenceNumber(store, namespace, year));
    // Another replica may have taken the hinted number: try the next until an insert succeeds.
    const taken = { by: owner, at: now().toISOString() };
    while (!(await store.insertIfAbsent(namespace, formatReference(year, number), taken))) number += 1;
    nextNumberHint.set(year, number + 1);
    return formatReference(year, number);
  };
}
