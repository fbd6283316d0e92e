import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs in its own Node process: the guards are process-wide and must not change how this test runner ends.
const CHILD = `
const { createLogger } = await import('./src/log.ts');
const { installProcessGuards } = await import('./src/process-guards.ts');
installProcessGuards(createLogger({ level: 'info' }));
Promise.reject(Object.assign(new Error('rejected for jo@example.com'), { code: 'store_failed' }));
setImmediate(() => { throw new TypeError('thrown in a callback'); });
setImmediate(() => setImmediate(() => process.stdout.write('still serving\\n')));
`;

describe('process guards', () => {
  it('log an unhandled rejection and an uncaught exception with their codes, and the process keeps serving', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('still serving\n');
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; code: string });
    expect(lines.map(({ level, msg, code }) => ({ level, msg, code }))).toEqual([
      { level: 50, msg: 'unhandled rejection; still serving', code: 'store_failed' },
      { level: 50, msg: 'uncaught exception; still serving', code: 'internal' },
    ]);
    expect(run.stderr).not.toContain('jo@example.com');
  });
});
