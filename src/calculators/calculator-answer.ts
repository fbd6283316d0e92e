import type { Answer } from '../answer/answer.js';
import { citeArticles } from '../answer/cite.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { calculateLevy } from './calculate-levy.js';
import { checkEligibility } from './check-eligibility.js';
import type { EligibilityInput } from './eligibility-input.js';
import type { LevyInput } from './levy-input.js';
import { renderEligibilityText } from './render-eligibility-text.js';
import { renderLevyText } from './render-levy-text.js';

/** The levy calculation for valid input, as an answer with its working and sources. */
export function levyAnswer(knowledge: Knowledge, input: LevyInput, asOf: string, today: string): Answer {
  const result = calculateLevy(knowledge, input, asOf);
  const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
  return {
    kind: 'answer',
    text: renderLevyText(result, citations),
    citations,
    enquirySuggested: false,
    mode: 'extractive',
    asOf: result.rulesDate,
    figures: result.figures,
    tool: 'levy',
    ...(result.questions.length > 0 && { needs: result.questions }),
  };
}

/** The eligibility check for valid input, as an answer with every rule and its sources. */
export function eligibilityAnswer(knowledge: Knowledge, input: EligibilityInput, asOf: string, today: string): Answer {
  const result = checkEligibility(knowledge, input, asOf);
  const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
  return {
    kind: 'answer',
    text: renderEligibilityText(result, citations),
    citations,
    enquirySuggested: false,
    mode: 'extractive',
    asOf: result.rulesDate,
    figures: result.figures,
    tool: 'eligibility',
    ...(result.questions.length > 0 && { needs: result.questions }),
  };
}
