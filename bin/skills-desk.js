#!/usr/bin/env node
// Runs the compiled build in dist/. It never falls back to the sources: a missing or stale build is named, with the
// command that fixes it (`npm run build`; `npm run dev` runs the sources through tsx during development).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');

function newerSource(builtAt) {
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true });
  const newer = sources.find(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > builtAt,
  );
  return newer === undefined ? undefined : relative(root, join(newer.parentPath, newer.name));
}

if (!existsSync(built)) {
  process.stderr.write(
    'skills-desk: there is no build in dist/. Run `npm run build` (npm install and npm ci run it).\n',
  );
  process.exit(1);
}
const stale = existsSync(join(root, 'src')) ? newerSource(statSync(built).mtimeMs) : undefined;
if (stale !== undefined) {
  process.stderr.write(
    `skills-desk: the build in dist/ is older than ${stale}. Run \`npm run build\`, or \`npm run dev\` to run the sources.\n`,
  );
  process.exit(1);
}
const { runCli } = await import(built);
process.exitCode = await runCli(process.argv.slice(2));
