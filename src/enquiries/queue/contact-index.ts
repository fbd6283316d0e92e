import { indexHash, normaliseEmail, normaliseOrganisation, normalisePhone } from '../enquiry-schema.js';
import type { Contact } from '../enquiry-storage.js';

/** The index sets an enquiry's organisation and contact details are listed in (hashes, never the details). */
export function contactSets(organisation: string, contact: Contact): string[] {
  const keys = [`org:${indexHash(normaliseOrganisation(organisation))}`];
  if (contact.email !== undefined) keys.push(`email:${indexHash(normaliseEmail(contact.email))}`);
  if (contact.phone !== undefined) keys.push(`phone:${indexHash(normalisePhone(contact.phone) ?? contact.phone)}`);
  return keys;
}

/** The index sets that point at a person (email, phone), which erasure must clear. */
export function personalSets(contact: Contact): string[] {
  return contactSets('', contact).filter((key) => !key.startsWith('org:'));
}
