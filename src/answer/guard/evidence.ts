import { stemmer } from 'stemmer';
import { extractFigures, type Figure, type FigureKind } from './figures.js';

/** One sentence, list item or table row of a passage, with the figures it vouches for. */
export type EvidenceUnit = {
  text: string;
  /** Keys of the figures this unit vouches for: each figure, and the month, year and day of each date. */
  vouches: Set<string>;
  figures: Figure[];
  /** Stemmed content words of the unit and of its passage's heading: what the unit is about. */
  words: Set<string>;
  /**
   * Keys of the values a date in this unit can be the date of: the unit's own values, or, when it has none ("It
   * has applied since 6 April 2017."), the values stated before it in the same passage.
   */
  attached: Set<string>;
};

/** Figures that are the thing stated; dates and years say when a value applies. */
export const VALUE_KINDS = new Set<FigureKind>(['money', 'percent', 'age', 'duration', 'count']);

const STOP = new Set(
  "the and for are was were that this with from have has had its it’s it's not but can any all per each who what when which will would should could their them they you your our been being also into than then there these those such only over under more most less some other about after before while where does did how may must an a of to in on at by or as is be if so no".split(
    ' ',
  ),
);

/** The stemmed content words of a text (no figures, no short or common words). */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[a-z]+/g)) {
    const word = match[0];
    if (word.length < 3 || STOP.has(word)) continue;
    words.add(stemmer(word));
  }
  return words;
}

export const stem = (word: string): string => stemmer(word.toLowerCase());

/** The keys a figure vouches for: a full date vouches its month, year and day of the month; a month its year. */
function vouchedKeys(figure: Figure): string[] {
  const [kind, value] = [figure.kind, figure.key.slice(figure.kind.length + 1)];
  if (kind === 'date') {
    const [year, month, day] = value.split('-');
    return [figure.key, `month:${year}-${month}`, `year:${Number(year)}`, `day:${month}-${day}`];
  }
  if (kind === 'month') return [figure.key, `year:${Number(value.slice(0, 4))}`];
  return [figure.key];
}

/** Splits a passage into sentences, list items and table rows, each with what it vouches for. */
export function evidenceUnits(passage: string): EvidenceUnit[] {
  const pieces = passage
    .split(/\n+|(?<=[.!?;])\s+(?=\S)/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && !/^\|?[\s|:-]+$/.test(piece));
  const heading = pieces[0] ?? '';
  const earlier = new Set<string>();
  return pieces.map((piece) => {
    const figures = extractFigures(piece);
    const values = figures.filter((figure) => VALUE_KINDS.has(figure.kind)).map((figure) => figure.key);
    const attached = new Set(values.length > 0 ? values : earlier);
    for (const key of values) earlier.add(key);
    return {
      text: piece,
      figures,
      vouches: new Set(figures.flatMap(vouchedKeys)),
      words: contentWords(`${heading} ${piece}`),
      attached,
    };
  });
}

/** The stemmed words within `span` tokens of a figure with `key` in the unit: what that figure is about. */
export function wordsNear(unit: EvidenceUnit, key: string, span = 6): Set<string> {
  const near = new Set<string>();
  for (const figure of unit.figures) {
    if (!vouchedKeys(figure).includes(key)) continue;
    const before = unit.text.slice(0, figure.start).match(/[A-Za-z]+/g) ?? [];
    const after = unit.text.slice(figure.end).match(/[A-Za-z]+/g) ?? [];
    for (const word of [...before.slice(-span), ...after.slice(0, span)]) near.add(stem(word));
  }
  return near;
}
