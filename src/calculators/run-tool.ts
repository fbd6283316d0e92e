import { z } from 'zod';
import type { Citation } from '../answer/answer.js';
import { citeArticles } from '../answer/cite.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { calculateLevy, type LevyResult } from './calculate-levy.js';
import { checkEligibility, type EligibilityResult } from './check-eligibility.js';
import { EligibilityInput } from './eligibility-input.js';
import { LevyInput } from './levy-input.js';
import { renderEligibilityText } from './render-eligibility-text.js';
import { renderLevyText } from './render-levy-text.js';

export const TOOL_NAMES = ['calculate_levy', 'check_apprenticeship_eligibility'] as const;
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
};

function inputSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The calculators as function tools for the model; parameters come from the same zod schemas the tools validate with. */
export const toolDefinitions: ToolDefinition[] = [
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
];

export type ToolRun =
  | { ok: true; tool: 'levy'; result: LevyResult; text: string; citations: Citation[] }
  | { ok: true; tool: 'eligibility'; result: EligibilityResult; text: string; citations: Citation[] }
  | { ok: false; message: string };

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

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
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
  if (name === 'calculate_levy') {
    const parsed = LevyInput.safeParse(args.value);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
    const result = calculateLevy(knowledge, parsed.data, asOf);
    const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
    return { ok: true, tool: 'levy', result, text: renderLevyText(result, citations), citations };
  }
  if (name === 'check_apprenticeship_eligibility') {
    const parsed = EligibilityInput.safeParse(args.value);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
    const result = checkEligibility(knowledge, parsed.data, asOf);
    const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
    return { ok: true, tool: 'eligibility', result, text: renderEligibilityText(result, citations), citations };
  }
  return { ok: false, message: `There is no tool called "${name}".` };
}
