import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDay } from '../../enquiries/enquiry-schema.js';
import { londonDate } from '../../enquiries/working-hours.js';
import { formatDate } from '../../knowledge/format.js';
import { applyGapDecisions } from '../../reports/apply-gap-decisions.js';
import { createCoreGapDecisions } from '../../reports/gap-decisions.js';
import { buildDigests, type Digests, decisionLabel } from '../../reports/owner-digests.js';
import { createCoreQuestionLog } from '../../reports/question-log.js';
import type { CliContext } from '../cli-context.js';

const GapsOptions = z.object({ since: IsoDay.optional(), json: z.boolean().default(false) });

/** The digests as the terminal shows them: one block per content owner, decided gaps marked as such. */
export function renderDigestsText(result: Digests): string {
  const lines: string[] = [`Knowledge gaps since ${formatDate(result.since)}`];
  for (const digest of result.digests) {
    lines.push('', digest.owner);
    for (const due of digest.reviewDue) {
      lines.push(
        `  review ${due.overdue ? 'overdue' : 'due'} ${formatDate(due.reviewBy)}: ${due.title} (${due.articleId})`,
      );
    }
    for (const figure of digest.staleFigures) {
      lines.push(`  figure to check: ${figure.label}, ${figure.value} from ${formatDate(figure.from)} (${figure.key})`);
    }
    for (const gap of digest.gaps) {
      const state = gap.decision ? ` — ${decisionLabel(gap.decision)}` : '';
      lines.push(
        `  ${gap.count} × [${gap.reasons.join(', ')}] near ${gap.articleId ?? 'no article'}: "${gap.questions[0]}" (${gap.id})${state}`,
      );
      for (const reason of gap.downReasons) lines.push(`      👎 "${reason}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `skills-desk gaps [--since YYYY-MM-DD] [--json]`: every content owner's digest; `skills-desk gaps apply` writes the
 * questions owners accepted into the knowledge files, for them to review and commit.
 */
export function registerGapsCommand(program: Command, context: CliContext): void {
  const gaps = program
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
      const result = await buildDigests({
        knowledge: core.knowledge,
        questions: createCoreQuestionLog(core),
        decisions: createCoreGapDecisions(core),
        now: core.now,
        ...(parsed.data.since !== undefined && { since: parsed.data.since }),
      });
      context.stdout.write(parsed.data.json ? `${JSON.stringify(result, null, 2)}\n` : renderDigestsText(result));
    });

  gaps
    .command('apply')
    .description("write accepted questions into articles' `questions` and knowledge/understanding, for review")
    .action(async () => {
      const core = await context.loadCore();
      const result = await applyGapDecisions({
        knowledge: core.knowledge,
        decisions: createCoreGapDecisions(core),
        knowledgeDir: core.config.knowledgeDir,
        today: londonDate(core.now()),
      });
      const lines = result.applied.map((item) => `${item.file}: ${item.change} (${item.gapId})`);
      for (const item of result.skipped) lines.push(`skipped ${item.gapId}: ${item.why}`);
      if (lines.length === 0) lines.push('Nothing to apply: no accepted questions are waiting.');
      else lines.push('', 'Review the changes, run `npm run train` if labelled examples changed, and commit them.');
      context.stdout.write(`${lines.join('\n')}\n`);
    });
}
