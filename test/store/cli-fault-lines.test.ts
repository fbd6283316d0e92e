import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Run = { code: number | null; stderr: string; stdout: string };

const ENTRY =
  "const { runCli } = await import('./src/cli/main.ts'); process.exitCode = await runCli(process.argv.slice(1));";
const NOBODY = 65_534;
const isRoot = process.getuid?.() === 0;
/**
 * As root the read-only check runs as `nobody`, which must be able to read this checkout (a clone under a private
 * temporary folder is not); where it cannot, the check is reported as skipped with the reason.
 */
const nobodyCannotReadCheckout =
  isRoot &&
  spawnSync(
    process.execPath,
    ['-e', `require('node:fs').accessSync(${JSON.stringify(join(process.cwd(), 'src/cli/main.ts'))})`],
    {
      uid: NOBODY,
      gid: NOBODY,
    },
  ).status !== 0;

// The store faults are checked at LOG_LEVEL=info, so a log line printed beside the error would show.
const INFO = { LOG_LEVEL: 'info' };

/** Runs the real command line (the sources, through tsx) as its own process, with the logger on its real stderr. */
function skillsDesk(args: string[], env: Record<string, string>, options: { asNobody?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      ...(options.asNobody && { uid: NOBODY, gid: NOBODY }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function expectOneLine(run: Run, pattern: RegExp) {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

const folder = () => mkdtempSync(join(tmpdir(), 'skills-desk-fault-'));

describe('the command line names a store or file fault in one line', () => {
  it.skipIf(nobodyCannotReadCheckout)(
    `names a read-only SQLite file${nobodyCannotReadCheckout ? ' (skipped: the user nobody cannot read this checkout)' : ''}`,
    async () => {
      const dir = folder();
      const file = join(dir, 'store.sqlite');
      writeFileSync(file, '');
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
      // root ignores file modes, so the check runs as an unprivileged user when the tests run as root.
      const run = await skillsDesk(
        ['enquiries', 'list'],
        { ...INFO, STORE_URL: `sqlite://${file}` },
        { asNobody: isRoot },
      );
      chmodSync(dir, 0o755);
      expectOneLine(run, new RegExp(`^skills-desk: could not open the SQLite store file ${file}: .*readonly`));
    },
  );

  it('names a SQLite file that is not a database', async () => {
    const file = join(folder(), 'store.sqlite');
    writeFileSync(file, 'this is not a database\n'.repeat(200));
    const run = await skillsDesk(['enquiries', 'list'], { ...INFO, STORE_URL: `sqlite://${file}` });
    expectOneLine(run, new RegExp(`^skills-desk: could not open the SQLite store file ${file}: .*not a database`));
  });

  it('names the host and port of an unreachable Redis', async () => {
    const port = await closedPort();
    const run = await skillsDesk(['enquiries', 'list'], { ...INFO, STORE_URL: `redis://127.0.0.1:${port}` });
    expectOneLine(
      run,
      new RegExp(`^skills-desk: cannot open the Redis store at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
  });

  it('names the host and port of an unreachable PostgreSQL', async () => {
    const port = await closedPort();
    const run = await skillsDesk(['enquiries', 'list'], {
      ...INFO,
      STORE_URL: `postgresql://postgres@127.0.0.1:${port}/x`,
    });
    expectOneLine(
      run,
      new RegExp(`^skills-desk: cannot open the PostgreSQL store at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
  });

  it('names the path when an export cannot be written', async () => {
    const run = await skillsDesk(
      ['enquiries', 'export', '--format', 'csv', '--from', '2026-01-01', '--to', '2026-12-31'].concat([
        '--out',
        '/no/such/dir/x.csv',
        '--as',
        'U1',
      ]),
      { STORE_URL: `sqlite://${join(folder(), 'store.sqlite')}`, SLACK_OFFICER_IDS: 'U1' },
    );
    expectOneLine(run, /^skills-desk: cannot write \/no\/such\/dir\/x\.csv: the folder does not exist$/);
  });
});
