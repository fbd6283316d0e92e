import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { createEnquiryCliKit } from './enquiries/enquiry-cli-kit.js';
import { registerOfficerCommands } from './enquiries/officer-commands.js';
import { registerPrivacyCommands } from './enquiries/privacy-commands.js';
import { registerReadingCommands } from './enquiries/reading-commands.js';
import { registerGapsCommand } from './reports/gaps-command.js';
import { registerReportCommand } from './reports/report-command.js';

/** `skills-desk enquiries …`: log, list, show and work employer enquiries from the terminal; and `report`, `gaps`. */
export function registerEnquiriesCommand(program: Command, context: CliContext): void {
  const enquiries = program
    .command('enquiries')
    .description('log and work the employer enquiry queue (officers: SLACK_OFFICER_IDS / TEAMS_OFFICER_IDS)');
  const kit = createEnquiryCliKit(context);
  registerReadingCommands(enquiries, kit);
  registerOfficerCommands(enquiries, kit);
  registerPrivacyCommands(enquiries, kit);
  // The outcome report and the knowledge-gaps view read the same queue; registered here so main.ts stays as it is.
  registerReportCommand(program, context);
  registerGapsCommand(program, context);
}
