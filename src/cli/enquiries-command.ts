import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';

export function registerEnquiriesCommand(_program: Command, _context: CliContext): void {}
