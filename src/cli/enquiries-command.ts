import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type ActionResult,
  type Actor,
  ENQUIRY_STATUSES,
  ENQUIRY_TOPICS,
  type Enquiry,
  type EnquiryQueue,
  type FieldIssue,
  londonDate,
  officerIdsFromEnv,
} from '../enquiries/index.js';
import { formatDate } from '../knowledge/format.js';
import type { CliContext } from './cli-context.js';

const UserId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@:-]{1,100}$/, { error: 'expected a user id such as U0123ABCD' });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });
const StatusList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.enum(ENQUIRY_STATUSES, { error: `expected statuses from ${ENQUIRY_STATUSES.join(', ')}` })));

const LogOptions = z.object({
  org: z.string(),
  contact: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  topic: z.enum(ENQUIRY_TOPICS, { error: `expected one of ${ENQUIRY_TOPICS.join(', ')}` }).optional(),
  text: z.string(),
  via: z.enum(['staff', 'bot', 'external'], { error: 'expected staff, bot or external' }).default('staff'),
  sourceLink: z.string().optional(),
  as: UserId.optional(),
  json: z.boolean().default(false),
});
const ListOptions = z
  .object({
    status: StatusList.optional(),
    mine: z.boolean().default(false),
    as: UserId.optional(),
    json: z.boolean().default(false),
  })
  .refine((options) => !options.mine || options.as !== undefined, {
    error: '--mine needs --as USER_ID',
    path: ['mine'],
  });
const ShowOptions = z.object({ as: UserId.optional(), json: z.boolean().default(false) });
const ActOptions = z.object({ as: UserId });
const AssignOptions = z.object({ as: UserId, to: UserId });
const NoteOptions = z.object({ as: UserId, text: z.string() });
const ResolveOptions = z.object({ as: UserId, outcome: z.string() });
const CloseOptions = z.object({
  as: UserId,
  reason: z.enum(['duplicate', 'spam'], { error: 'expected duplicate or spam' }),
  duplicateOf: z.string().optional(),
});
const ExportOptions = z.object({
  as: UserId,
  format: z.enum(['csv', 'json'], { error: 'expected csv or json' }),
  from: Day,
  to: Day,
  out: z.string().min(1).optional(),
});
const EraseOptions = z.object({ as: UserId, contact: z.string() });

// Queue field names as the flags that set them.
const FLAG_OF_FIELD: Record<string, string> = {
  organisation: '--org',
  contactName: '--contact',
  email: '--email',
  phone: '--phone',
  topic: '--topic',
  description: '--text',
  arrivedVia: '--via',
  sourceLink: '--source-link',
};

