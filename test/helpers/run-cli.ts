import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { tempSqliteUrl } from './store-urls.js';

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `skills-desk ARGS` in-process with its own environment and a temporary store; stdin from `input`. */
export async function runSkillsDesk(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const code = await runCli(args, {
    env: { STORE_URL: tempSqliteUrl(), LOG_LEVEL: 'silent', ...options.env },
    stdout,
    stderr,
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
  });
  return {
    code,
    stdout: Buffer.concat(chunks.stdout).toString('utf8'),
    stderr: Buffer.concat(chunks.stderr).toString('utf8'),
  };
}
