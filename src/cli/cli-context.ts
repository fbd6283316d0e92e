import type { Writable } from 'node:stream';
import type { Core } from '../core.js';

/** What every CLI command gets: a lazily built core (so `--help` stays instant) and its output streams. */
export type CliContext = {
  loadCore(): Promise<Core>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Set a non-zero code to fail the command without throwing. */
  setExitCode(code: number): void;
};
