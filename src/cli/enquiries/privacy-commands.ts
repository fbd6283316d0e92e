import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import type { EnquiryCliKit } from './enquiry-cli-kit.js';
import { EraseOptions, ExportOptions } from './enquiry-options.js';

/** `enquiries export`, `erase`, `retention` and `sweep`: what leaves the queue and what is removed from it. */
export function registerPrivacyCommands(enquiries: Command, kit: EnquiryCliKit): void {
  const { context, action, actorFor } = kit;
  enquiries
    .command('export')
    .description('export enquiries created between two dates, inclusive (officers)')
    .requiredOption('--format <format>', 'csv or json')
    .requiredOption('--from <date>', 'YYYY-MM-DD')
    .requiredOption('--to <date>', 'YYYY-MM-DD')
    .option('--out <file>', 'write to a file instead of the terminal')
    .requiredOption('--as <userId>', 'the officer exporting')
    .action(
      action(ExportOptions, async (queue, options, officerIds) => {
        const result = await queue.exportEnquiries(
          { from: options.from, to: options.to, format: options.format },
          actorFor(options.as, officerIds),
        );
        if (!result.ok) {
          context.stderr.write(`${result.message}\n`);
          context.setExitCode(1);
          return;
        }
        if (options.out === undefined) {
          context.stdout.write(result.body);
          return;
        }
        await writeFile(options.out, result.body, { mode: 0o600 });
        context.stdout.write(`Wrote ${options.out}.\n`);
      }),
    );

  enquiries
    .command('erase')
    .description("erase a person's contact details from every enquiry (officers)")
    .requiredOption('--contact <email>', 'their email address')
    .requiredOption('--as <userId>', 'the officer acting on the request')
    .action(
      action(EraseOptions, async (queue, options, officerIds) => {
        const result = await queue.eraseContact(options.contact, actorFor(options.as, officerIds));
        if (!result.ok) {
          context.stderr.write(`${result.message}\n`);
          context.setExitCode(1);
          return;
        }
        context.stdout.write(
          `Erased contact details from ${result.erased} ${result.erased === 1 ? 'enquiry' : 'enquiries'}.\n`,
        );
      }),
    );

  enquiries
    .command('retention')
    .description('erase contact details of enquiries finished longer ago than ENQUIRY_RETENTION_DAYS')
    .action(
      action(z.object({}), async (queue) => {
        const erased = await queue.applyRetention();
        context.stdout.write(
          `Erased contact details from ${erased} finished ${erased === 1 ? 'enquiry' : 'enquiries'} past the retention period.\n`,
        );
      }),
    );

  enquiries
    .command('sweep')
    .description('remove contact details left under a reference with no enquiry (a log cut short by a crash)')
    .action(
      action(z.object({}), async (queue) => {
        const removed = await queue.sweepOrphans();
        context.stdout.write(
          `Removed ${removed} orphaned contact ${removed === 1 ? 'record' : 'records'} with no enquiry.\n`,
        );
      }),
    );
}
