import type { Actor, Enquiry } from '../../enquiries/index.js';
import { londonDate } from '../../enquiries/index.js';
import { formatDate } from '../../knowledge/format.js';

/** Contact details and internal notes are for officers only. */
export function visible(enquiry: Enquiry, by: Actor): Partial<Enquiry> {
  if (by.isOfficer) return enquiry;
  const { contactName: _name, email: _email, phone: _phone, notes: _notes, ...rest } = enquiry;
  return { ...rest, history: rest.history.filter((entry) => entry.action !== 'noted') };
}

export function when(iso: string): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return `${formatDate(londonDate(date))} ${time}`;
}

export function renderEnquiry(enquiry: Partial<Enquiry>, isOfficer: boolean): string {
  const lines = [`${enquiry.reference}  ${enquiry.status}  ${enquiry.topic}`, `Organisation: ${enquiry.organisation}`];
  if (isOfficer) {
    const contact = enquiry.contactErasedAt
      ? `erased ${when(enquiry.contactErasedAt)}`
      : [enquiry.contactName, enquiry.email, enquiry.phone].filter(Boolean).join(', ');
    lines.push(`Contact: ${contact}`);
  }
  lines.push(
    `Logged: ${when(enquiry.createdAt ?? '')} by ${enquiry.loggedBy?.name ?? enquiry.loggedBy?.userId} (${enquiry.arrivedVia})`,
    `Assignee: ${enquiry.assigneeName ?? enquiry.assignee ?? 'unassigned'}`,
  );
  if (enquiry.sourceLink) lines.push(`Source: ${enquiry.sourceLink}`);
  if (enquiry.outcome) lines.push(`Outcome: ${enquiry.outcome}`);
  if (enquiry.duplicateOf) lines.push(`Duplicate of: ${enquiry.duplicateOf}`);
  lines.push('Description:', ...(enquiry.description ?? '').split('\n').map((line) => `  ${line}`));
  if (isOfficer && enquiry.notes && enquiry.notes.length > 0) {
    lines.push('Notes (internal):', ...enquiry.notes.map((note) => `  ${when(note.at)}  ${note.by}: ${note.text}`));
  }
  lines.push(
    'History:',
    ...(enquiry.history ?? []).map(
      (entry) =>
        `  ${when(entry.at)}  ${entry.action.padEnd(8)}  ${entry.actor.name ?? entry.actor.userId}${entry.detail ? `  ${entry.detail}` : ''}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
