import type { Fact } from '../../knowledge/fact-schema.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { readAge } from '../../understand/values/index.js';
import type { AnswerBlock, StatedFigure } from '../answer.js';
import type { QuestionIntent } from '../question-time.js';
import { ageFit } from './age-fit.js';
import { workOnLead } from './arithmetic.js';
import type { FactChoice } from './choose-lead.js';
import { fundingAgeVerdict } from './funding-age.js';
import { leadFor } from './lead.js';
import { secondFigure, successorDuring } from './second-figure.js';

type LeadInput = {
  lead: Fact;
  choice: FactChoice;
  intent: QuestionIntent;
  knowledge: Knowledge;
  asOf: string;
  /** The date the figures are quoted for. */
  quoteDate: string;
  /** The question searched (a follow-up's with its thread's). */
  question: string;
  /** The message's own words. */
  ownWords: string;
};

/**
 * The opening paragraph of a figure answer: the lead figure (worked into a share or a period's pay when asked), the
 * verdict for the person asked about, and a second figure the question calls for or that took over in the period.
 */
export function leadParagraph(input: LeadInput): { blocks: AnswerBlock[]; figures: StatedFigure[]; facts: Fact[] } {
  const { lead, choice, intent, knowledge, asOf, quoteDate, question, ownWords } = input;
  const share = workOnLead(lead, question, ownWords, quoteDate);
  const opening = share ?? leadFor(lead, intent, asOf, ownWords);
  // A figure for another age group than the person asked about does not take over from the lead.
  const age = readAge(ownWords);
  const fitsAsked = (fact: Fact) => age === undefined || ageFit(fact.label, age) !== 'excludes';
  const verdict =
    choice.byAge && lead.unit === 'age'
      ? fundingAgeVerdict(lead, ownWords, knowledge, quoteDate, quoteDate < asOf)
      : undefined;
  const first = { kind: 'paragraph' as const, text: verdict ? `${opening.text} ${verdict}` : opening.text };
  const blocks: AnswerBlock[] = [first];
  if ('list' in opening && opening.list) blocks.push(opening.list);
  const figures = [...opening.figures];
  const facts = [lead];
  const allFacts = [...knowledge.facts.values()];
  const successor =
    intent.time.kind === 'period' && !share ? successorDuring(lead, allFacts, intent.time, fitsAsked) : undefined;
  const second = share
    ? undefined
    : (choice.second ?? successor ?? secondFigure(lead, choice.facts, choice.asked, ownWords, allFacts));
  if (!second || intent.wantsHistory) return { blocks, figures, facts };
  const next = leadFor(second, intent, asOf, ownWords);
  if (next.figures.length === 0 || ('list' in next && next.list)) return { blocks, figures, facts };
  const intro = choice.second === second ? choice.secondIntro : undefined;
  if (second === successor && intent.time.kind === 'period' && first.text.endsWith('.')) {
    // One sentence for the period: "was £2,000 … until 31 January 2021; then the … was £3,000 from 1 April".
    first.text = `${first.text.slice(0, -1)}; then ${next.text.replace(`In ${intent.time.label} `, '')}`;
  } else {
    first.text += ` ${intro ? `${intro} ${next.text.charAt(0).toLowerCase()}${next.text.slice(1)}` : next.text}`;
  }
  return { blocks, figures: [...figures, ...next.figures], facts: [...facts, second] };
}
