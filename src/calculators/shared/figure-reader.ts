import type { StatedFigure } from '../../answer/answer.js';
import type { Fact } from '../../knowledge/fact-schema.js';
import { figureAsOf, lastDayOf, nextFigureAfter } from '../../knowledge/figure-as-of.js';
import { formatDate, formatFigure } from '../../knowledge/format.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { ResultSources } from './calculation-line.js';

/** A figure read for a date: the number, how it reads, and the dates it applies. */
export type Figure = { key: string; label: string; value: number; text: string; from: string; to?: string };

/** A figure a calculation needed but the facts table does not hold for that date. */
export type MissingFigure = { key: string; label: string; date: string; message: string };

export type FigureReader = {
  /** The figure in force on `date`, recorded as used; undefined (and recorded as missing) when none is held. */
  read(key: string, date: string): Figure | undefined;
  /** The figure in force on `date` if there is one, without recording anything missing (for rules that come and go). */
  readIfInForce(key: string, date: string): Figure | undefined;
  /** The next value after `date`, for saying when a rule starts or changes. */
  next(key: string, date: string): Figure | undefined;
  figures(): StatedFigure[];
  articleIds(): string[];
  /** The article that explains a figure, if the figure is in the table. */
  articleOf(key: string): string | undefined;
  /** A bookmark in the reading history, to find the articles behind the figures read after it. */
  mark(): number;
  /** Articles of the figures read since `mark`, in order, without repeats. */
  articlesSince(mark: number): string[];
  missing(): MissingFigure[];
  /** What a result built from these figures cites: the figures used, their articles, and the figures not held. */
  sources(): Pick<ResultSources, 'figures' | 'articleIds' | 'missing'>;
};

/** Reads figures from the facts table and remembers which were used, for citing and stating them. */
export function createFigureReader(knowledge: Pick<Knowledge, 'facts'>): FigureReader {
  const used = new Map<string, StatedFigure>();
  const articles: string[] = [];
  const readLog: string[] = [];
  const missing = new Map<string, MissingFigure>();

  const toFigure = (fact: Fact, date: string): Figure | undefined => {
    const entry = figureAsOf(fact, date);
    if (!entry || typeof entry.value !== 'number') return undefined;
    const to = lastDayOf(fact, entry);
    return {
      key: fact.key,
      label: fact.label,
      value: entry.value,
      text: formatFigure(entry.value, fact.unit),
      from: entry.from,
      ...(to !== undefined && { to }),
    };
  };

  const remember = (fact: Fact, figure: Figure) => {
    const id = `${figure.key}@${figure.from}`;
    if (!used.has(id)) {
      used.set(id, {
        key: figure.key,
        label: figure.label,
        value: figure.text,
        from: figure.from,
        ...(figure.to !== undefined && { to: figure.to }),
      });
    }
    if (!articles.includes(fact.article)) articles.push(fact.article);
    readLog.push(fact.article);
  };

  const readIfInForce = (key: string, date: string): Figure | undefined => {
    const fact = knowledge.facts.get(key);
    if (!fact) return undefined;
    const figure = toFigure(fact, date);
    if (figure) remember(fact, figure);
    return figure;
  };

  return {
    readIfInForce,
    read(key, date) {
      const figure = readIfInForce(key, date);
      if (figure) return figure;
      const fact = knowledge.facts.get(key);
      const label = fact?.label ?? key;
      const later = fact ? nextFigureAfter(fact, date) : undefined;
      const message = later
        ? `${label}: no figure is held for ${formatDate(date)} (the first one held applies from ${formatDate(later.from)})`
        : `${label}: no figure is held for ${formatDate(date)}`;
      if (!missing.has(key)) missing.set(key, { key, label, date, message });
      return undefined;
    },
    next(key, date) {
      const fact = knowledge.facts.get(key);
      if (!fact) return undefined;
      const entry = nextFigureAfter(fact, date);
      return entry ? toFigure(fact, entry.from) : undefined;
    },
    articleOf: (key) => knowledge.facts.get(key)?.article,
    mark: () => readLog.length,
    articlesSince: (mark) => [...new Set(readLog.slice(mark))],
    figures: () => [...used.values()],
    articleIds: () => [...articles],
    missing: () => [...missing.values()],
    sources: () => ({ figures: [...used.values()], articleIds: [...articles], missing: [...missing.values()] }),
  };
}
