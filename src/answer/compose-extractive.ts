import type { Audience } from '../knowledge/article-schema.js';
import { factKeysIn } from '../knowledge/fact-references.js';
import type { Fact, FactValue } from '../knowledge/fact-schema.js';
import { figureAsOf, figureHistory, figuresDuring, lastDayOf } from '../knowledge/figure-as-of.js';
import { formatDate, formatFigure } from '../knowledge/format.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import { isReported } from '../knowledge/reported-figure.js';
import type { SearchIndex } from '../knowledge/search-index.js';
import type { Answer, StatedFigure } from './answer.js';
import { citeSections, sectionText } from './cite.js';
import { describeReported } from './describe-reported.js';
import type { QuestionIntent } from './question-time.js';
import type { Retrieval } from './retrieve.js';

export const DECLINE_TEXT =
  "I can't answer that from the Skills Desk knowledge base. I cover apprenticeships and the apprenticeship levy, the London Living Wage, Hackney 100 and Section 106 employment and skills. If you'd like, I can pass your question to the Employment & Skills team.";

export const ENQUIRY_TEXT =
  'This looks like an employer enquiry. The employer engagement officer can pick it up: use "Log employer enquiry" to add it to the triage queue with the employer\'s details.';

type ComposeInput = {
  knowledge: Knowledge;
  index: SearchIndex;
  retrieval: Retrieval;
  intent: QuestionIntent;
  asOf: string;
  today: string;
  audience: Audience;
  enquirySuggested: boolean;
};

const MAX_PASSAGES = 2;
const MAX_FACTS = 3;

/** Questions that ask for a figure: an amount, rate, age, length, limit or date. */
const ASKS_FOR_FIGURE =
  /\b(how much|how many|how long|how old|what age|ages?|rates?|amount|cost|costs|pay|paid|wages?|salary|limit|threshold|allowance|percentage|per ?cent|share|minimum|maximum|max|min|cap|top[- ]?up|expire|expiry|duration|hours|months|when|since|figure|band|bursary|incentives?|payments?|count|number|deadline|what is the (?:llw|nlw|nmw|london living wage|national living wage|minimum wage|levy))\b|£|%/i;

/**
 * Picks the figures a question asks for: facts whose name (label or aliases) matches most of the question, that
 * belong to one of the best-matching articles, and that have a value for the time asked about.
 */
export function chooseFacts(retrieval: Retrieval, questionTerms: string[], intent: QuestionIntent): Fact[] {
  const content = new Set(questionTerms.filter((term) => !/^\d+$/.test(term)));
  const asksAboutTime =
    intent.wantsHistory || intent.wantsChangeDate || intent.time.kind === 'period' || intent.time.explicit;
  if (content.size === 0 || !(asksAboutTime || ASKS_FOR_FIGURE.test(retrieval.query))) return [];
  const topArticles = new Set(retrieval.sections.slice(0, 3).map(({ section }) => section.articleId));
  const first = retrieval.facts[0];
  const best = first?.hit.score ?? 0;
  const hasValue = (fact: Fact) =>
    intent.time.kind === 'day'
      ? intent.wantsHistory || fact.values.some((entry) => entry.from <= (intent.time as { date: string }).date)
      : figuresDuring(fact, intent.time.start, intent.time.end).length > 0;
  return retrieval.facts
    .filter(({ fact, hit }) => {
      const strong = new Set(hit.strongTerms).size;
      return (
        strong >= Math.min(2, content.size) &&
        strong / content.size >= 0.4 &&
        // Figures from the same article as the best one (e.g. one rate per age band) may score a little lower.
        hit.score >= best * (fact.article === first?.fact.article ? 0.5 : 0.75) &&
        topArticles.has(fact.article) &&
        hasValue(fact)
      );
    })
    .slice(0, MAX_FACTS)
    .map(({ fact }) => fact);
}

function statedFigure(fact: Fact, entry: FactValue): StatedFigure {
  const to = entry.to ?? lastDayOf(fact, entry);
  return {
    key: fact.key,
    label: fact.label,
    value: formatFigure(entry.value, fact.unit),
    from: entry.from,
    ...(to !== undefined && { to }),
  };
}

function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) &&
    !/^(London|National|Hackney|Apprenticeship Levy|Living Wage|Section|S106|Employment and Skills)/.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** One or more sentences stating a figure for the time asked about, with the date it applies from. */
