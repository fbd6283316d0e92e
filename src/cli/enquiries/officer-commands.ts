import type { Command } from 'commander';
import type { EnquiryCliKit } from './enquiry-cli-kit.js';
import { ActOptions, AssignOptions, CloseOptions, NoteOptions, ResolveOptions } from './enquiry-options.js';

/** `enquiries claim`, `assign`, `note`, `resolve` and `close`: the officers' work on one enquiry. */
export function registerOfficerCommands(enquiries: Command, kit: EnquiryCliKit): void {
  const { action, actorFor, report } = kit;
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
}
