import type { Enquiry } from './enquiry-queue.js';

export const CSV_COLUMNS = [
  'reference',
  'createdAt',
  'organisation',
  'contactName',
  'email',
  'phone',
  'topic',
  'status',
  'assignee',
  'resolvedAt',
  'outcome',
  'arrivedVia',
] as const;

// Text typed by people outside the council could start a spreadsheet formula; such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
const FREE_TEXT = new Set<string>(['organisation', 'contactName', 'outcome', 'assignee', 'email']);

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(enquiries: Enquiry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const enquiry of enquiries) {
    lines.push(
      CSV_COLUMNS.map((column) => {
        const raw = enquiry[column];
        const text = raw === undefined ? '' : String(raw);
        return quote(FREE_TEXT.has(column) && FORMULA_START.test(text) ? `'${text}` : text);
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
