#!/usr/bin/env node
// `npm run lint` runs this. It checks package.json against the code:
// - every package that src/ imports (or requires) is in `dependencies`: what the built product loads at run time;
// - every package that test/, bench/ or scripts/ imports is declared, in `dependencies` or `devDependencies`;
// - every entry in `dependencies` is imported by src/, and every entry in `devDependencies` is used: imported by the
//   tests, benchmarks or scripts, run by a package.json script (by its command name), a plugin named in a config
//   file (PLUGINS below), or the types of a declared package (`@types/x` for `x`, and `@types/node`);
// - every entry in `dependencies` has a row in the README's dependency table, with why it is there.
// It prints one line a problem and exits 1 when there is any.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const devDependencies = Object.keys(pkg.devDependencies ?? {});

/** Dev dependencies that nothing imports or runs by name: a tool loads them because a config file says so. */
const PLUGINS = {
  '@vitest/coverage-v8': ['vitest.config.ts', "provider: 'v8'"],
  '@stryker-mutator/vitest-runner': ['stryker.config.json', '"testRunner": "vitest"'],
};

const SOURCE = /\.(?:[cm]?[jt]s)$/;
const IMPORT =
  /(?:^|[\s;(])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Package name → the files that import it, for the files under `dirs`. */
function importsIn(dirs) {
  const found = new Map();
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
      const name = packageOf(specifier);
      if (builtinModules.includes(name)) continue;
      found.set(name, [...(found.get(name) ?? []), file.slice(root.length)]);
    }
  }
  return found;
}

const problems = [];
const product = importsIn(['src']);
const tooling = importsIn(['test', 'bench', 'scripts']);
for (const file of ['vitest.config.ts', 'vitest.mutation.config.ts']) {
  if (existsSync(join(root, file))) {
    for (const match of read(file).matchAll(IMPORT)) {
      const name = packageOf(match[1] ?? match[2] ?? match[3]);
      tooling.set(name, [...(tooling.get(name) ?? []), file]);
    }
  }
}

for (const [name, files] of product) {
  if (!dependencies.includes(name)) {
    const where = devDependencies.includes(name) ? 'only in devDependencies' : 'not declared';
    problems.push(`${name}: imported by ${files[0]} (and ${files.length - 1} more) but ${where}`);
  }
}
for (const [name, files] of tooling) {
  if (!dependencies.includes(name) && !devDependencies.includes(name)) {
    problems.push(`${name}: imported by ${files[0]} but not declared`);
  }
}
for (const name of dependencies) {
  if (!product.has(name)) problems.push(`${name}: in dependencies but nothing in src/ imports it`);
}

const scripts = Object.values(pkg.scripts ?? {}).join('\n');
function commandsOf(name) {
  const path = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(path)) return [];
  const { bin } = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof bin === 'string') return [name.split('/').pop()];
  return Object.keys(bin ?? {});
}
const runByScript = (name) =>
  commandsOf(name).some((command) => new RegExp(`(^|[\\s&|;(])${command}(\\s|$)`, 'm').test(scripts));
const isPlugin = (name) => name in PLUGINS && read(PLUGINS[name][0]).includes(PLUGINS[name][1]);
const isTypesOf = (name) => {
  if (!name.startsWith('@types/')) return false;
  const typed = name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2');
  return typed === 'node' || dependencies.includes(typed) || devDependencies.includes(typed);
};
for (const name of devDependencies) {
  if (!tooling.has(name) && !product.has(name) && !runByScript(name) && !isPlugin(name) && !isTypesOf(name)) {
    problems.push(`${name}: in devDependencies but no test, script, config file or package.json script uses it`);
  }
}

const readme = read('README.md');
const table = readme.slice(readme.indexOf('## Dependencies'));
const rows = table
  .split('\n')
  .filter((line) => line.startsWith('| '))
  .join('\n');
for (const name of dependencies) {
  if (!rows.includes(`\`${name}\``)) problems.push(`${name}: no row in the README's dependency table`);
}

for (const problem of problems) process.stderr.write(`check-dependencies: ${problem}\n`);
if (problems.length > 0) process.exit(1);
process.stdout.write(
  `check-dependencies: ${dependencies.length} dependencies, ${devDependencies.length} devDependencies, all used and declared\n`,
);
