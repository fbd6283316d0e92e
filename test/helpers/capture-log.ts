import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

export type CapturedLine = { level: number; msg: string; [key: string]: unknown };

/** A real pino logger whose JSON lines the test can read back. */
export function captureLogLines(): { log: Logger; lines: CapturedLine[]; messages: () => string[] } {
  const lines: CapturedLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n'))
        if (text.trim() !== '') lines.push(JSON.parse(text) as CapturedLine);
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), lines, messages: () => lines.map((line) => line.msg) };
}
