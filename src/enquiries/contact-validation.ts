import { lazyModule } from '../lazy-module.js';

/** libphonenumber-js is loaded when a phone number is first checked, not at start-up. */
const phoneNumbers = lazyModule<typeof import('libphonenumber-js')>('libphonenumber-js');

export const PHONE_MESSAGE = 'Enter a UK phone number, like 020 8356 3000 or 07700 900 982.';

/** Characters that show nothing: format characters (zero-width space, joiners, direction marks), fillers, blanks. */
const INVISIBLE = /(?:[\p{Cf}\p{Cc}\p{Z}\s\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]|\u034F|[\uFE00-\uFE0F])/gu;

/** Whether a text is made only of characters that show nothing (so a name of zero-width spaces looks blank). */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** A UK phone number in E.164 ("+442083563000"), read by libphonenumber-js with the UK as the default country. */
export function normalisePhone(phone: string): string | undefined {
  if (phoneCharacterProblem(phone) !== undefined) return undefined;
  const parsed = phoneNumbers().parsePhoneNumberFromString(phone, 'GB');
  // A UK national number never starts with 0 once its trunk prefix is gone ("0000 000 000" is no number).
  if (parsed?.countryCallingCode !== '44' || !parsed.isPossible() || /^0/.test(parsed.nationalNumber)) return undefined;
  return parsed.number;
}

function phoneCharacterProblem(phone: string): string | undefined {
  if (/[\r\n\u2028\u2029]/.test(phone)) return 'A phone number must be on one line.';
  if (!/^[0-9+() .-]+$/.test(phone))
    return 'A phone number may hold only digits, spaces, brackets, dots, dashes and a leading +.';
  return undefined;
}

/** Why a phone number cannot be taken, in words for the person who typed it, or undefined when it can. */
export function phoneProblem(phone: string): string | undefined {
  return phoneCharacterProblem(phone) ?? (normalisePhone(phone) === undefined ? PHONE_MESSAGE : undefined);
}

/** Why a source link cannot be taken (it is posted to the triage channel as a link), or undefined when it can. */
export function sourceLinkProblem(link: string): string | undefined {
  if (/[\s|<>\p{Cc}]/u.test(link))
    return 'The source link cannot contain spaces, line breaks or the characters |, < or >.';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'The source link must be a full web address starting https:// or http://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The source link must start with https:// or http://.';
  if (url.hostname === '') return 'The source link must name a website.';
  if (url.username !== '' || url.password !== '') return 'The source link cannot contain a user name or password.';
  return undefined;
}