/** `skills-desk enquiries …`: log, list, show and work employer enquiries from the terminal. */
export function registerEnquiriesCommand(program: Command, context: CliContext): void {
  const enquiries = program
    .command('enquiries')
    .description('log and work the employer enquiry queue (officers: SLACK_OFFICER_IDS / TEAMS_OFFICER_IDS)');

  /** Parses options with zod, then runs with the queue and the acting person; bad input changes nothing. */
  function action<Schema extends z.ZodType>(
    schema: Schema,
    run: (queue: EnquiryQueue, options: z.output<Schema>, officerIds: string[], ...args: string[]) => Promise<void>,
  ) {
    return async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const positional = args.slice(0, -2).map(String);
      const parsed = schema.safeParse(command.opts());
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          context.stderr.write(`--${kebab(String(issue.path[0] ?? 'options'))}: ${issue.message}\n`);
        }
        context.setExitCode(1);
        return;
      }
      let officerIds: string[];
      try {
        officerIds = officerIdsFromEnv(context.env);
      } catch {
        context.stderr.write('SLACK_OFFICER_IDS / TEAMS_OFFICER_IDS: expected comma-separated user ids\n');
        context.setExitCode(2);
        return;
      }
      const core = await context.loadCore();
      await run(core.enquiries, parsed.data, officerIds, ...positional);
    };
  }

  const actorFor = (userId: string | undefined, officerIds: string[]): Actor => ({
    platform: 'cli',
    userId: userId ?? 'cli',
    isOfficer: userId !== undefined && officerIds.includes(userId),
  });

  const report = (result: ActionResult, done: (enquiry: Enquiry) => string) => {
    if (result.ok) {
      context.stdout.write(`${done(result.enquiry)}\n`);
    } else {
      context.stderr.write(`${result.message}\n`);
      context.setExitCode(1);
    }
  };

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

  enquiries
    .command('claim')
    .description('take an enquiry (officers)')
    .argument('<reference>')
    .requiredOption('--as <userId>', 'the officer claiming it')
    .action(
      action(ActOptions, async (queue, options, officerIds, reference = '') => {
        report(await queue.claim(reference, actorFor(options.as, officerIds)), (e) => `${e.reference} is yours.`);
      }),
    );

  enquiries
    .command('assign')
    .description('assign an enquiry to an officer (officers)')
    .argument('<reference>')
    .requiredOption('--to <userId>', 'who should take it')
    .requiredOption('--as <userId>', 'the officer assigning it')
    .action(
      action(AssignOptions, async (queue, options, officerIds, reference = '') => {
        report(
          await queue.assign(reference, options.to, actorFor(options.as, officerIds)),
          (e) => `${e.reference} is assigned to ${e.assignee}.`,
        );
      }),
    );

  enquiries
    .command('note')
    .description('add an internal note (officers)')
    .argument('<reference>')
    .requiredOption('--text <note>', 'the note')
    .requiredOption('--as <userId>', 'the officer writing it')
    .action(
      action(NoteOptions, async (queue, options, officerIds, reference = '') => {
        report(
          await queue.addNote(reference, options.text, actorFor(options.as, officerIds)),
          (e) => `Note added to ${e.reference}.`,
        );
      }),
    );

  enquiries
    .command('resolve')
    .description('resolve an enquiry with its outcome (officers)')
    .argument('<reference>')
    .requiredOption('--outcome <text>', 'what was done')
    .requiredOption('--as <userId>', 'the officer resolving it')
    .action(
      action(ResolveOptions, async (queue, options, officerIds, reference = '') => {
        report(
          await queue.resolve(reference, options.outcome, actorFor(options.as, officerIds)),
          (e) => `${e.reference} is resolved.`,
        );
      }),
    );

  enquiries
    .command('close')
    .description('close an enquiry as a duplicate or spam (officers)')
    .argument('<reference>')
    .requiredOption('--reason <reason>', 'duplicate or spam')
    .option('--duplicate-of <reference>', 'the enquiry it repeats')
    .requiredOption('--as <userId>', 'the officer closing it')
    .action(
      action(CloseOptions, async (queue, options, officerIds, reference = '') => {
        report(
          await queue.close(reference, options.reason, actorFor(options.as, officerIds), options.duplicateOf),
          (e) =>
            `${e.reference} is closed as ${e.closedReason === 'duplicate' ? `a duplicate${e.duplicateOf ? ` of ${e.duplicateOf}` : ''}` : 'spam'}.`,
        );
      }),
    );

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

  function writeIssues(issues: FieldIssue[]) {
    for (const issue of issues)
      context.stderr.write(`${FLAG_OF_FIELD[issue.field] ?? issue.field}: ${issue.message}\n`);
    context.setExitCode(1);
  }
}

/** Contact details and internal notes are for officers only. */
function visible(enquiry: Enquiry, by: Actor): Partial<Enquiry> {
  if (by.isOfficer) return enquiry;
  const { contactName: _name, email: _email, phone: _phone, notes: _notes, ...rest } = enquiry;
  return { ...rest, history: rest.history.filter((entry) => entry.action !== 'noted') };
}

function when(iso: string): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return `${formatDate(londonDate(date))} ${time}`;
}

function renderEnquiry(enquiry: Partial<Enquiry>, isOfficer: boolean): string {
  const lines = [`${enquiry.reference}  ${enquiry.status}  ${enquiry.topic}`, `Organisation: ${enquiry.organisation}`];
  if (isOfficer) {
    const contact = enquiry.contactErasedAt
      ? `erased ${when(enquiry.contactErasedAt)}`
      : [enquiry.contactName, enquiry.email, enquiry.phone].filter(Boolean).join(', ');
    lines.push(`Contact: ${contact}`);
  }
  lines.push(
    `Logged: ${when(enquiry.createdAt ?? '')} by ${enquiry.loggedBy?.name ?? enquiry.loggedBy?.userId} (${enquiry.arrivedVia})`,
    `Assignee: ${enquiry.assigneeName ?? enquiry.assignee ?? 'unassigned'}`,
  );
  if (enquiry.sourceLink) lines.push(`Source: ${enquiry.sourceLink}`);
  if (enquiry.outcome) lines.push(`Outcome: ${enquiry.outcome}`);
  if (enquiry.duplicateOf) lines.push(`Duplicate of: ${enquiry.duplicateOf}`);
  lines.push('Description:', ...(enquiry.description ?? '').split('\n').map((line) => `  ${line}`));
  if (isOfficer && enquiry.notes && enquiry.notes.length > 0) {
    lines.push('Notes (internal):', ...enquiry.notes.map((note) => `  ${when(note.at)}  ${note.by}: ${note.text}`));
  }
  lines.push(
    'History:',
    ...(enquiry.history ?? []).map(
      (entry) =>
        `  ${when(entry.at)}  ${entry.action.padEnd(8)}  ${entry.actor.name ?? entry.actor.userId}${entry.detail ? `  ${entry.detail}` : ''}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
