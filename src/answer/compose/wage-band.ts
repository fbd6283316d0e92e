import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';

const ASKS_WAGE = /\b(min(?:imum)? wage|nmw|nlw|national living wage|pay(?:ing)?|paid|wage|rate)\b/i;
const AGE =
  /\b(\d{2})\s*(?:-?\s*(?:yr|year)s?[- ]?old|yo\b|y\/o)|\baged?\s*(\d{2})\b|\bunder[- ]?(18)s?\b|\b(\d{2})\s*(?:-|to)\s*\d{2}s\b/i;

/**
 * For a minimum wage question that gives a worker's age ("min wage for a 19 yr old"), the band for that age as of
 * today's rules; undefined for apprentices (their rate depends on the year of the apprenticeship too).
 */
export function wageBandFor(question: string, knowledge: Knowledge, date: string): Fact | undefined {
  if (!ASKS_WAGE.test(question) || (/\bapprentic/i.test(question) && !/\bnot (?:an )?apprentic/i.test(question))) {
    return undefined;
  }
  const match = AGE.exec(question);
  if (!match) return undefined;
  const age = match[3] ? 17 : Number(match[1] ?? match[2] ?? match[4]);
  if (age < 16 || age > 70) return undefined;
  const nlwAge = knowledge.facts.get('wage.nlw-age');
  const held = nlwAge ? figureAsOf(nlwAge, date) : undefined;
  const latestNlwAge = held ? Number(held.value) : 21;
  const key =
    age < 18 ? 'wage.under-18' : age <= 20 ? 'wage.18-to-20' : age >= latestNlwAge ? 'wage.nlw' : 'wage.21-to-nlw-age';
  const fact = knowledge.facts.get(key);
  return fact && figureAsOf(fact, date) ? fact : undefined;
}
