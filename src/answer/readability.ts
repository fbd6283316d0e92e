import type { Knowledge } from '../knowledge/knowledge.js';
import type { Answer } from './answer.js';
import { sectionText } from './cite.js';

/** What a reader would notice is wrong with one answer's shape, whatever its facts. */
export type ReadabilityFindings = {
  placeholders: string[];
  cutLists: string[];
  emptyTableRows: string[];
  repeatedSentences: string[];
  /** Words before the sources, citation markers aside. */
  words: number;
  firstSentence: string;
};

export type ReadabilityReport = {
  answers: number;
  placeholders: number;
  cutLists: number;
  emptyTableRows: number;
  repeatedSentences: number;
  /** Plain questions only: answers that are neither a decline nor a calculator's. */
  plainAnswers: number;
  medianWords: number;
  p90Words: number;
  figureQuestions: number;
  figureFirst: number;
  /** Every failing answer, for the report. */
  examples: { id: string; problem: string }[];
};

const PLACEHOLDER = /\((?:no figure[^)]*|date not known)\)|\{\{[^}]*\}\}/gi;

const stripMarkers = (text: string) => text.replace(/\s*\[\d+\]/g, '');

/** Sentences of plain text: split on full stops, question marks and line breaks. */
export function sentencesOf(text: string): string[] {
  return stripMarkers(text)
    .split(/(?<=[.!?])\s+(?=[A-Z£"(])|\n+/)
    .map((sentence) => sentence.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((sentence) => sentence.length > 0);
}

export function wordCount(text: string): number {
  return stripMarkers(text)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}£%]/u.test(word)).length;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}£%. ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Lists (runs of bullet or numbered lines) in a passage, each as its items' normalised text. */
function listsIn(text: string): string[][] {
  const lists: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const item = /^\s*(?:[-*]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) current.push(normalise(item[1] as string));
    else if (line.trim() !== '' || current.length === 0) {
      if (current.length > 1) lists.push(current);
      current = [];
    }
  }
  if (current.length > 1) lists.push(current);
  return lists;
}

/** Checks one answer for placeholders, cut lists, empty table rows and repeated sentences. */
export function readAnswer(answer: Answer, knowledge?: Knowledge): ReadabilityFindings {
  const text = answer.text;
  const placeholders = [...text.matchAll(PLACEHOLDER)].map((match) => match[0]);

  const cutLists: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, position) => {
    const next = lines.slice(position + 1).find((candidate) => candidate.trim() !== '');
    if (/:\s*(?:\[\d+\])?\s*$/.test(line) && !(next && /^\s*(?:[-*•]|\d+[.)]|\|)\s*/.test(next))) {
      cutLists.push(`lead-in without its list: "${line.trim()}"`);
    }
    const numbered = /^\s*(\d+)[.)]\s/.exec(line);
    const previous = position > 0 ? (lines[position - 1] ?? '') : '';
    if (numbered && numbered[1] !== '1' && !/^\s*\d+[.)]\s/.test(previous)) {
      cutLists.push(`numbered list starting at ${numbered[1]}`);
    }
  });
  if (knowledge) {
    const shown = normalise(text);
    for (const citation of answer.citations) {
      const section = knowledge.sections.find((candidate) => candidate.id === citation.sectionId);
      if (!section) continue;
      for (const list of listsIn(sectionText(knowledge, section, answer.asOf))) {
        const present = list.filter((item) => item.length > 12 && shown.includes(item.slice(0, 60)));
        if (present.length > 0 && present.length < list.filter((item) => item.length > 12).length) {
          cutLists.push(`list from ${citation.sectionId} shown ${present.length} of ${list.length} items`);
        }
      }
    }
  }

  const emptyTableRows = lines.filter(
    (line) => /^\s*\|/.test(line) && line.replace(/[|\s:-]/g, '') === '' && !/-{3,}/.test(line),
  );
  const rawPipes = lines.filter((line) => /^\s*\|.*\|\s*$/.test(line));
  // Raw pipes are a table nobody rendered: counted with the empty rows.
  if (rawPipes.length > 0 && emptyTableRows.length === 0) emptyTableRows.push('raw markdown table');

  const seen = new Set<string>();
  const repeatedSentences: string[] = [];
  for (const sentence of sentencesOf(text)) {
    const key = normalise(sentence);
    if (key.length < 20) continue;
    if (seen.has(key)) repeatedSentences.push(sentence);
    seen.add(key);
  }
  return {
    placeholders,
    cutLists,
    emptyTableRows,
    repeatedSentences,
    words: wordCount(text),
    firstSentence: sentencesOf(text)[0] ?? '',
  };
}

