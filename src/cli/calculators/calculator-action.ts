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

/** The flags every calculator command has. */
export type CalculatorFlags = { asOf?: string; verbose?: boolean };

/** What a command's flags ask for: the calculation, and whether to print it as JSON. */
export type CalculatorRequest = { run: CalculatorRun; json: boolean };

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

/** `--json` and `--verbose` for the commands that print either the answer or the result as JSON. */
export function withOutputOptions(command: Command): Command {
  return command.option('--json', 'print the result as JSON').option('--verbose', 'print the full working as well');
}

/**
 * A calculator command's action: reads `--as-of`, then the request from the flags, and prints the calculation. The
 * first flag that cannot be read is reported, one line an issue, with exit code 1.
 */
export function calculatorAction<Flags extends CalculatorFlags>(
  context: CliContext,
  command: string,
  read: (flags: Flags) => CalculatorRequest,
): (flags: Flags) => Promise<void> {
  return async (flags) => {
    let asOf: string | undefined;
    let request: CalculatorRequest;
    try {
      asOf = flagValue(AsOf.safeParse(flags.asOf));
      request = read(flags);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      const lines = error.issues.issues.map((issue) => `skills-desk ${command}: ${issue.message}`);
      context.stderr.write(`${lines.join('\n')}\n`);
      context.setExitCode(1);
      return;
    }
    await printCalculation(context, request, asOf, flags.verbose === true);
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs a calculator and prints its answer, or the result and citations as JSON. */
async function printCalculation(
  context: CliContext,
  request: CalculatorRequest,
  asOf: string | undefined,
  verbose: boolean,
): Promise<void> {
  const knowledge = await readKnowledge(context);
  const result = runCalculator(knowledge, request.run, asOf ?? today());
  const answer = answerFromResult(knowledge, request.run, result, today());
  context.stdout.write(
    request.json
      ? `${JSON.stringify({ result, citations: answer.citations }, null, 2)}\n`
      : renderCalculatorText(answer, verbose),
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
