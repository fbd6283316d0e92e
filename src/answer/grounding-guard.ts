import { contentWords, type EvidenceUnit, evidenceUnits, stem, VALUE_KINDS, wordsNear } from './guard/evidence.js';
import { extractFigures, type Figure, type FigureKind } from './guard/figures.js';

export type GuardResult = { ok: true; cited: number[] } | { ok: false; reason: string };

/** What else may vouch for a figure besides the cited passages. */
export type GuardOptions = {
  /** Trusted text whose figures count as evidence: the figures list the model was given. */
  alwaysAllowed?: string;
  /** Dates the answer may state with any figure: the day asked about and today, as ISO dates. */
  contextDates?: string[];
  /** Calculator inputs read from the question; an answer may echo them (the only figures a question vouches). */
  calculatorInputs?: number[];
};

const WHEN_KINDS = new Set<FigureKind>(['date', 'month', 'day', 'year']);
const ECHO_KINDS = new Set<FigureKind>(['money', 'percent', 'age', 'count', 'duration']);
const CITATION = /\[(\d+)\]/g;

/** Blanks out citation marks, keeping every other character where it was. */
const withoutCitations = (text: string) => text.replace(CITATION, (mark) => ' '.repeat(mark.length));

/** Splits an answer into sentences, each keeping the citation marks that close it. */
export function answerSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?](?:\s*\[\d+\])*)\s+(?=\S)/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function figureValue(figure: Figure): number {
  return Number(figure.key.split(':')[1]);
}

function isEchoed(figure: Figure, inputs: number[]): boolean {
  if (!ECHO_KINDS.has(figure.kind)) return false;
  const value = figureValue(figure);
  return inputs.some((input) => input === value || (figure.kind === 'percent' && Math.abs(input * 100 - value) < 1e-6));
}

function contextKeys(dates: string[]): Set<string> {
  const keys = new Set<string>();
  for (const date of dates) {
    const [year, month] = date.split('-');
    keys.add(`date:${date}`);
    keys.add(`month:${year}-${month}`);
    keys.add(`year:${Number(year)}`);
  }
  return keys;
}

/** Why one sentence's figures are not vouched for by `units`, or undefined when they all are. */
function sentenceProblem(sentence: string, units: EvidenceUnit[], options: GuardOptions): string | undefined {
  const body = withoutCitations(sentence);
  const figures = extractFigures(body);
  const inputs = options.calculatorInputs ?? [];
  const context = contextKeys(options.contextDates ?? []);
  const free = (figure: Figure) => isEchoed(figure, inputs) || (WHEN_KINDS.has(figure.kind) && context.has(figure.key));
  const values = figures.filter((figure) => VALUE_KINDS.has(figure.kind) && !free(figure));
  const about = contentWords(body);
  for (const figure of figures) {
    if (free(figure)) continue;
    const holding = units.filter((unit) => unit.vouches.has(figure.key));
    if (holding.length === 0) return `"${figure.text}" is not in the cited passages`;
    if (WHEN_KINDS.has(figure.kind) && values.length > 0) {
      // A date must be the one the passages give for the value it is stated with.
      const attached = holding.some((unit) => values.some((value) => unit.attached.has(value.key)));
      if (!attached) return `"${figure.text}" is not the date the cited passages give for "${values[0]?.text}"`;
    }
    if (figure.kind === 'count' && figure.noun !== undefined && contentWords(figure.noun).size > 0) {
      const noun = stem(figure.noun);
      if (!holding.some((unit) => wordsNear(unit, figure.key).has(noun)))
        return `"${figure.text} ${figure.noun}" is not in the cited passages`;
    }
    if (VALUE_KINDS.has(figure.kind) && about.size > 0) {
      const onTopic = holding.some((unit) => [...about].some((word) => unit.words.has(word)));
      if (!onTopic) return `"${figure.text}" is not what the cited passages say it is`;
    }
  }
  return undefined;
}

/** The first figure in `text` that the sources do not vouch for, checked sentence by sentence. */
export function firstUnvouchedFigure(text: string, sources: string[], options: GuardOptions = {}): string | undefined {
  const units = sources.flatMap(evidenceUnits);
  for (const sentence of answerSentences(text)) {
    const problem = sentenceProblem(sentence, units, options);
    if (problem) return /^"([^"]*)"/.exec(problem)?.[1] ?? problem;
  }
  return undefined;
}

/**
 * Checks a model answer against what it was given: at least one citation, every citation names a given passage,
 * and each sentence's figures (typed by kind: money, percentages, dates, ages, counts, durations; in digits or
 * words) are what the passages it cites (or, uncited, the answer's passages) say about the same thing.
 */
export function checkGrounding(input: {
  text: string;
  passages: Map<number, string>;
  alwaysAllowed: string;
  contextDates?: string[];
  calculatorInputs?: number[];
}): GuardResult {
  const cited = [...new Set([...input.text.matchAll(CITATION)].map((match) => Number(match[1])))];
  if (cited.length === 0) return { ok: false, reason: 'the answer cites no passage' };
  const unknown = cited.filter((n) => !input.passages.has(n));
  if (unknown.length > 0)
    return { ok: false, reason: `the answer cites passage ${unknown.join(', ')}, which it was not given` };

  const options: GuardOptions = {
    ...(input.contextDates !== undefined && { contextDates: input.contextDates }),
    ...(input.calculatorInputs !== undefined && { calculatorInputs: input.calculatorInputs }),
  };
  const trusted = evidenceUnits(input.alwaysAllowed);
  const unitsOf = new Map(cited.map((n) => [n, evidenceUnits(input.passages.get(n) ?? '')]));
  for (const sentence of answerSentences(input.text)) {
    const own = [...new Set([...sentence.matchAll(CITATION)].map((match) => Number(match[1])))];
    const sources = (own.length > 0 ? own : cited).flatMap((n) => unitsOf.get(n) ?? []);
    const problem = sentenceProblem(sentence, [...trusted, ...sources], options);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, cited };
}