function describeFact(
  fact: Fact,
  intent: QuestionIntent,
  asOf: string,
  marker: string,
): { text: string; figures: StatedFigure[] } {
  const name = lowerFirst(fact.label);
  if (isReported(fact)) return describeReported(fact, name, intent, asOf, marker);
  const history = figureHistory(fact);
  const { time } = intent;

  if (intent.wantsHistory) {
    const lines = history.map((entry) => {
      const end = entry.to ?? lastDayOf(fact, entry);
      const range = end ? `${formatDate(entry.from)} to ${formatDate(end)}` : `from ${formatDate(entry.from)}`;
      return `- ${formatFigure(entry.value, fact.unit)}: ${range}`;
    });
    return {
      text: `The ${name} over time ${marker}:\n${lines.join('\n')}`,
      figures: history.map((entry) => statedFigure(fact, entry)),
    };
  }

  if (time.kind === 'period') {
    // A period that reaches past the answer's date is described only up to that date.
    const isOngoing = time.end > asOf && time.start <= asOf;
    const end = isOngoing ? asOf : time.end;
    if (time.start > asOf) {
      const latest = figureAsOf(fact, asOf);
      const held = latest
        ? ` The latest I hold is ${formatFigure(latest.value, fact.unit)}, from ${formatDate(latest.from)}.`
        : '';
      return {
        text: `I hold no ${name} for ${time.label} yet ${marker}.${held}`,
        figures: latest ? [statedFigure(fact, latest)] : [],
      };
    }
    const during = figuresDuring(fact, time.start, end);
    if (during.length === 0) {
      return { text: `The sources I hold give no ${name} for ${time.label} ${marker}.`, figures: [] };
    }
    const setLongBefore = (entry: FactValue) => Date.parse(time.start) - Date.parse(entry.from) > 31 * 86_400_000;
    if (during.length === 1 && isOngoing && setLongBefore(during[0] as FactValue)) {
      // "The 2026/27 rate" may mean a rate set during that year: say plainly that none is held yet.
      const latest = during[0] as FactValue;
      return {
        text: `I hold no new ${name} set during ${time.label}. The latest I hold is ${formatFigure(latest.value, fact.unit)}, in force since ${formatDate(latest.from)} ${marker}.${latest.note ? ` Note: ${latest.note}` : ''}`,
        figures: [statedFigure(fact, latest)],
      };
    }
    if (during.length === 1) {
      const only = during[0] as FactValue;
      const verb = isOngoing ? 'has been' : 'was';
      const soFar = isOngoing ? `, and it is the latest figure I hold on ${formatDate(asOf)}` : '';
      return {
        text: `In ${time.label} the ${name} ${verb} ${formatFigure(only.value, fact.unit)} (from ${formatDate(only.from)}${soFar}) ${marker}.`,
        figures: [statedFigure(fact, only)],
      };
    }
    const parts = during.map((entry, position) =>
      position === 0
        ? `${formatFigure(entry.value, fact.unit)} (in force from ${formatDate(entry.from)})`
        : `${formatFigure(entry.value, fact.unit)} from ${formatDate(entry.from)}`,
    );
    return {
      text: `During ${time.label} the ${name} changed: it was ${parts.join(', then ')} ${marker}.`,
      figures: during.map((entry) => statedFigure(fact, entry)),
    };
  }

  const date = time.date;
  const current = figureAsOf(fact, date);
  if (!current) {
    const latest = [...history].reverse().find((entry) => entry.from <= date);
    if (!latest) return { text: `I hold no ${name} for ${formatDate(date)} ${marker}.`, figures: [] };
    const end = latest.to ?? lastDayOf(fact, latest);
    const range = end ? `from ${formatDate(latest.from)} to ${formatDate(end)}` : `from ${formatDate(latest.from)}`;
    return {
      text: `I hold no current figure for the ${name} on ${formatDate(date)}. The latest I hold is ${formatFigure(latest.value, fact.unit)}, which applied ${range} ${marker}.${latest.note ? ` Note: ${latest.note}` : ''}`,
      figures: [statedFigure(fact, latest)],
    };
  }
  const position = history.indexOf(current);
  const previous = position > 0 ? history[position - 1] : undefined;
  const next = history[position + 1];
  const isToday = date === asOf && !time.explicit;
  const opening = isToday ? `As of ${formatDate(date)}, the` : `On ${formatDate(date)} the`;
  const verb = isToday ? 'is' : 'was';
  let text = `${opening} ${name} ${verb} ${formatFigure(current.value, fact.unit)} ${marker}. This applies from ${formatDate(current.from)}`;
  text += previous ? `; before that it was ${formatFigure(previous.value, fact.unit)}.` : '.';
  const end = current.to ?? lastDayOf(fact, current);
  if (next) {
    text += ` From ${formatDate(next.from)} it ${next.from > asOf ? 'changes' : 'changed'} to ${formatFigure(next.value, fact.unit)}.`;
  } else if (end && end >= date) {
    text += ` It applies until ${formatDate(end)}.`;
  }
  if (current.note) text += ` Note: ${current.note}`;
  const figures = [statedFigure(fact, current)];
  if (previous) figures.push(statedFigure(fact, previous));
  if (next) figures.push(statedFigure(fact, next));
  return { text, figures };
}

