import type { Command } from 'commander';
import { ENQUIRY_STATUSES, ENQUIRY_TOPICS, londonDate } from '../../enquiries/index.js';
import { formatDate } from '../../knowledge/format.js';
import type { EnquiryCliKit } from './enquiry-cli-kit.js';
import { ListOptions, LogOptions, ShowOptions } from './enquiry-options.js';
import { renderEnquiry, visible } from './render-enquiry.js';

/** `enquiries log`, `list` and `show`. */
export function registerReadingCommands(enquiries: Command, kit: EnquiryCliKit): void {
  const { context, action, actorFor, writeIssues } = kit;
  enquiries
    .command('log')
    .description('log an employer enquiry')
    .requiredOption('--org <organisation>', 'the employer')
    .requiredOption('--contact <name>', 'the person to contact')
    .option('--email <email>', 'their email address')
    .option('--phone <phone>', 'their UK phone number (email and/or phone)')
    .option('--topic <topic>', `${ENQUIRY_TOPICS.join(', ')} (suggested from the text when left out)`)
    .requiredOption('--text <description>', 'what they asked')
    .option('--via <arrival>', 'staff, bot or external', 'staff')
    .option('--source-link <url>', 'link to the message it came from')
    .option('--as <userId>', 'who is logging it')
    .option('--json', 'print the result as JSON')
    .action(
      action(LogOptions, async (queue, options, officerIds) => {
        const by = actorFor(options.as, officerIds);
        const result = await queue.log(
          {
            organisation: options.org,
            contactName: options.contact,
            description: options.text,
            arrivedVia: options.via,
            ...(options.email !== undefined && { email: options.email }),
            ...(options.phone !== undefined && { phone: options.phone }),
            ...(options.topic !== undefined && { topic: options.topic }),
            ...(options.sourceLink !== undefined && { sourceLink: options.sourceLink }),
          },
          by,
        );
        if (!result.ok) {
          writeIssues(result.issues);
          return;
        }
        if (options.json) {
          context.stdout.write(
            `${JSON.stringify({ enquiry: visible(result.enquiry, by), possibleDuplicates: result.possibleDuplicates.map(({ reference, organisation, status }) => ({ reference, organisation, status })) }, null, 2)}\n`,
          );
          return;
        }
        const { enquiry } = result;
        context.stdout.write(`Logged ${enquiry.reference}: ${enquiry.organisation} (${enquiry.topic}).\n`);
        if (result.possibleDuplicates.length > 0) {
          context.stdout.write('Possible duplicates still open (not merged):\n');
          for (const duplicate of result.possibleDuplicates) {
            context.stdout.write(`  ${duplicate.reference}  ${duplicate.organisation}  ${duplicate.status}\n`);
          }
        }
      }),
    );

  enquiries
    .command('list')
    .description('list enquiries, oldest first')
    .option('--status <statuses>', `comma-separated: ${ENQUIRY_STATUSES.join(', ')}`)
    .option('--mine', 'only those assigned to --as')
    .option('--as <userId>', 'who is asking')
    .option('--json', 'print enquiries as JSON')
    .action(
      action(ListOptions, async (queue, options, officerIds) => {
        const by = actorFor(options.as, officerIds);
        const list = await queue.list({
          ...(options.status !== undefined && { status: options.status }),
          ...(options.mine && options.as !== undefined && { assignee: options.as }),
        });
        if (options.json) {
          context.stdout.write(
            `${JSON.stringify(
              list.map((enquiry) => visible(enquiry, by)),
              null,
              2,
            )}\n`,
          );
          return;
        }
        if (list.length === 0) {
          context.stdout.write('No enquiries.\n');
          return;
        }
        for (const enquiry of list) {
          context.stdout.write(
            `${[
              enquiry.reference,
              enquiry.status.padEnd(8),
              enquiry.topic.padEnd(15),
              formatDate(londonDate(new Date(enquiry.createdAt))).padEnd(17),
              (enquiry.assigneeName ?? enquiry.assignee ?? 'unassigned').padEnd(12),
              enquiry.organisation,
            ].join('  ')}\n`,
          );
        }
      }),
    );

  enquiries
    .command('show')
    .description('show one enquiry with its history (contact details and notes for officers only)')
    .argument('<reference>', 'e.g. ENQ-2026-0042')
    .option('--as <userId>', 'who is asking')
    .option('--json', 'print the enquiry as JSON')
    .action(
      action(ShowOptions, async (queue, options, officerIds, reference = '') => {
        const by = actorFor(options.as, officerIds);
        const enquiry = await queue.get(reference);
        if (enquiry === undefined) {
          context.stderr.write(`There is no enquiry ${reference}.\n`);
          context.setExitCode(1);
          return;
        }
        const shown = visible(enquiry, by);
        context.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : renderEnquiry(shown, by.isOfficer));
      }),
    );
}
