import type { Enquiry, EnquiryArrival, EnquiryTopic, HistoryEntry, Platform } from './enquiry-queue.js';

export type EventActor = { platform: Platform; userId: string; name?: string };

type EventBase = { at: string; actor: EventActor };

/**
 * One change to an enquiry. Event N of an enquiry is written once (insert-if-absent on `REF:N`), so the order of
 * the log decides every race; the enquiry is the fold of its events. Events never hold contact details.
 */
export type EnquiryEvent = EventBase &
  (
    | {
        type: 'logged';
        data: {
          organisation: string;
          topic: EnquiryTopic;
          description: string;
          arrivedVia: EnquiryArrival;
          sourceLink?: string;
        };
      }
    | { type: 'claimed'; data: { assignee: string; assigneeName?: string } }
    | { type: 'assigned'; data: { assignee: string; assigneeName?: string } }
    | { type: 'noted'; data: { text: string } }
    | { type: 'resolved'; data: { outcome: string } }
    | { type: 'closed'; data: { reason: 'duplicate' | 'spam'; duplicateOf?: string } }
    | { type: 'reminded'; data: { kind: 'unclaimed' | 'stale-claim' } }
    | { type: 'erased'; data: { why: 'request' | 'retention' } }
    // Written as event 1 of a reference whose logging never finished, so it can never come into being.
    | { type: 'abandoned'; data: Record<string, never> }
  );

/** Applies one event to the enquiry as it stood (undefined before event 1). Contact details are merged in later. */
export function applyEvent(
  reference: string,
  state: Enquiry | undefined,
  event: EnquiryEvent,
  seq: number,
): Enquiry | undefined {
  if (state === undefined) {
    if (event.type !== 'logged') return undefined;
    return {
      reference,
      organisation: event.data.organisation,
      contactName: '',
      topic: event.data.topic,
      description: event.data.description,
      arrivedVia: event.data.arrivedVia,
      ...(event.data.sourceLink !== undefined && { sourceLink: event.data.sourceLink }),
      loggedBy: event.actor,
      status: 'new',
      notes: [],
      history: [historyEntry(seq, event, `logged (${event.data.arrivedVia})`)],
      createdAt: event.at,
      updatedAt: event.at,
      posts: [],
    };
  }
  const next: Enquiry = { ...state, history: [...state.history], notes: [...state.notes] };
  let detail: string | undefined;
  switch (event.type) {
    case 'logged':
    case 'abandoned':
      return state;
    case 'claimed':
    case 'assigned':
      next.assignee = event.data.assignee;
      if (event.data.assigneeName !== undefined) next.assigneeName = event.data.assigneeName;
      else delete next.assigneeName;
      if (next.status === 'new') next.status = 'claimed';
      detail =
        event.type === 'claimed'
          ? `claimed by ${event.data.assigneeName ?? event.data.assignee}`
          : `assigned to ${event.data.assigneeName ?? event.data.assignee}`;
      break;
    case 'noted':
      next.notes.push({ at: event.at, by: event.actor.name ?? event.actor.userId, text: event.data.text });
      detail = 'internal note added';
      break;
    case 'resolved':
      next.status = 'resolved';
      next.outcome = event.data.outcome;
      next.resolvedAt = event.at;
      detail = event.data.outcome;
      break;
    case 'closed':
      next.status = 'closed';
      next.closedReason = event.data.reason;
      next.closedAt = event.at;
      if (event.data.duplicateOf !== undefined) next.duplicateOf = event.data.duplicateOf;
      detail =
        event.data.reason === 'duplicate'
          ? `closed as a duplicate${event.data.duplicateOf ? ` of ${event.data.duplicateOf}` : ''}`
          : 'closed as spam';
      break;
    case 'reminded':
      detail =
        event.data.kind === 'unclaimed' ? 'unclaimed past the SLA: re-announced' : 'claim untouched: assignee reminded';
      break;
    case 'erased':
      next.contactErasedAt = event.at;
      detail =
        event.data.why === 'request'
          ? 'contact details erased on request'
          : 'contact details erased after the retention period';
      break;
  }
  next.history.push(historyEntry(seq, event, detail));
  // Reminders are the system's own doing, not a touch by a person.
  if (event.type !== 'reminded') next.updatedAt = event.at;
  return next;
}

function historyEntry(
  seq: number,
  event: Exclude<EnquiryEvent, { type: 'abandoned' }>,
  detail: string | undefined,
): HistoryEntry {
  return {
    seq,
    at: event.at,
    actor: event.actor,
    action: event.type,
    ...(detail !== undefined && { detail }),
  };
}

/** An event before it is stamped with its time and actor. */
export type EventBody = EnquiryEvent extends infer Event
  ? Event extends EnquiryEvent
    ? Omit<Event, 'at' | 'actor'>
    : never
  : never;