/** Splits a section into quotable units: paragraphs, bullets and table rows. */
function quotableUnits(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*[-*] |\s*\d+\. |\s*\|)/)
    .flatMap((block) => (block.length > 420 ? block.split(/(?<=[.!?])\s+(?=[A-Z])/) : [block]))
    .map((unit) => unit.replace(/\s+/g, ' ').trim())
    .filter((unit) => unit.length > 0 && !/^\|?\s*-{3,}/.test(unit));
}

/** The most relevant part of a section for the question, in the section's own order. */
function quoteSection(text: string, questionTerms: Set<string>, limit = 2): string {
  const units = quotableUnits(text);
  if (text.length <= 450 || units.length <= limit) return units.join('\n');
  // Terms found in few parts of the section say more about which part answers the question.
  const unitTerms = units.map((unit) => new Set(searchTerms(unit)));
  const weight = (term: string) => {
    const frequency = unitTerms.filter((terms) => terms.has(term)).length;
    return frequency === 0 ? 0 : Math.log(1 + units.length / frequency);
  };
  const scored = units.map((unit, position) => {
    let score = 0;
    for (const term of questionTerms) if (unitTerms[position]?.has(term)) score += weight(term);
    return { unit, position, score: score + (position === 0 ? 0.1 : 0) };
  });
  const chosen = [...scored]
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .sort((a, b) => a.position - b.position);
  return chosen.map((entry) => entry.unit).join('\n');
}

function figuresInSection(knowledge: Knowledge, section: Section, asOf: string): StatedFigure[] {
  return factKeysIn(section.body).flatMap((key) => {
    const fact = knowledge.facts.get(key);
    const entry = fact ? figureAsOf(fact, asOf) : undefined;
    return fact && entry ? [statedFigure(fact, entry)] : [];
  });
}

/** An answer built only from the knowledge base: the figures asked for with their dates, then quoted passages. */
export function composeExtractive(input: ComposeInput): Answer {
  const { knowledge, index, retrieval, intent, asOf, today, audience, enquirySuggested } = input;
  const base = { mode: 'extractive' as const, asOf, enquirySuggested };

  if (!retrieval.inScope) {
    return {
      ...base,
      kind: enquirySuggested ? 'answer' : 'decline',
      text: enquirySuggested ? ENQUIRY_TEXT : DECLINE_TEXT,
      citations: [],
      figures: [],
    };
  }

  const questionTerms = searchTerms(retrieval.query);
  const quoteDate = intent.time.kind === 'day' ? intent.time.date : intent.time.end;
  const facts = chooseFacts(retrieval, questionTerms, intent);

  // Sections to cite: for each figure, the best section of its article; then the best passages overall.
  const cited: Section[] = [];
  for (const fact of facts) {
    const best = index.searchSections(retrieval.query, { audience, articleId: fact.article, limit: 1 })[0];
    const section = best ? index.section(best.id) : knowledge.articles.get(fact.article)?.sections[0];
    if (section && !cited.includes(section)) cited.push(section);
  }
  const topScore = retrieval.sections[0]?.hit.score ?? 0;
  for (const { section, hit } of retrieval.sections) {
    if (cited.length >= facts.length + MAX_PASSAGES) break;
    if (cited.includes(section)) continue;
    if (cited.length > 0 && hit.score < topScore * 0.6) break;
    cited.push(section);
  }

  const citations = citeSections(knowledge, cited, quoteDate, today);
  const markerFor = (section: Section | undefined) => {
    const citation = citations.find((candidate) => candidate.sectionId === section?.id);
    return citation ? `[${citation.n}]` : '';
  };

  const paragraphs: string[] = [];
  const figures: StatedFigure[] = [];
  for (const fact of facts) {
    const section = cited.find((candidate) => candidate.articleId === fact.article);
    const described = describeFact(fact, intent, asOf, markerFor(section));
    paragraphs.push(described.text);
    figures.push(...described.figures);
  }

  const termSet = new Set(questionTerms);
  for (const section of cited) {
    const isFigureSection = facts.some((fact) => fact.article === section.articleId);
    const quote = quoteSection(sectionText(knowledge, section, quoteDate), termSet, isFigureSection ? 1 : 2);
    if (!quote || paragraphs.some((paragraph) => paragraph.includes(quote))) continue;
    paragraphs.push(`${quote} ${markerFor(section)}`);
    for (const figure of figuresInSection(knowledge, section, quoteDate)) {
      if (!figures.some((known) => known.key === figure.key && known.from === figure.from)) figures.push(figure);
    }
  }
  if (intent.time.kind === 'day' && intent.time.explicit && facts.length === 0) {
    paragraphs.unshift(`Figures below are as they stood on ${formatDate(intent.time.date)}.`);
  }
  if (enquirySuggested) paragraphs.push(ENQUIRY_TEXT);

  return { ...base, kind: 'answer', text: paragraphs.join('\n\n'), citations, figures };
}
