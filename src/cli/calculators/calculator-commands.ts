import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { registerCoInvestmentCommand } from './co-investment-command.js';
import { registerEligibilityCommand } from './eligibility-command.js';
import { registerLevyCommand } from './levy-command.js';

/** `skills-desk levy`, `eligibility` and `co-investment`: the calculators from the command line, without a store. */
export function registerCalculatorCommands(program: Command, context: CliContext): void {
  registerLevyCommand(program, context);
  registerEligibilityCommand(program, context);
  registerCoInvestmentCommand(program, context);
}
