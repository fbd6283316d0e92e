import type { Command } from 'commander';
import type { z } from 'zod';
import type { ActionResult, Actor, Enquiry, EnquiryQueue } from '../../enquiries/index.js';
import type { EnquiryCliKit } from './enquiry-cli-kit.js';
import { ActOptions, AssignOptions, CloseOptions, NoteOptions, ResolveOptions } from './enquiry-options.js';

/** One officer's action on one enquiry: `enquiries NAME <reference> [flags] --as <userId>`. */
type OfficerCommand<Schema extends z.ZodType<{ as: string }>> = {
  name: string;
  /** What it does; "(officers)" is added. */
  description: string;
  /** The flags besides `--as`, as `[flags, description]`; a third item `false` makes the flag optional. */
  flags: [string, string, false?][];
  /** Who `--as` names, e.g. "the officer claiming it". */
  actor: string;
  schema: Schema;
  act(queue: EnquiryQueue, reference: string, options: z.output<Schema>, by: Actor): Promise<ActionResult>;
  /** The line printed when it worked. */
  done(enquiry: Enquiry): string;
};

function registerOfficerCommand<Schema extends z.ZodType<{ as: string }>>(
  enquiries: Command,
  kit: EnquiryCliKit,
  spec: OfficerCommand<Schema>,
): void {
  const command = enquiries.command(spec.name).description(`${spec.description} (officers)`).argument('<reference>');
  for (const [flags, description, required] of spec.flags) {
    if (required === false) command.option(flags, description);
    else command.requiredOption(flags, description);
  }
  command.requiredOption('--as <userId>', spec.actor).action(
    kit.action(spec.schema, async (queue, options, officerIds, reference = '') => {
      kit.report(await spec.act(queue, reference, options, kit.actorFor(options.as, officerIds)), spec.done);
    }),
  );
}

const closedAs = (enquiry: Enquiry) =>
  enquiry.closedReason === 'duplicate'
    ? `a duplicate${enquiry.duplicateOf ? ` of ${enquiry.duplicateOf}` : ''}`
    : 'spam';

/** `enquiries claim`, `assign`, `note`, `resolve` and `close`: the officers' work on one enquiry. */
export function registerOfficerCommands(enquiries: Command, kit: EnquiryCliKit): void {
  registerOfficerCommand(enquiries, kit, {
    name: 'claim',
    description: 'take an enquiry',
    flags: [],
    actor: 'the officer claiming it',
    schema: ActOptions,
    act: (queue, reference, _options, by) => queue.claim(reference, by),
    done: (e) => `${e.reference} is yours.`,
  });
  registerOfficerCommand(enquiries, kit, {
    name: 'assign',
    description: 'assign an enquiry to an officer',
    flags: [['--to <userId>', 'who should take it']],
    actor: 'the officer assigning it',
    schema: AssignOptions,
    act: (queue, reference, options, by) => queue.assign(reference, options.to, by),
    done: (e) => `${e.reference} is assigned to ${e.assignee}.`,
  });
  registerOfficerCommand(enquiries, kit, {
    name: 'note',
    description: 'add an internal note',
    flags: [['--text <note>', 'the note']],
    actor: 'the officer writing it',
    schema: NoteOptions,
    act: (queue, reference, options, by) => queue.addNote(reference, options.text, by),
    done: (e) => `Note added to ${e.reference}.`,
  });
  registerOfficerCommand(enquiries, kit, {
    name: 'resolve',
    description: 'resolve an enquiry with its outcome',
    flags: [['--outcome <text>', 'what was done']],
    actor: 'the officer resolving it',
    schema: ResolveOptions,
    act: (queue, reference, options, by) => queue.resolve(reference, options.outcome, by),
    done: (e) => `${e.reference} is resolved.`,
  });
  registerOfficerCommand(enquiries, kit, {
    name: 'close',
    description: 'close an enquiry as a duplicate or spam',
    flags: [
      ['--reason <reason>', 'duplicate or spam'],
      ['--duplicate-of <reference>', 'the enquiry it repeats', false],
    ],
    actor: 'the officer closing it',
    schema: CloseOptions,
    act: (queue, reference, options, by) => queue.close(reference, options.reason, by, options.duplicateOf),
    done: (e) => `${e.reference} is closed as ${closedAs(e)}.`,
  });
}
