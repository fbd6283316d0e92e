import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

export function registerAskCommand(_program: Command, _context: CliContext): void {}
