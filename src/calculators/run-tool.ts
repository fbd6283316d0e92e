import { z } from 'zod';
import type { Answer, Citation } from '../answer/answer.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { parseRun } from './answer-with-tools.js';
import { answerFromResult, type CalculatorKind, type CalculatorResult, runCalculator } from './calculator-answer.js';
import type { CoInvestmentResult } from './co-investment/calculate-co-investment.js';
import { CoInvestmentInput } from './co-investment/co-investment-input.js';
import type { EligibilityResult } from './eligibility/check-eligibility.js';
import { EligibilityInput } from './eligibility/eligibility-input.js';
import type { LevyResult } from './levy/calculate-levy.js';
import { LevyInput } from './levy/levy-input.js';

export const TOOL_NAMES = ['calculate_levy', 'check_apprenticeship_eligibility', 'calculate_co_investment'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** A function the language model may call (OpenAI Responses API shape). */
export type ToolDefinition = {
  type: 'function';
  name: ToolName;
  description: string;
  parameters: Record<string, unknown>;
  strict: false;
};

const DESCRIPTIONS: Record<ToolName, string> = {
  calculate_levy:
    "Works out an employer's Apprenticeship Levy for a tax year from its pay bill, with the monthly funds entering its apprenticeship service account, when they expire, how much it can transfer, and what one apprenticeship costs it. Use for any question that gives or asks about a specific employer's pay bill.",
  check_apprenticeship_eligibility:
    'Checks whether a particular person can start a funded apprenticeship: age, right to work, residency, other funding, prior qualifications, hours and duration, level 7 limits, minimum pay, incentives and who pays. Use when a question describes a particular person or job.',
  calculate_co_investment:
    'Works out who pays for one apprenticeship (training and assessment) from its price, the apprentice’s age, whether the employer pays the levy and the start date: what the employer pays and what the government pays. Use when a question gives a course price, especially for an employer that does not pay the levy.',
};

function inputSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

let definitions: ToolDefinition[] | undefined;

/**
 * The calculators as function tools for the model; parameters come from the same zod schemas the tools validate with.
 * Built on first use: only a configured model needs them, and turning three schemas into JSON Schema takes a few
 * milliseconds of start-up.
 */
export function toolDefinitions(): ToolDefinition[] {
  definitions ??= [
    {
      type: 'function',
      name: 'calculate_levy',
      description: DESCRIPTIONS.calculate_levy,
      parameters: inputSchema(LevyInput),
      strict: false,
    },
    {
      type: 'function',
      name: 'check_apprenticeship_eligibility',
      description: DESCRIPTIONS.check_apprenticeship_eligibility,
      parameters: inputSchema(EligibilityInput),
      strict: false,
    },
    {
      type: 'function',
      name: 'calculate_co_investment',
      description: DESCRIPTIONS.calculate_co_investment,
      parameters: inputSchema(CoInvestmentInput),
      strict: false,
    },
  ];
  return definitions;
}

export type ToolRun =
  | ({ ok: true; text: string; citations: Citation[]; answer: Answer } & (
      | { tool: 'levy'; result: LevyResult }
      | { tool: 'eligibility'; result: EligibilityResult }
      | { tool: 'co-investment'; result: CoInvestmentResult }
    ))
  | { ok: false; message: string };

const KINDS: Record<ToolName, CalculatorKind> = {
  calculate_levy: 'levy',
  check_apprenticeship_eligibility: 'eligibility',
  calculate_co_investment: 'co-investment',
};

/** Models often send `null` for a value they do not know: treat it as not given. */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null));
}

function readArguments(rawArgs: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof rawArgs !== 'string') return { ok: true, value: withoutNulls(rawArgs ?? {}) };
  try {
    return { ok: true, value: withoutNulls(JSON.parse(rawArgs === '' ? '{}' : rawArgs)) };
  } catch {
    return { ok: false, message: 'The tool arguments are not valid JSON.' };
  }
}

/** Runs a calculator by its tool name with arguments from the model, validated by the calculator's own schema. */
export function runTool(
  knowledge: Knowledge,
  name: string,
  rawArgs: unknown,
  asOf: string,
  today: string = asOf,
): ToolRun {
  const args = readArguments(rawArgs);
  if (!args.ok) return args;
  const kind = (TOOL_NAMES as readonly string[]).includes(name) ? KINDS[name as ToolName] : undefined;
  if (!kind) return { ok: false, message: `There is no tool called "${name}".` };
  const run = parseRun(kind, args.value);
  if (!run.ok) return { ok: false, message: run.problems.join('; ') };
  const result: CalculatorResult = runCalculator(knowledge, run.value, asOf);
  const answer = answerFromResult(knowledge, run.value, result, today);
  const common = { ok: true as const, text: answer.text, citations: answer.citations, answer };
  switch (result.tool) {
    case 'levy':
      return { ...common, tool: 'levy', result };
    case 'eligibility':
      return { ...common, tool: 'eligibility', result };
    case 'co-investment':
      return { ...common, tool: 'co-investment', result };
  }
}
