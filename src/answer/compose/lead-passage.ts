import { wordCount } from '../readability.js';
import { type KindsAsked, proseFit } from './figure-kind.js';
import type { Unit } from './passages.js';

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z£"(])/;
/** A sentence that leans on the one before it cannot open an answer. */
const LEANS_ON_BEFORE = /^(?:it|its|they|their|this|these|that|those|he|she|such|the same|also|but|and|so|then)\b/i;
/** The subject of a defining sentence: "The Hackney Apprenticeship Network (HAN)" in "... (HAN) is a network". */
const SUBJECT = /^((?:The |Hackney |A |An )?[A-Z][\w&+'’-]*(?: [\w&+'’()-]+){0,7}?) (?:is|was|are|were) /;
/** How far below the best passage one may score and still lead because it holds the figure asked for. */
const LEAD_SHARE = 0.3;

/**
 * When no held figure answers the question, the passage that states the kind of figure asked for ("when": a date,
 * "how many": a count) leads, opening with the sentence that holds it when that sentence stands on its own.
 */
export function leadPassage(
  scored: { unit: Unit; score: number }[],
  asked: KindsAsked,
): { unit: Unit; split: boolean } | undefined {
  const top = scored[0]?.score ?? 0;
  let best: { unit: Unit; score: number } | undefined;
  for (const entry of scored.slice(0, 6)) {
    if (entry.score < top * LEAD_SHARE) break;
    const fit = proseFit(entry.unit.plain, asked);
    if (fit <= 0) continue;
    const score = entry.score * (1 + fit);
    if (!best || score > best.score) best = { unit: entry.unit, score };
  }
  if (!best) return undefined;
  const unit = best.unit;
  const only = unit.blocks.length === 1 ? unit.blocks[0] : undefined;
  if (only?.kind !== 'paragraph') return { unit, split: false };
  const sentences = only.text.split(SENTENCE_END);
  if (proseFit(sentences[0] ?? '', asked) > 0) return { unit, split: false };
  const holding = sentences.find((sentence) => proseFit(sentence, asked) > 0);
  if (!holding) return { unit, split: false };
  // "It launched in March 2019" after "The Hackney Apprenticeship Network (HAN) is ..." takes that subject.
  const subject = SUBJECT.exec(sentences[0] ?? '')?.[1];
  const opening = /^It\s/.test(holding) && subject ? holding.replace(/^It\s/, `${subject} `) : holding;
  if (LEANS_ON_BEFORE.test(opening)) return { unit, split: false };
  // The defining sentence then follows it as "It is ...", not naming the subject twice.
  const rest = sentences
    .filter((sentence) => sentence !== holding)
    .map((sentence, n) => (n === 0 && opening !== holding && subject ? sentence.replace(subject, 'It') : sentence));
  const text = [opening, ...rest].join(' ');
  return { unit: { ...unit, blocks: [{ kind: 'paragraph', text }], plain: text, words: wordCount(text) }, split: true };
}

/** A passage without its sentences that restate a figure already given; undefined when nothing else is left. */
export function withoutRestated(unit: Unit, values: string[]): Unit | undefined {
  const only = unit.blocks.length === 1 ? unit.blocks[0] : undefined;
  if (only?.kind !== 'paragraph' || !values.some((value) => unit.plain.includes(value))) return unit;
  const kept = only.text.split(SENTENCE_END).filter((sentence) => !values.some((value) => sentence.includes(value)));
  if (kept.length === 0) return undefined;
  const text = kept.join(' ');
  return { ...unit, blocks: [{ kind: 'paragraph', text }], plain: text, words: wordCount(text) };
}
