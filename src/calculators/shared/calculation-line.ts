import type { StatedFigure } from '../../answer/answer.js';
import type { Figure, MissingFigure } from './figure-reader.js';

/** One step of a calculation: what it is, the result, and the arithmetic behind it. */
export type CalculationLine = {
  id: string;
  label: string;
  /** The result as a person reads it ("£10,000", "24 months"); "not held" when a figure is missing. */
  value: string;
  /** How the value was reached, e.g. "0.5% × £5,000,000 = £25,000; minus the £15,000 allowance = £10,000". */
  arithmetic: string;
  /** The number behind `value` (pounds, months, percent), when there is one. */
  amount?: number;
  /** Articles behind the figures this line uses, for its citation markers. */
  articleIds?: string[];
};

/** A line whose result is one figure as the facts table states it ("£1,000", "24 months"). */
export function figureLine(id: string, label: string, figure: Figure, arithmetic: string): CalculationLine {
  return { id, label, value: figure.text, amount: figure.value, arithmetic };
}

/** What every calculator result carries besides its own lines: the figures it used and where they come from. */
export type ResultSources = {
  /** The date whose rules were applied (YYYY-MM-DD). */
  rulesDate: string;
  figures: StatedFigure[];
  /** Articles the figures come from, in the order first used: cite these. */
  articleIds: string[];
  /** Figures the facts table does not hold for the date, so the lines that need them could not be worked out. */
  missing: MissingFigure[];
};
