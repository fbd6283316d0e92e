import { describe, expect, it } from 'vitest';
import { EnquiryInputSchema, toFieldIssues } from '../../src/enquiries/enquiry-schema.js';

const valid = {
  organisation: 'Acme Builders Ltd',
  contactName: 'Priya Shah',
  email: 'priya@example.org',
  description: 'Wants to take on two apprentices.',
  arrivedVia: 'bot',
};

/** The messages an enquiry gets for one field, or [] when it is accepted. */
function issuesFor(change: Record<string, unknown>, field: string): string[] {
  const parsed = EnquiryInputSchema.safeParse({ ...valid, ...change });
  if (parsed.success) return [];
  return toFieldIssues(parsed.error)
    .filter((issue) => issue.field === field)
    .map((issue) => issue.message);
}

describe('enquiry source links', () => {
  it.each([
    ['https://x/|x> <!channel> <https://y', /cannot contain spaces, line breaks or the characters \|, < or >/],
    ['https://x.example/|<!channel>', /the characters \|, < or >/],
    ['https://x.example/a>b', /the characters \|, < or >/],
    ['https://x.example/\n<!here>', /line breaks/],
    ['javascript:alert(1)', /must start with https:\/\/ or http:\/\//],
    ['mailto:someone@example.org', /must start with https:\/\/ or http:\/\//],
    ['ftp://files.example.org/report', /must start with https:\/\/ or http:\/\//],
    ['www.example.org/page', /full web address/],
    ['https://user:secret@example.org/', /user name or password/],
  ])('refuses %j with a message saying why', (sourceLink, message) => {
    const messages = issuesFor({ sourceLink }, 'sourceLink');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    'https://hackney.gov.uk/enquiry?id=7',
    'http://intranet.example/page#top',
    'https://app.slack.com/client/T1/C1',
  ])('accepts %s', (sourceLink) => {
    expect(issuesFor({ sourceLink }, 'sourceLink')).toEqual([]);
  });
});

describe('enquiry phone numbers, read by libphonenumber-js (UK by default)', () => {
  it.each([
    ['020 8356 3000\n<!channel>', /must be on one line/],
    ['020 8356\n3000', /must be on one line/],
    ['020 8356 3000\n', /must be on one line/],
    ['020 8356 3000 ext <!here>', /only digits, spaces, brackets, dots, dashes and a leading \+/],
    ['+33 1 23 45 67 89', /Enter a UK phone number/],
    ['12345', /Enter a UK phone number/],
  ])('refuses %j with a message saying why', (phone, message) => {
    const messages = issuesFor({ phone }, 'phone');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(['020 8356 3000', '+44 20 8356 3000', '0044 (0)20 8356 3000', '07700 900 982', '  020-8356-3000  '])(
    'accepts %j',
    (phone) => {
      expect(issuesFor({ phone }, 'phone')).toEqual([]);
    },
  );
});

describe('enquiry names', () => {
  it.each([
    ['\u200B\u200B\u200B', 'zero-width spaces'],
    ['\u200C\u200D\u2060', 'zero-width joiners and a word joiner'],
    ['\uFEFF\u00A0\u3164', 'a byte-order mark, a no-break space and a Hangul filler'],
    ['\u202E\u2066', 'direction marks'],
  ])('refuses a contact name made only of invisible characters (%j: %s)', (contactName) => {
    expect(issuesFor({ contactName }, 'contactName')).toEqual([
      "Enter the contact's name in letters: this one is made only of invisible characters.",
    ]);
  });

  it('refuses an organisation name made only of invisible characters', () => {
    expect(issuesFor({ organisation: '\u200B\u2063' }, 'organisation')).toEqual([
      "Enter the organisation's name in letters: this one is made only of invisible characters.",
    ]);
  });

  it.each(['Zoë O’Brien', 'محمد', '李雷', 'Jo\u200BBloggs'])('accepts the name %j', (contactName) => {
    expect(issuesFor({ contactName }, 'contactName')).toEqual([]);
  });
});
