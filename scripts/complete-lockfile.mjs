#!/usr/bin/env node
// `npm ci` refuses a lock file that leaves out any platform-specific optional dependency (the per-platform
// binaries of Biome, Rollup and the like), and npm leaves them out when the registry cannot serve some of them.
// This adds an entry for each missing one, marked optional with its os / cpu / libc, so npm ci skips it on other
// platforms. `npm install` runs it (the `prepare` script) after it has written the lock file.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'win32', 'freebsd', 'openbsd', 'netbsd', 'openharmony', 'sunos', 'aix', 'linux'];
const CPU = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((candidate) => parts.includes(candidate));
  let cpu = CPU.find((candidate) => parts.includes(candidate));
  if (!cpu && parts.some((part) => part === 'arm' || part.startsWith('gnueabi') || part.startsWith('musleabi')))
    cpu = 'arm';
  const libc = parts.some((part) => part.startsWith('musl'))
    ? 'musl'
    : parts.some((part) => part.startsWith('gnu'))
      ? 'glibc'
      : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = location === '' ? '' : `${location}/`;
    if (packages[`${base}node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const { os, cpu, libc } = platformOf(name);
    if (!os && !cpu) continue; // not a per-platform binary: leave it to npm
    // Keys in the order npm itself writes them, so a later `npm install` leaves the entry as it is.
    packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ''),
      ...(cpu && { cpu: [cpu] }),
      ...(meta.dev && { dev: true }),
      ...(libc && { libc: [libc] }),
      optional: true,
      ...(os && { os: [os] }),
    };
    added += 1;
  }
}
if (added === 0) process.exit(0);
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} platform-specific optional package entries\n`);
