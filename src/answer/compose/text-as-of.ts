import { applyDatedProse } from '../../knowledge/dated-prose.js';
import { FACT_REFERENCE, renderFactReferences } from '../../knowledge/fact-references.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import type { Knowledge } from '../../knowledge/knowledge.js';

/** Sentence boundaries inside one line of prose (not inside a table row or after "e.g."). */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z£"(])/;

/** Whether every figure a sentence refers to has a value on the date. */
function referencesHold(sentence: string, knowledge: Pick<Knowledge, 'facts'>, isoDate: string): boolean {
  for (const match of sentence.matchAll(FACT_REFERENCE)) {
    const fact = knowledge.facts.get(match[2] as string);
    if (fact && !figureAsOf(fact, isoDate)) return false;
  }
  return true;
}

/**
 * Article markdown as it reads on a date: dated passages applied, any sentence (or table row, or list item) whose
 * figure has no value on that date left out rather than filled with a placeholder, then the figures written in.
 */
export function markdownAsOf(text: string, knowledge: Pick<Knowledge, 'facts'>, isoDate: string): string {
  // The same section is rendered for the same date by retrieval, the composer and the citations of every answer.
  let rendered = renderedByFacts.get(knowledge.facts);
  if (!rendered) {
    rendered = new Map();
    renderedByFacts.set(knowledge.facts, rendered);
  }
  const key = `${isoDate}\u0000${text}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const result = renderAsOf(text, knowledge, isoDate);
  if (rendered.size >= RENDERED_TEXTS) rendered.clear();
  rendered.set(key, result);
  return result;
}

/** Rendered texts per facts table (a new knowledge base starts afresh), at most this many each. */
const renderedByFacts = new WeakMap<Knowledge['facts'], Map<string, string>>();
const RENDERED_TEXTS = 4096;

function renderAsOf(text: string, knowledge: Pick<Knowledge, 'facts'>, isoDate: string): string {
  const dated = applyDatedProse(text, isoDate);
  const lines = dated.split('\n').flatMap((line) => {
    if (!line.includes('{{')) return [line];
    if (/^\s*(?:\||[-*] |\d+[.)] )/.test(line)) return referencesHold(line, knowledge, isoDate) ? [line] : [];
    const kept = line.split(SENTENCE_END).filter((sentence) => referencesHold(sentence, knowledge, isoDate));
    return kept.length > 0 ? [kept.join(' ')] : [];
  });
  return renderFactReferences(lines.join('\n'), knowledge, isoDate).replace(/\n{3,}/g, '\n\n');
}
