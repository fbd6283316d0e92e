import { Command, CommanderError } from 'commander';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config.js';
import { type Core, createCore } from '../core.js';
import { ConfigError, KnowledgeError, SkillsDeskError } from '../errors.js';
import { cliLogLevel, createLogger } from '../log.js';
import type { CliContext } from './cli-context.js';

type Registrar = (program: Command, context: CliContext) => void;

/**
 * The top-level commands, in the order `--help` lists them. Each is loaded only when it may run: `skills-desk ask`
 * loads the ask command alone, while no command name (or `help`) loads them all.
 */
const COMMANDS: { names: readonly string[]; load: () => Promise<Registrar> }[] = [
  { names: ['start'], load: async () => (await import('./start-command.js')).registerStartCommand },
  { names: ['ask'], load: async () => (await import('./ask-command.js')).registerAskCommand },
  { names: ['eval'], load: async () => (await import('./eval-command.js')).registerEvalCommand },
  { names: ['knowledge'], load: async () => (await import('./knowledge-command.js')).registerKnowledgeCommand },
  {
    names: ['levy', 'eligibility', 'co-investment', 'coinvestment'],
    load: async () => (await import('./calculators/calculator-commands.js')).registerCalculatorCommands,
  },
  {
    names: ['enquiries', 'report', 'gaps'],
    load: async () => (await import('./enquiries-command.js')).registerEnquiriesCommand,
  },
];

/** The commands to register for these arguments: the one named first, or every one. */
export function commandsFor(argv: readonly string[]): typeof COMMANDS {
  const name = argv.find((argument) => !argument.startsWith('-'));
  const named = COMMANDS.filter((command) => name !== undefined && command.names.includes(name));
  return named.length > 0 ? named : COMMANDS;
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file is in the way',
};

const VERBS: Record<string, string> = { open: 'write', mkdir: 'create', read: 'read', write: 'write' };

/** One line for a fault no command handled: a file that cannot be written names the path and why, never a stack. */
function faultLine(error: unknown): string {
  const failure = error as { code?: unknown; path?: unknown; syscall?: unknown; message?: unknown };
  if (typeof failure.code === 'string' && typeof failure.path === 'string') {
    const problem = FILE_PROBLEMS[failure.code] ?? failure.code;
    const verb = VERBS[String(failure.syscall)] ?? 'use';
    return `skills-desk: cannot ${verb} ${failure.path}: ${problem}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `skills-desk: unexpected error: ${message.split('\n')[0]}`;
}

/** Runs the `skills-desk` command line and resolves to the process exit code. */
export async function runCli(
  argv: string[],
  io: Partial<Pick<CliContext, 'stdin' | 'stdout' | 'stderr' | 'env'>> = {},
): Promise<number> {
  if (!io.env) loadDotenv({ quiet: true });
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let exitCode = 0;
  let core: Core | undefined;

  const context: CliContext = {
    env,
    stdin: io.stdin ?? process.stdin,
    stdout,
    stderr,
    setExitCode(code) {
      exitCode = code;
    },
    async loadCore() {
      if (!core) {
        const config = loadConfig(env);
        const log = createLogger({ level: cliLogLevel(env, config.logLevel) });
        core = await createCore(config, log);
      }
      return core;
    },
  };

  const program = new Command('skills-desk')
    .description(
      'Skills Desk: answers about apprenticeships and the levy, the London Living Wage, Hackney 100 and S106 employment and skills, and the employer enquiry queue.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
    });

  for (const command of commandsFor(argv)) (await command.load())(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode;
    } else if (error instanceof ConfigError || error instanceof KnowledgeError) {
      stderr.write(`${error.message}\n`);
      exitCode = 2;
    } else if (error instanceof SkillsDeskError) {
      stderr.write(`skills-desk: ${error.message}\n`);
      exitCode = 1;
    } else {
      // No stack trace on the terminal: one line naming the problem (the path for a file that cannot be written).
      stderr.write(`${faultLine(error)}\n`);
      exitCode = 1;
    }
  } finally {
    // Every command, `start` included, has finished its work by now (start returns on shutdown).
    if (core) await core.close();
  }
  return exitCode;
}
