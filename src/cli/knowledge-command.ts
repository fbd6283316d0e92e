import type { Command } from 'commander';
import { z } from 'zod';
import { Environment } from '../config.js';
import { IsoDate } from '../knowledge/article-schema.js';
import { checkKnowledge } from '../knowledge/check-knowledge.js';
import { loadKnowledgeWithSnapshot } from '../knowledge/knowledge-snapshot.js';
import type { CliContext } from './cli-context.js';

const CheckOptions = z.object({
  dir: z.string().trim().min(1, { error: 'expected a folder path' }).optional(),
  today: IsoDate.optional(),
  json: z.boolean().default(false),
});

/** `skills-desk knowledge check`: validates the articles and facts table; exits 1 when there are errors. */
export function registerKnowledgeCommand(program: Command, context: CliContext): void {
  const knowledge = program.command('knowledge').description('work with the knowledge base (articles and facts)');
  registerSnapshotCommand(knowledge, context);
  knowledge
    .command('check')
    .description('check every article and fact: schema, dates, sources, overlapping values, review dates')
    .option('--dir <dir>', 'knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)')
    .option('--today <date>', 'check review dates as of this date (YYYY-MM-DD); default today')
    .option('--json', 'print the result as JSON')
    .action(async (rawOptions: Record<string, unknown>) => {
      const options = CheckOptions.safeParse(rawOptions);
      if (!options.success) {
        const reported = new Set<string>();
        for (const issue of options.error.issues) {
          const flag = String(issue.path[0]);
          if (reported.has(flag)) continue; // one reason per flag is enough
          reported.add(flag);
          context.stderr.write(`--${flag}: ${issue.message}\n`);
        }
        context.setExitCode(1);
        return;
      }
      const directory = options.data.dir ?? Environment.shape.KNOWLEDGE_DIR.parse(context.env.KNOWLEDGE_DIR);
      const today = options.data.today ?? new Date().toISOString().slice(0, 10);
      const result = await checkKnowledge(directory, today);

      if (options.data.json) {
        context.stdout.write(`${JSON.stringify({ directory, today, ...result }, null, 2)}\n`);
      } else {
        for (const error of result.errors) context.stdout.write(`error: ${error}\n`);
        for (const warning of result.warnings) context.stdout.write(`warning: ${warning}\n`);
        const verdict = result.errors.length > 0 ? 'FAILED' : 'ok';
        context.stdout.write(
          `knowledge check ${verdict}: ${result.articleCount} articles, ${result.factCount} facts, ${plural(
            result.errors.length,
            'error',
          )}, ${plural(result.warnings.length, 'warning')} (${directory}, as of ${today})\n`,
        );
      }
      if (result.errors.length > 0) context.setExitCode(1);
    });
}

/** `skills-desk knowledge snapshot`: writes the parsed knowledge and its search index for fast start-up. */
function registerSnapshotCommand(knowledge: Command, context: CliContext): void {
  knowledge
    .command('snapshot')
    .description('write the parsed knowledge and its search index to KNOWLEDGE_SNAPSHOT (npm run build does this)')
    .action(async () => {
      const directory = Environment.shape.KNOWLEDGE_DIR.parse(context.env.KNOWLEDGE_DIR);
      const path = Environment.shape.KNOWLEDGE_SNAPSHOT.parse(context.env.KNOWLEDGE_SNAPSHOT);
      if (path === 'off') {
        context.stderr.write('KNOWLEDGE_SNAPSHOT is off: there is no snapshot to write\n');
        context.setExitCode(1);
        return;
      }
      const loaded = await loadKnowledgeWithSnapshot(directory, path);
      if (loaded.problem !== undefined) {
        context.stderr.write(`knowledge snapshot not saved: ${loaded.problem}\n`);
        context.setExitCode(1);
        return;
      }
      const state = loaded.snapshot === 'read' ? 'already up to date' : 'written';
      context.stdout.write(`knowledge snapshot ${state}: ${path} (version ${loaded.knowledge.version})\n`);
    });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
