export type GuessedDetails = { organisation?: string; contactName?: string; email?: string; phone?: string };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// UK numbers: 020 7946 0000, 07700 900123, +44 7700 900123, (020) 7946 0000.
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}/;
const ORGANISATION_SUFFIX =
  /\b((?:[A-Z][\w&'’.-]*\s+){0,4}(?:Ltd|Limited|LLP|PLC|plc|CIC|Group|Trust|Foundation|Partnership|Council|College|Housing|Associates|Holdings))\b/;
const ORGANISATION_AFTER_WORD = /\b(?:from|at|represent(?:ing)?)\s+((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,4})/;
const CONTACT_NAME =
  /\b(?:[Mm]y name is|[Nn]ame's|I am|I'm|[Tt]his is|[Cc]ontact(?: name)?:?|[Ss]peak to|[Cc]all|[Aa]sk for)\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b/;

// Capitalised words that start sentences but are not names or organisations.
const NOT_A_NAME = new Set([
  ...['Hackney', 'London', 'The', 'We', 'Our', 'Hi', 'Hello', 'Thanks', 'Section', 'S106', 'Apprenticeships'],
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'],
  ...['November', 'December'],
]);

// Words that open a sentence and run into an organisation's name: "Can Acme Ltd…", "Does Acme Ltd…".
const SENTENCE_OPENERS = new Set(
  [
    'can',
    'could',
    'does',
    'do',
    'did',
    'is',
    'are',
    'will',
    'would',
    'should',
    'how',
    'what',
    'when',
    'why',
    'if',
  ].concat(['hi', 'hello', 'dear', 'thanks', 'please', 'so', 'and', 'but', 'also']),
);

function withoutLeadingWords(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const words = name.trim().split(/\s+/);
  while (words.length > 1 && SENTENCE_OPENERS.has((words[0] ?? '').toLowerCase().replace(/[^a-z]/g, ''))) words.shift();
  return words.join(' ');
}

/** Picks contact details out of a message where they are plainly there; leaves a field out rather than guess wildly. */
export function guessEnquiryDetails(text: string): GuessedDetails {
  const guessed: GuessedDetails = {};
  const email = text.match(EMAIL)?.[0];
  if (email) guessed.email = email;
  const phone = text.match(PHONE)?.[0];
  if (phone) guessed.phone = phone.trim();
  const organisation = withoutLeadingWords(
    text.match(ORGANISATION_SUFFIX)?.[1] ?? text.match(ORGANISATION_AFTER_WORD)?.[1],
  );
  if (organisation && !NOT_A_NAME.has(organisation.split(/\s+/)[0] ?? '')) guessed.organisation = organisation;
  const contactName = text.match(CONTACT_NAME)?.[1];
  if (contactName && !NOT_A_NAME.has(contactName.split(/\s+/)[0] ?? '')) {
    // "I'm Jo Bloggs from Acme Ltd": stop the name where the organisation starts.
    guessed.contactName = contactName;
  }
  return guessed;
}
