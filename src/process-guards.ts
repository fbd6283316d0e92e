import type { Logger } from './log.js';

let installed = false;

/**
 * Last-resort handlers: a rejection or exception no code caught is logged with its code and the process keeps
 * serving, instead of Node's default of ending it (one bad request must not take every conversation down).
 */
export function installProcessGuards(log: Logger): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason, code: codeOf(reason) }, 'unhandled rejection; still serving');
  });
  process.on('uncaughtException', (error) => {
    log.error({ err: error, code: codeOf(error) }, 'uncaught exception; still serving');
  });
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return 'internal';
}
