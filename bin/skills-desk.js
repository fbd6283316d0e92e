#!/usr/bin/env node
// Runs the compiled build in dist/ when it is up to date with src/ (fast start-up, less memory), otherwise the
// TypeScript sources directly through tsx, so the command always works straight after `npm install`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');

function isBuildCurrent() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true });
  return sources.every((entry) => !entry.isFile() || statSync(join(entry.parentPath, entry.name)).mtimeMs <= builtAt);
}

let runCli;
if (process.env.SKILLS_DESK_FROM_SOURCE !== '1' && isBuildCurrent()) {
  ({ runCli } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
