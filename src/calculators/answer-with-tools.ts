import type { Answer } from '../answer/answer.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { eligibilityAnswer, levyAnswer } from './calculator-answer.js';
import { EligibilityInput } from './eligibility-input.js';
import { LevyInput } from './levy-input.js';
import { isEligibilityCheck, isLevyCalculation, readEligibilityQuestion, readLevyQuestion } from './read-question.js';

const ASK_PAY_BILL = "What is the employer's annual pay bill (for example £5m)?";
const ASK_AGE = 'How old will the person be on the start date?';

function askFor(tool: 'levy' | 'eligibility', asOf: string, intro: string, needs: string[]): Answer {
  return {
    kind: 'answer',
    text: [intro, ...needs.map((need) => `- ${need}`)].join('\n'),
    citations: [],
    enquirySuggested: false,
    mode: 'extractive',
    asOf,
    figures: [],
    tool,
    needs,
  };
}

/** A calculator already chosen by the understanding step, with the values it read (or carried over). */
export type DecidedTool = { tool: 'levy' | 'eligibility'; values: Record<string, unknown> };

/**
 * Answers a levy or eligibility question with the calculators, without a language model. Returns undefined for
 * questions that are not calculations (they go to the knowledge articles instead). `decided` skips the
 * calculators' own guess at which tool the question needs and what it says.
 */
export function answerWithTools(
  knowledge: Knowledge,
  question: string,
  asOf: string,
  today: string,
  decided?: DecidedTool,
): Answer | undefined {
  const tool = decided
    ? decided.tool
    : isEligibilityCheck(question)
      ? 'eligibility'
      : isLevyCalculation(question)
        ? 'levy'
        : undefined;
  if (tool === 'eligibility') {
    const values = decided?.values ?? readEligibilityQuestion(question);
    if (values.age === undefined) {
      return askFor('eligibility', asOf, 'To check whether they can start an apprenticeship, I need to know:', [
        ASK_AGE,
      ]);
    }
    const parsed = EligibilityInput.safeParse(values);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => issue.message);
      return askFor('eligibility', asOf, 'I could not use what the question says:', problems);
    }
    return eligibilityAnswer(knowledge, parsed.data, asOf, today);
  }

  if (tool === 'levy') {
    const values = decided?.values ?? readLevyQuestion(question);
    if (values.payBill === undefined) {
      return askFor('levy', asOf, 'To work out the levy, I need to know:', [ASK_PAY_BILL]);
    }
    const parsed = LevyInput.safeParse(values);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => issue.message);
      return askFor('levy', asOf, 'I could not use what the question says:', problems);
    }
    return levyAnswer(knowledge, parsed.data, asOf, today);
  }
  return undefined;
}
