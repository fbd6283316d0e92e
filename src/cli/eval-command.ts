import type { Command } from 'commander';
import { z } from 'zod';
import { intentReport, renderIntentReport } from '../answer/eval-intents.js';
import { type EvalReport, readEvalQuestions, runEval } from '../answer/eval-questions.js';
import { describeReadability, readabilityFails, scoreReadability } from '../answer/readability.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { CliContext } from './cli-context.js';

const EvalOptions = z.object({
  questions: z.string().min(1).default('test/eval/questions.yml'),
  json: z.boolean().default(false),
  minPassRate: z.coerce
    .number({ error: 'expected a number between 0 and 1' })
    .min(0, { error: 'expected a number between 0 and 1' })
    .max(1, { error: 'expected a number between 0 and 1' })
    .optional(),
});

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

export function registerEvalCommand(program: Command, context: CliContext): void {
  program
    .command('eval')
    .description('run a YAML question set through the answer engine and score it')
    .option(
      '--questions <file>',
      'question set (YAML list of {id, question, asOf?, expect, mustInclude, mustNotInclude})',
    )
    .option('--json', 'print the report as JSON')
    .option('--min-pass-rate <rate>', 'exit non-zero when fewer than this share pass (0 to 1)')
    .action(async (rawOptions: Record<string, unknown>) => {
      const options = EvalOptions.safeParse(rawOptions);
      if (!options.success) {
        for (const issue of options.error.issues) context.stderr.write(`--min-pass-rate: ${issue.message}\n`);
        context.setExitCode(1);
        return;
      }
      const file = await readEvalQuestions(options.data.questions);
      if (!file.ok) {
        context.stderr.write(`${file.problems.join('\n')}\n`);
        context.setExitCode(2);
        return;
      }
      const core = await context.loadCore();
      const report = await runEval(core.answerer, file.questions);
      const { retrieval, declines, enquiries } = report;
      const intents = intentReport(report.outcomes);
      reportReadability(report, core.knowledge, context, options.data.json);

      if (options.data.json) {
        context.stdout.write(
          `${JSON.stringify(
            {
              passed: report.passed,
              failed: report.failed,
              passRate: report.passRate,
              retrieval,
              declines,
              enquiries,
              falseDeclines: report.falseDeclines,
              medianMillis: report.medianMillis,
              intents,
              failures: report.outcomes
                .filter((outcome) => outcome.failures.length > 0)
                .map((outcome) => ({
                  id: outcome.item.id,
                  question: outcome.item.question,
                  failures: outcome.failures,
                  answer: outcome.answer.text,
                })),
            },
            null,
            2,
          )}\n`,
        );
      } else {
        for (const outcome of report.outcomes.filter((candidate) => candidate.failures.length > 0)) {
          context.stdout.write(
            `FAIL ${outcome.item.id}: ${outcome.failures.join('; ')} — "${outcome.item.question}"\n`,
          );
        }
        context.stdout.write(`${renderIntentReport(intents).join('\n')}\n`);
        context.stdout.write(
          `${[
            `retrieval: expected source cited ${percent(retrieval.sourceCited, retrieval.withSource)} (${retrieval.sourceCited}/${retrieval.withSource}), cited first ${percent(retrieval.sourceFirst, retrieval.withSource)}`,
            `answers: ${percent(report.passed, report.outcomes.length)} passed; out-of-scope declined ${declines.declined}/${declines.expected}; in-scope wrongly declined ${report.falseDeclines}; employer enquiries flagged ${enquiries.flagged}/${enquiries.expected}; median ${report.medianMillis.toFixed(2)} ms a question`,
            `eval: ${report.passed} passed, ${report.failed} failed`,
          ].join('\n')}\n`,
        );
      }
      if (options.data.minPassRate !== undefined && report.passRate < options.data.minPassRate) {
        context.stderr.write(
          `eval: pass rate ${(report.passRate * 100).toFixed(1)}% is below the minimum ${(options.data.minPassRate * 100).toFixed(1)}%\n`,
        );
        context.setExitCode(1);
      }
    });
}

/** Readability over every answer the run produced; any placeholder, cut list, empty table row or repeat fails it. */
function reportReadability(report: EvalReport, knowledge: Knowledge, context: CliContext, json: boolean): void {
  const readability = scoreReadability(
    report.outcomes.map(({ item, answer }) => ({
      id: item.id,
      answer,
      mustInclude: item.mustInclude,
      expect: item.expect,
    })),
    knowledge,
  );
  if (json) context.stderr.write(`${JSON.stringify({ readability })}\n`);
  else {
    for (const example of readability.examples) context.stdout.write(`READ ${example.id}: ${example.problem}\n`);
    context.stdout.write(`${describeReadability(readability)}\n`);
  }
  if (readabilityFails(readability)) {
    context.stderr.write('eval: answers with a placeholder, cut list, empty table row or repeated sentence\n');
    context.setExitCode(1);
  }
}
