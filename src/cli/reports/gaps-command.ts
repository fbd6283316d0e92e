import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDay } from '../../enquiries/enquiry-schema.js';
import { londonDate } from '../../enquiries/working-hours.js';
import { formatDate } from '../../knowledge/format.js';
import { groupGaps, ownerDigests } from '../../reports/knowledge-gaps.js';
import { createQuestionLog } from '../../reports/question-log.js';
import type { CliContext } from '../cli-context.js';

const GapsOptions = z.object({ since: IsoDay.optional(), json: z.boolean().default(false) });

/** `skills-desk gaps [--since YYYY-MM-DD] [--json]`: the knowledge-gaps digest of every content owner. */
export function registerGapsCommand(program: Command, context: CliContext): void {
  program
    .command('gaps')
    .description('questions the knowledge did not serve, grouped by nearest article, and articles due for review')
    .option('--since <date>', 'from this day, YYYY-MM-DD (default: 7 days ago)')
    .option('--json', 'print the digests as JSON')
    .action(async (_options: unknown, command: Command) => {
      const parsed = GapsOptions.safeParse(command.opts());
      if (!parsed.success) {
        for (const issue of parsed.error.issues) context.stderr.write(`--${String(issue.path[0])}: ${issue.message}\n`);
        context.setExitCode(1);
        return;
      }
      const core = await context.loadCore();
      const today = londonDate(core.now());
      const since = parsed.data.since ?? londonDate(new Date(core.now().getTime() - 7 * 86_400_000));
      const questions = await createQuestionLog({
        store: core.store,
        now: core.now,
        retentionDays: core.config.reports.questionRetentionDays,
      }).list({ from: since, to: today });
      const digests = ownerDigests(core.knowledge, groupGaps(questions), today);
      if (parsed.data.json) {
        context.stdout.write(`${JSON.stringify({ since, today, digests }, null, 2)}\n`);
        return;
      }
      const lines: string[] = [`Knowledge gaps since ${formatDate(since)}`];
      for (const digest of digests) {
        lines.push('', digest.owner);
        for (const due of digest.reviewDue) {
          lines.push(
            `  review ${due.overdue ? 'overdue' : 'due'} ${formatDate(due.reviewBy)}: ${due.title} (${due.articleId})`,
          );
        }
        for (const gap of digest.gaps) {
          lines.push(
            `  ${gap.count} × [${gap.reasons.join(', ')}] near ${gap.articleId ?? 'no article'}: "${gap.questions[0]}"`,
          );
        }
      }
      context.stdout.write(`${lines.join('\n')}\n`);
    });
}
