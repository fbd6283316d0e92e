import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
export function registerReportCommand(_p: Command, _c: CliContext): void {}
