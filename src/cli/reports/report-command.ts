import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDay } from '../../enquiries/enquiry-schema.js';
import { createOutcomeReports, ReportFormat } from '../../reports/outcome-report.js';
import { createCoreQuestionLog } from '../../reports/question-log.js';
import type { CliContext } from '../cli-context.js';

const ReportOptions = z
  .object({
    from: IsoDay,
    to: IsoDay,
    format: ReportFormat.default('html'),
    out: z.string().min(1).max(4096).optional(),
  })
  .refine((options) => options.from <= options.to, { error: 'must not be before --from', path: ['to'] });

/** `skills-desk report --from --to [--format csv|json|html] [--out FILE]`: the outcome report for a period. */
export function registerReportCommand(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('outcome report for a period: enquiries, response times, backlog, claims and questions (figures only)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (London)')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (London)')
    .option('--format <format>', 'csv, json or html', 'html')
    .option('--out <file>', 'write to a file instead of the terminal')
    .action(async (_options: unknown, command: Command) => {
      const parsed = ReportOptions.safeParse(command.opts());
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          context.stderr.write(`--${String(issue.path[0] ?? 'options')}: ${issue.message}\n`);
        }
        context.setExitCode(1);
        return;
      }
      const { from, to, format, out } = parsed.data;
      const core = await context.loadCore();
      const reports = createOutcomeReports({
        queue: core.enquiries,
        questions: createCoreQuestionLog(core),
        slaHours: core.config.enquiries.slaHours,
      });
      const body = await reports.render(await reports.figures({ from, to }), format);
      if (out === undefined) {
        context.stdout.write(body);
        return;
      }
      try {
        await writeFile(out, body, { mode: 0o600 });
      } catch (error) {
        context.stderr.write(`Could not write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}\n`);
        context.setExitCode(1);
        return;
      }
      context.stdout.write(`Wrote ${out}.\n`);
    });
}
