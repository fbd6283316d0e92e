import type { Section } from '../../knowledge/knowledge.js';
import { searchTerms } from '../../knowledge/normalise-text.js';
import type { AnswerBlock } from '../answer.js';
import { NOT_HELD, rarityAmong } from './passages.js';

type Piece = { blocks: AnswerBlock[]; section?: Section };

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z£"(])/;
/** A sentence that leans on the one before it cannot open an answer. */
const LEANS_ON_BEFORE =
  /^(?:it|its|they|their|them|this|these|that|those|he|she|such|the same|also|but|and|so|then)\b/i;
/** How much more of the question the answering sentence must cover than the opening sentence. */
const CLEARLY_MORE = 1.5;
/** The share of the question's words, by weight, the answering sentence must use. */
const MIN_COVER = 0.5;
/** What a word of the subject (a section heading) counts for beside the question's other words. */
const SUBJECT_WEIGHT = 0.3;

/**
 * Without a held figure to lead, the sentence that answers the question goes first: the one that uses most of the
 * question's words, rarer words counting more ("since when can residents self refer" is answered by "Residents could
 * self-refer from 1 September 2017", not by what Hackney Works is). Only a sentence that stands on its own, and
 * covers clearly more of the question than the opening sentence, is moved; its paragraph keeps its
 * citation and the rest of its sentences follow it.
 */
export function answerFirst(pieces: Piece[], question: string, passages: readonly string[]): void {
  const asking = [...new Set(searchTerms(question))].filter((term) => !/^\d+$/.test(term));
  if (asking.length < 2 || pieces.length === 0) return;
  // How rare each word is among the passages the answer was chosen from: a word most of them use tells little.
  const passageTerms = passages.map((text) => new Set(searchTerms(text)));
  // Words of the sections' own headings name the subject every passage is about ("Hackney Works" in "since when can
  // residents self refer to Hackney Works"): the answer is in the other words, so these count for less.
  const subject = new Set(pieces.flatMap((piece) => (piece.section ? searchTerms(piece.section.heading) : [])));
  const rarity = rarityAmong(passageTerms);
  const weight = (term: string) => (subject.has(term) ? rarity(term) * SUBJECT_WEIGHT : rarity(term));
  const total = asking.reduce((sum, term) => sum + weight(term), 0);
  const paragraphs = pieces.map((piece) =>
    piece.blocks.length === 1 && piece.blocks[0]?.kind === 'paragraph' ? piece.blocks[0].text : undefined,
  );
  const sentences = paragraphs.map((text) => (text === undefined ? [] : text.split(SENTENCE_END)));
  const termsOf = sentences.map((list) => list.map((sentence) => new Set(searchTerms(sentence))));
  const cover = (terms: Set<string>) => asking.reduce((sum, term) => sum + (terms.has(term) ? weight(term) : 0), 0);
  const opening = termsOf[0]?.[0];
  if (!opening) return;
  const openingScore = cover(opening);
  let best: { piece: number; sentence: number; score: number } | undefined;
  termsOf.forEach((list, piece) => {
    list.forEach((terms, sentence) => {
      const score = cover(terms);
      if (!best || score > best.score) best = { piece, sentence, score };
    });
  });
  if (
    !best ||
    (best.piece === 0 && best.sentence === 0) ||
    best.score < openingScore * CLEARLY_MORE ||
    best.score < total * MIN_COVER
  )
    return;
  const own = sentences[best.piece] as string[];
  const answer = own[best.sentence] as string;
  // A sentence saying something is not held does not answer; nor does one that reads on from the sentence before.
  if (LEANS_ON_BEFORE.test(answer) || NOT_HELD.test(answer)) return;
  // Within the opening paragraph the order is the writer's (a later sentence may lean on the first).
  if (best.piece === 0) return;
  const [moved] = pieces.splice(best.piece, 1);
  if (!moved) return;
  // The answering sentence opens its paragraph; the sentences before it follow, in their order.
  const text = [answer, ...own.filter((_, n) => n !== best?.sentence)].join(' ');
  moved.blocks = [{ kind: 'paragraph', text }];
  pieces.unshift(moved);
}
