import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

export function registerEvalCommand(_program: Command, _context: CliContext): void {}
