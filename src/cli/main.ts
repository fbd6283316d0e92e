import { Command, CommanderError } from 'commander';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config.js';
import { type Core, createCore } from '../core.js';
import { ConfigError, KnowledgeError, SkillsDeskError } from '../errors.js';
import { cliLogLevel, createLogger } from '../log.js';
import { registerAskCommand } from './ask-command.js';
import { registerCalculatorCommands } from './calculator-commands.js';
import type { CliContext } from './cli-context.js';
import { registerEnquiriesCommand } from './enquiries-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerKnowledgeCommand } from './knowledge-command.js';
import { registerStartCommand } from './start-command.js';

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

  registerStartCommand(program, context);
  registerAskCommand(program, context);
  registerEvalCommand(program, context);
  registerKnowledgeCommand(program, context);
  registerCalculatorCommands(program, context);
  registerEnquiriesCommand(program, context);

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
      throw error;
    }
  } finally {
    // Every command, `start` included, has finished its work by now (start returns on shutdown).
    if (core) await core.close();
  }
  return exitCode;
}
