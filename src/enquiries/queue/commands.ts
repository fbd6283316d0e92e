import { z } from 'zod';
import type { ActionResult, Enquiry, EnquiryQueue } from '../enquiry-queue.js';
import type { Decision, EventLog } from './event-log.js';
import { actorOf } from './queue-context.js';
import { parseReference } from './references.js';

const Assignee = z
  .string()
  .trim()
  .min(1, { error: 'Say who to assign it to.' })
  .max(100, { error: 'That user id is too long.' });
const NoteText = z
  .string()
  .trim()
  .min(1, { error: 'Write the note.' })
  .max(3000, { error: 'Notes must be 3,000 characters or fewer.' });
const Outcome = z
  .string()
  .trim()
  .min(1, { error: 'Say what the outcome was.' })
  .max(2000, { error: 'The outcome must be 2,000 characters or fewer.' });
const CloseReason = z.enum(['duplicate', 'spam'], { error: 'The reason must be duplicate or spam.' });

const refuse = (message: string): ActionResult => ({ ok: false, reason: 'forbidden', message });
const invalid = (message: string): ActionResult => ({ ok: false, reason: 'invalid', message });
const finished = (enquiry: Enquiry): Decision | undefined =>
  enquiry.status === 'resolved' || enquiry.status === 'closed'
    ? { ok: false, reason: 'invalid', message: `${enquiry.reference} is already ${enquiry.status}.` }
    : undefined;

type Commands = Pick<EnquiryQueue, 'claim' | 'assign' | 'addNote' | 'resolve' | 'close'>;

/** The officers' commands: each checks who is acting, validates its input, and appends one event. */
export function createCommands(events: EventLog): Commands {
  const { act } = events;
  return {
    async claim(reference, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can claim enquiries.');
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        if (enquiry.status === 'claimed') {
          if (enquiry.assignee === by.userId) return { ok: true };
          return {
            ok: false,
            reason: 'conflict',
            message: `${enquiry.reference} is already claimed by ${enquiry.assigneeName ?? enquiry.assignee}`,
          };
        }
        return {
          ok: true,
          event: {
            type: 'claimed',
            data: { assignee: by.userId, ...(by.name !== undefined && { assigneeName: by.name }) },
          },
        };
      });
    },

    async assign(reference, assignee, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can assign enquiries.');
      const parsed = Assignee.safeParse(assignee);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Say who to assign it to.');
      const to = parsed.data;
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        if (enquiry.assignee === to) return { ok: true };
        const assigneeName = to === by.userId ? by.name : undefined;
        return {
          ok: true,
          event: { type: 'assigned', data: { assignee: to, ...(assigneeName !== undefined && { assigneeName }) } },
        };
      });
    },

    async addNote(reference, text, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can add notes to enquiries.');
      const parsed = NoteText.safeParse(text);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Write the note.');
      return act(reference, actorOf(by), () => ({ ok: true, event: { type: 'noted', data: { text: parsed.data } } }));
    },

    async resolve(reference, outcome, by) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can resolve enquiries.');
      const parsed = Outcome.safeParse(outcome);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Say what the outcome was.');
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        return { ok: true, event: { type: 'resolved', data: { outcome: parsed.data } } };
      });
    },

    async close(reference, reason, by, duplicateOf) {
      if (!by.isOfficer) return refuse('Only employer engagement officers can close enquiries.');
      const parsedReason = CloseReason.safeParse(reason);
      if (!parsedReason.success) return invalid('The reason must be duplicate or spam.');
      let original: string | undefined;
      if (duplicateOf !== undefined && duplicateOf.trim() !== '') {
        if (parsedReason.data !== 'duplicate') return invalid('Only a duplicate can name the enquiry it repeats.');
        original = parseReference(duplicateOf);
        if (original === undefined || (await events.loadMany([original])).length === 0) {
          return invalid(`There is no enquiry ${duplicateOf.trim()} to mark this as a duplicate of.`);
        }
        if (original === parseReference(reference)) return invalid('An enquiry cannot be a duplicate of itself.');
      }
      return act(reference, actorOf(by), (enquiry) => {
        const done = finished(enquiry);
        if (done) return done;
        return {
          ok: true,
          event: {
            type: 'closed',
            data: { reason: parsedReason.data, ...(original !== undefined && { duplicateOf: original }) },
          },
        };
      });
    },
  };
}
