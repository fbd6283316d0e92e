import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDate } from '../knowledge/article-schema.js';
import type { CliContext } from './cli-context.js';
import { renderAnswerText } from './render-answer-text.js';

const AskOptions = z.object({
  json: z.boolean().default(false),
  asOf: IsoDate.optional(),
  audience: z.enum(['staff', 'public'], { error: 'expected staff or public' }).default('staff'),
});

export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('answer one question and exit')
    .argument('<question...>', 'the question, e.g. "What is the levy allowance?"')
    .option('--json', 'print the answer object as JSON')
    .option('--as-of <date>', 'answer as of this date (YYYY-MM-DD); default today')
    .option('--audience <audience>', 'staff (everything) or public (public articles only)')
    .action(async (words: string[], rawOptions: Record<string, unknown>) => {
      const options = AskOptions.safeParse(rawOptions);
      if (!options.success) {
        for (const issue of options.error.issues)
          context.stderr.write(`--${kebab(String(issue.path[0]))}: ${issue.message}\n`);
        context.setExitCode(1);
        return;
      }
      const core = await context.loadCore();
      const answer = await core.answerer.answer({
        question: words.join(' '),
        audience: options.data.audience,
        ...(options.data.asOf !== undefined && { asOf: options.data.asOf }),
      });
      context.stdout.write(
        options.data.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderAnswerText(answer)}\n`,
      );
    });
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
