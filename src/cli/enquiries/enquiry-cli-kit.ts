import type { Command } from 'commander';
import type { z } from 'zod';
import type { ActionResult, Actor, Enquiry, EnquiryQueue, FieldIssue } from '../../enquiries/index.js';
import type { CliContext } from '../cli-context.js';
import { FLAG_OF_FIELD } from './enquiry-options.js';

/** What each `enquiries` subcommand uses: option parsing, the acting person, and how results are written. */
export type EnquiryCliKit = {
  context: CliContext;
  action<Schema extends z.ZodType>(
    schema: Schema,
    run: (queue: EnquiryQueue, options: z.output<Schema>, officerIds: string[], ...args: string[]) => Promise<void>,
  ): (...args: unknown[]) => Promise<void>;
  actorFor(userId: string | undefined, officerIds: string[]): Actor;
  report(result: ActionResult, done: (enquiry: Enquiry) => string): void;
  writeIssues(issues: FieldIssue[]): void;
};

export function createEnquiryCliKit(context: CliContext): EnquiryCliKit {
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
      // Officer ids come from the configuration (SLACK_OFFICER_IDS and TEAMS_OFFICER_IDS together).
      const core = await context.loadCore();
      await run(core.enquiries, parsed.data, core.config.enquiries.officerIds, ...positional);
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

  function writeIssues(issues: FieldIssue[]) {
    for (const issue of issues)
      context.stderr.write(`${FLAG_OF_FIELD[issue.field] ?? issue.field}: ${issue.message}\n`);
    context.setExitCode(1);
  }

  return { context, action, actorFor, report, writeIssues };
}

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
