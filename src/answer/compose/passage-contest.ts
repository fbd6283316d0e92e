import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { searchTerms } from '../../knowledge/normalise-text.js';
import { sectionText } from '../cite.js';
import type { QuestionIntent } from '../question-time.js';
import type { Retrieval } from '../retrieve.js';
import { type KindsAsked, kindFit, proseFit } from './figure-kind.js';
import { statedFigure } from './lead.js';
import { rarityAmong, type Unit, unitsOf } from './passages.js';

/** How much more of the question a passage must cover than the figure's name for the passage to lead instead. */
const MARGIN = 0.25;
/**
 * When the figure is not of a kind asked for ("when" asked of a count), the passage may cover this much less of the
 * question than the figure's name and still lead.
 */
const MARGIN_OTHER_KIND = -0.1;
/** An hourly rate as the knowledge base writes one. */
const HOURLY_RATE = /£\d[\d,.]* (?:an|per) hour\b/;
/** How much of the question the passage must cover at least. */
const MIN_COVER = 0.6;

/**
 * A passage that answers the question better than the figure chosen to lead it: one that states a figure of the kind
 * asked ("when": a date) and uses clearly more of the question's words, rarer words counting more, than the figure's
 * own name does. "When was Hackney Council accredited as a Living Wage employer" is answered by the sentence with the
 * year, not by the count of accredited employers whose name shares most of its words.
 */
export function passageAnswersBetter(
  lead: Fact,
  leadValue: string,
  units: Unit[],
  asked: KindsAsked,
  ownWords: string,
): Unit | undefined {
  const asking = [...new Set(searchTerms(ownWords))].filter((term) => !/^\d+$/.test(term));
  if (asking.length < 2 || units.length === 0) return undefined;
  const unitTerms = units.map((unit) => new Set(searchTerms(unit.plain)));
  // A word no passage uses weighs as much as the rarest.
  const weight = rarityAmong(unitTerms, Math.log(1 + units.length));
  const total = asking.reduce((sum, term) => sum + weight(term), 0);
  const cover = (terms: Set<string>) =>
    asking.filter((term) => terms.has(term)).reduce((sum, term) => sum + weight(term), 0) / total;
  const named = cover(new Set([lead.label, ...lead.aliases].flatMap((name) => searchTerms(name))));
  const margin = kindFit(lead.unit, asked) > 0 ? MARGIN : MARGIN_OTHER_KIND;
  let best: { unit: Unit; cover: number } | undefined;
  units.forEach((unit, n) => {
    if (proseFit(unit.plain, asked) < 0.7 || unit.plain.includes(leadValue)) return;
    // A pay question is answered by a rate: any other amount of money ("fines of up to £20,000") is not one.
    if ((asked.hourly ?? 0) >= 0.7 && !HOURLY_RATE.test(unit.plain)) return;
    const covered = cover(unitTerms[n] as Set<string>);
    if (covered >= MIN_COVER && covered >= named + margin && (!best || covered > best.cover)) {
      best = { unit, cover: covered };
    }
  });
  return best?.unit;
}

/** Whether a passage of the best sections answers the question better than the figure chosen to lead. */
export function passageLeadsInstead(
  lead: Fact,
  input: { knowledge: Knowledge; retrieval: Retrieval; intent: QuestionIntent },
  asked: KindsAsked,
  ownWords: string,
): boolean {
  const { knowledge, retrieval, intent } = input;
  const date = intent.time.kind === 'day' ? intent.time.date : intent.time.end;
  const entry = figureAsOf(lead, date);
  // "When did it go up": the figure's own change answers it.
  if (!entry || intent.wantsHistory || intent.wantsChangeDate) return false;
  const topScore = retrieval.sections[0]?.hit.score ?? 0;
  const units = retrieval.sections
    .slice(0, 3)
    .filter(({ hit }) => hit.score >= topScore * 0.6)
    .flatMap(({ section }) => unitsOf(section, sectionText(knowledge, section, date)));
  const value = statedFigure(lead, entry).value.replace(/ an hour$/, '');
  return passageAnswersBetter(lead, value, units, asked, ownWords) !== undefined;
}
