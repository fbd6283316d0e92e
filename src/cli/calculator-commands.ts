import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

export function registerCalculatorCommands(_program: Command, _context: CliContext): void {}
