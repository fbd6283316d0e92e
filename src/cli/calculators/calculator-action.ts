import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
import { answerFromResult, type CalculatorRun, runCalculator } from '../../calculators/index.js';
import { Environment } from '../../config.js';
import { KnowledgeError } from '../../errors.js';
import { IsoDate } from '../../knowledge/article-schema.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';
import type { CliContext } from '../cli-context.js';
import { renderCalculatorText } from '../render-answer-text.js';
import { withoutUndefined } from './calculator-flags.js';

/** The flags every calculator command has. */
export type CalculatorFlags = { asOf?: string; verbose?: boolean };

/** The flags of the commands that take `--json` to print the result as JSON. */
export type JsonFlag = { json?: boolean };

const AsOf = IsoDate.optional();

/** A flag that could not be read; the command reports its issues and exits 1. */
class FlagError extends Error {
  constructor(readonly issues: z.ZodError) {
    super(issues.message);
  }
}

/** The parsed value of a flag (or of the input built from the flags), or a FlagError for the command to report. */
export function flagValue<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new FlagError(result.error);
  return result.data;
}

/** A calculator's input from the values read off its flags (those not given left out), or a FlagError. */
export function inputFrom<Schema extends z.ZodType>(schema: Schema, values: Record<string, unknown>): z.output<Schema> {
  return flagValue(schema.safeParse(withoutUndefined(values)));
}

/**
 * The action of a command whose flags are one calculator's input (levy, co-investment): `--json` and `--verbose`,
 * then the flags' values read by that calculator's schema.
 */
export function flagsCalculatorAction<Run extends CalculatorRun, Flags extends CalculatorFlags & JsonFlag>(
  context: CliContext,
  command: Command,
  calculator: { kind: Run['kind']; schema: z.ZodType<Run['inputs']> },
  values: (flags: Flags) => Record<string, unknown>,
): void {
  withOutputOptions(command).action(
    calculatorAction(
      context,
      calculator.kind,
      (flags: Flags) => ({ kind: calculator.kind, inputs: inputFrom(calculator.schema, values(flags)) }) as Run,
    ),
  );
}

/** `--json` and `--verbose` for the commands that print either the answer or the result as JSON. */
export function withOutputOptions(command: Command): Command {
  return command.option('--json', 'print the result as JSON').option('--verbose', 'print the full working as well');
}

/**
 * A calculator command's action: reads `--as-of`, then the calculation from the flags, and prints it (as JSON when
 * `json` says so; by default when `--json` is given). The first flag that cannot be read is reported, one line an
 * issue, with exit code 1.
 */
export function calculatorAction<Flags extends CalculatorFlags>(
  context: CliContext,
  command: string,
  read: (flags: Flags) => CalculatorRun,
  json: (flags: Flags) => boolean = (flags) => (flags as JsonFlag).json === true,
): (flags: Flags) => Promise<void> {
  return async (flags) => {
    let asOf: string | undefined;
    let run: CalculatorRun;
    let asJson: boolean;
    try {
      asOf = flagValue(AsOf.safeParse(flags.asOf));
      asJson = json(flags);
      run = read(flags);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      const lines = error.issues.issues.map((issue) => `skills-desk ${command}: ${issue.message}`);
      context.stderr.write(`${lines.join('\n')}\n`);
      context.setExitCode(1);
      return;
    }
    await printCalculation(context, run, asOf, { json: asJson, verbose: flags.verbose === true });
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs a calculator and prints its answer, or the result and citations as JSON. */
async function printCalculation(
  context: CliContext,
  run: CalculatorRun,
  asOf: string | undefined,
  output: { json: boolean; verbose: boolean },
): Promise<void> {
  const knowledge = await readKnowledge(context);
  const result = runCalculator(knowledge, run, asOf ?? today());
  const answer = answerFromResult(knowledge, run, result, today());
  context.stdout.write(
    output.json
      ? `${JSON.stringify({ result, citations: answer.citations }, null, 2)}\n`
      : renderCalculatorText(answer, output.verbose),
  );
}

/** Loads the knowledge folder; a missing folder is reported like any other knowledge problem (exit code 2). */
async function readKnowledge(context: CliContext): Promise<Knowledge> {
  const directory = Environment.shape.KNOWLEDGE_DIR.parse(context.env.KNOWLEDGE_DIR);
  const isFolder = await stat(directory).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new KnowledgeError([`${directory}: knowledge folder not found (set KNOWLEDGE_DIR)`]);
  return loadKnowledge(directory);
}
