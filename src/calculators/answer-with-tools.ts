import type { z } from 'zod';
import type { Answer } from '../answer/answer.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { type CalculatorKind, type CalculatorRun, calculatorAnswer } from './calculator-answer.js';
import { CoInvestmentInput } from './co-investment/co-investment-input.js';
import { shareWithoutPrice } from './co-investment/share-without-price.js';
import { EligibilityInput } from './eligibility/eligibility-input.js';
import { LevyInput } from './levy/levy-input.js';
import {
  isCoInvestmentCalculation,
  isEligibilityCheck,
  isLevyCalculation,
  readCoInvestmentQuestion,
  readEligibilityQuestion,
  readLevyQuestion,
} from './read-question.js';

const ASK: Record<CalculatorKind, { intro: string; need: string }> = {
  levy: {
    intro: 'To work out the levy, I need to know:',
    need: "What is the employer's annual pay bill (for example £5m)?",
  },
  eligibility: {
    intro: 'To check whether they can start an apprenticeship, I need to know:',
    need: 'How old will the person be on the start date?',
  },
  'co-investment': {
    intro: 'To work out who pays for the apprenticeship, I need to know:',
    need: 'What is the agreed price of the apprenticeship (training and assessment)?',
  },
};

/** An answer that asks for what the calculator still needs: the list is in the text once, and in `needs` as data. */
export function askFor(tool: CalculatorKind, asOf: string, intro: string, needs: string[]): Answer {
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

/** Validates values read from a message for a calculator: the answer, or a question for what is missing or wrong. */
export function answerFromValues(
  knowledge: Knowledge,
  kind: CalculatorKind,
  values: Record<string, unknown>,
  dates: { asOf: string; today: string },
): Answer {
  const required = kind === 'levy' ? 'payBill' : kind === 'eligibility' ? 'age' : 'price';
  if (values[required] === undefined) {
    // With no price, the share the employer pays is still known once its levy status is.
    const share = kind === 'co-investment' ? shareWithoutPrice(knowledge, values, dates, ASK[kind].need) : undefined;
    return share ?? askFor(kind, dates.asOf, ASK[kind].intro, [ASK[kind].need]);
  }
  const run = parseRun(kind, values);
  if (!run.ok) return askFor(kind, dates.asOf, 'I could not use what the question says:', run.problems);
  return calculatorAnswer(knowledge, run.value, dates);
}

type Parsed = { ok: true; value: CalculatorRun } | { ok: false; problems: string[] };

const problemsOf = (error: z.ZodError) => error.issues.map((issue) => issue.message);

/** Checks values against the calculator's own schema. */
export function parseRun(kind: CalculatorKind, values: unknown): Parsed {
  if (kind === 'levy') {
    const parsed = LevyInput.safeParse(values);
    return parsed.success
      ? { ok: true, value: { kind, inputs: parsed.data } }
      : { ok: false, problems: problemsOf(parsed.error) };
  }
  if (kind === 'eligibility') {
    const parsed = EligibilityInput.safeParse(values);
    return parsed.success
      ? { ok: true, value: { kind, inputs: parsed.data } }
      : { ok: false, problems: problemsOf(parsed.error) };
  }
  const parsed = CoInvestmentInput.safeParse(values);
  return parsed.success
    ? { ok: true, value: { kind, inputs: parsed.data } }
    : { ok: false, problems: problemsOf(parsed.error) };
}

/**
 * Answers a levy, eligibility or co-investment question with the calculators, without a language model. Returns
 * undefined for questions that are not calculations (they go to the knowledge articles instead). `asOf` is the date
 * the question is asked about (today unless it says otherwise): a tax year or start date in the question is read
 * here, so every surface applies the same rule date to the same tax year.
 */
export function answerWithTools(
  knowledge: Knowledge,
  question: string,
  asOf: string,
  today: string,
): Answer | undefined {
  const dates = { asOf, today };
  if (isEligibilityCheck(question)) {
    return answerFromValues(knowledge, 'eligibility', readEligibilityQuestion(question, asOf), dates);
  }
  if (isLevyCalculation(question)) {
    const levy = readLevyQuestion(question);
    if (levy.payBill === undefined && isCoInvestmentCalculation(question)) {
      return answerFromValues(knowledge, 'co-investment', readCoInvestmentQuestion(question, asOf), dates);
    }
    return answerFromValues(knowledge, 'levy', levy, dates);
  }
  if (isCoInvestmentCalculation(question)) {
    return answerFromValues(knowledge, 'co-investment', readCoInvestmentQuestion(question, asOf), dates);
  }
  return undefined;
}