/** Money, a percentage, a date, an age or a count. */
const FIGURE = /\d|£|%/;
/** A name with a number in it is not a figure: "S106", "Class 1A", "level 7", "hackney100@hackney.gov.uk". */
const NAME_WITH_NUMBER = /^[a-z]+\d+[a-z]*(?:\s+[a-z]+)*$|^(?:class|level|section|policy|phase)\s+\d+[a-z]*$|@/i;

/** The figures a question's expectations name: money, percentages, counts and dates. */
export function expectedFigures(mustInclude: string[]): string[] {
  return mustInclude.filter((needle) => FIGURE.test(needle) && !NAME_WITH_NUMBER.test(needle));
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

/** Scores every answer of an eval run for readability. */
export function scoreReadability(
  items: { id: string; answer: Answer; mustInclude: string[]; expect: string }[],
  knowledge?: Knowledge,
): ReadabilityReport {
  const report: ReadabilityReport = {
    answers: items.length,
    placeholders: 0,
    cutLists: 0,
    emptyTableRows: 0,
    repeatedSentences: 0,
    plainAnswers: 0,
    medianWords: 0,
    p90Words: 0,
    figureQuestions: 0,
    figureFirst: 0,
    examples: [],
  };
  const words: number[] = [];
  for (const { id, answer, mustInclude, expect } of items) {
    const found = readAnswer(answer, knowledge);
    const note = (problem: string) => report.examples.push({ id, problem });
    if (found.placeholders.length > 0) {
      report.placeholders += 1;
      note(`placeholder ${found.placeholders[0]}`);
    }
    if (found.cutLists.length > 0) {
      report.cutLists += 1;
      note(`cut list: ${found.cutLists[0]}`);
    }
    if (found.emptyTableRows.length > 0) {
      report.emptyTableRows += 1;
      note('empty table row');
    }
    if (found.repeatedSentences.length > 0) {
      report.repeatedSentences += 1;
      note(`repeated sentence "${found.repeatedSentences[0]}"`);
    }
    const plain = answer.kind === 'answer' && answer.tool === undefined && expect === 'answer';
    if (plain) {
      report.plainAnswers += 1;
      words.push(found.words);
      const figures = expectedFigures(mustInclude);
      if (figures.length > 0) {
        report.figureQuestions += 1;
        const first = found.firstSentence.toLowerCase();
        if (figures.some((figure) => first.includes(figure.toLowerCase()))) report.figureFirst += 1;
        else note(`expected figure not in the first sentence: "${found.firstSentence.slice(0, 120)}"`);
      }
    }
  }
  words.sort((a, b) => a - b);
  report.medianWords = percentile(words, 0.5);
  report.p90Words = percentile(words, 0.9);
  return report;
}

/** Whether the run must fail: any placeholder, cut list, empty table row or repeated sentence. */
export function readabilityFails(report: ReadabilityReport): boolean {
  return report.placeholders + report.cutLists + report.emptyTableRows + report.repeatedSentences > 0;
}

export function describeReadability(report: ReadabilityReport): string {
  const share =
    report.figureQuestions === 0 ? 'n/a' : `${((100 * report.figureFirst) / report.figureQuestions).toFixed(1)}%`;
  return [
    `readability: ${report.answers} answers; placeholders ${report.placeholders}, cut lists ${report.cutLists}, empty table rows ${report.emptyTableRows}, repeated sentences ${report.repeatedSentences}`,
    `readability: plain answers ${report.plainAnswers}, words before the sources median ${report.medianWords}, p90 ${report.p90Words}; figure in the first sentence ${share} (${report.figureFirst}/${report.figureQuestions})`,
  ].join('\n');
}
