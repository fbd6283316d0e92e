import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
export function registerGapsCommand(_p: Command, _c: CliContext): void {}
