import type { Section } from '../../knowledge/knowledge.js';
import { searchTerms } from '../../knowledge/normalise-text.js';
import type { AnswerBlock } from '../answer.js';
import { wordCount } from '../readability.js';
import { parseBlocks } from './blocks.js';

/** A quotable piece of a section: one sentence, or a whole list or table with its lead-in sentence. */
export type Unit = { section: Section; position: number; blocks: AnswerBlock[]; plain: string; words: number };

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z£"(])/;

/** Most words in a run of sentences quoted together. */
const RUN_WORDS = 42;

function plainOf(blocks: AnswerBlock[]): string {
  return blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? block.text
        : block.kind === 'list'
          ? block.items.join(' ')
          : [block.header, ...block.rows].map((row) => row.join(' ')).join(' '),
    )
    .join(' ');
}

/** Splits a section's text (as of the date asked) into units, in order. */
export function unitsOf(section: Section, markdown: string): Unit[] {
  const pieces: AnswerBlock[][] = [];
  for (const block of parseBlocks(markdown)) {
    if (block.kind !== 'paragraph') {
      const last = pieces[pieces.length - 1];
      const leadIn = last?.length === 1 && last[0]?.kind === 'paragraph' && /:\s*$/.test(last[0].text);
      if (leadIn && last) last.push(block);
      else pieces.push([block]);
      continue;
    }
    // Sentences grouped into short runs, so a passage keeps the sentence that gives it its subject.
    let run: string[] = [];
    let runWords = 0;
    const flush = () => {
      if (run.length > 0) pieces.push([{ kind: 'paragraph', text: run.join(' ') }]);
      run = [];
      runWords = 0;
    };
    for (const sentence of block.text.split(SENTENCE_END).map((part) => part.trim())) {
      if (/:\s*$/.test(sentence)) {
        flush();
        pieces.push([{ kind: 'paragraph', text: sentence }]);
        continue;
      }
      // Words add up across sentences joined by a space, so the run's count is kept, not recounted.
      const words = wordCount(sentence);
      if (run.length > 0 && runWords + words > RUN_WORDS) flush();
      run.push(sentence);
      runWords += words;
    }
    flush();
  }
  return pieces
    .filter((blocks) => !(blocks.length === 1 && blocks[0]?.kind === 'paragraph' && /:\s*$/.test(blocks[0].text)))
    .map((blocks, position) => {
      const plain = plainOf(blocks);
      return { section, position, blocks, plain, words: wordCount(plain) };
    });
}

export const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s*\[\d+\]/g, '')
    .replace(/[^\p{L}\p{N}£%]+/gu, ' ')
    .trim();

/**
 * How rare a term is among some texts' terms, log(1 + texts / texts holding it): a word most of them use tells
 * little. A term none of them holds weighs `absent`.
 */
export function rarityAmong(texts: readonly Set<string>[], absent = 0): (term: string) => number {
  return (term) => {
    const frequency = texts.filter((terms) => terms.has(term)).length;
    return frequency === 0 ? absent : Math.log(1 + texts.length / frequency);
  };
}

/** Scores units by the question's terms, rarer terms counting more; the first unit of a section slightly ahead. */
export function scoreUnits(units: Unit[], questionTerms: Set<string>): { unit: Unit; score: number }[] {
  const unitTerms = units.map((unit) => new Set(searchTerms(unit.plain)));
  const weight = rarityAmong(unitTerms);
  return units.map((unit, n) => {
    let score = 0;
    for (const term of questionTerms) if (unitTerms[n]?.has(term)) score += weight(term);
    return { unit, score: score + (unit.position === 0 ? 0.15 : 0) };
  });
}

/** Sentences that only say a figure is not held: useful when the figure is what was asked, noise otherwise. */
export const NOT_HELD = /\bnot in (?:skills desk's |the )?sources\b|\bis not held\b|\bnot (?:yet )?in skills desk\b/i;
