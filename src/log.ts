import type { DestinationStream, pino } from 'pino';
import { lazyModule } from './lazy-module.js';

export type Logger = pino.Logger;

/** pino takes longer to load than the rest of a command's start-up: it is loaded when a line is first logged. */
const loadPino = lazyModule<typeof pino>('pino');

/** Fields that must never reach a log line: credentials and an enquirer's contact details. */
export const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'apiKey',
  'password',
  'appPassword',
  'secret',
  'signingSecret',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'email',
  'phone',
  'contactName',
  '*.token',
  '*.botToken',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.signingSecret',
  '*.email',
  '*.phone',
  '*.contactName',
  'contact.email',
  'contact.phone',
  'contact.name',
  '*.contact.email',
  '*.contact.phone',
  '*.contact.name',
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** UK and international phone numbers: +CC… or a leading 0, then 9 to 12 more digits with spaces, dots or dashes. */
const PHONE = /(?:\+\d{1,3}[\s.-]?|\b0)\d(?:[\s.-]?\d){8,11}\b/g;
/** A JSON text inside a message (Bolt, the Web API and Socket Mode log whole request bodies at debug). */
const EMBEDDED_JSON = /[{[]\s*"[\s\S]*$/;
const MAX_DEPTH = 6;

/**
 * Takes contact details out of free text, whatever the level: an embedded request or response body is dropped
 * whole (it can hold names, emails and phones under any key), and emails and phone numbers are masked.
 */
export function scrubLogText(text: string): string {
  return text
    .replace(EMBEDDED_JSON, (json) => `[payload omitted, ${json.length} characters]`)
    .replace(EMAIL, '[email]')
    .replace(PHONE, '[phone]');
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) {
    // A copy of the same class, so the error serializer still names its type; its cause is scrubbed too.
    const copy = Object.create(Object.getPrototypeOf(value)) as Error & Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, depth + 1);
    copy.message = scrubLogText(value.message);
    if (value.stack !== undefined) copy.stack = scrubLogText(value.stack);
    if (value.cause !== undefined) copy.cause = scrubValue(value.cause, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, depth + 1);
  return copy;
}

/** JSON logger on stderr, so stdout stays free for the terminal chat and `--json` output. */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return lazyLogger(options.level, () => {
    const pinoLogger = loadPino();
    return pinoLogger(
      {
        level: options.level,
        base: { service: 'skills-desk' },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // Field names are redacted above; free text (messages, error messages, any string field) is scrubbed here.
        formatters: { log: (object) => scrubValue(object, 0) as Record<string, unknown> },
        hooks: {
          logMethod(args, method) {
            const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubLogText(arg) : arg));
            method.apply(this, scrubbed as Parameters<typeof method>);
          },
        },
        timestamp: pinoLogger.stdTimeFunctions.isoTime,
      },
      options.destination ?? pinoLogger.destination(2),
    );
  });
}

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/**
 * A logger that becomes the real one (`make`) the first time anything but a call below its level, `level`,
 * `isLevelEnabled` or `child` is asked of it: a command that logs nothing at its level never loads pino.
 */
function lazyLogger(level: string, make: () => Logger): Logger {
  const threshold = level === 'silent' ? Number.POSITIVE_INFINITY : LEVELS[level];
  if (threshold === undefined) return make();
  let real: Logger | undefined;
  const load = (): Logger => {
    real ??= make();
    return real;
  };
  const skip = () => undefined;
  return new Proxy({} as Logger, {
    get(_target, property) {
      if (real === undefined) {
        if (property === 'level') return level;
        if (property === 'isLevelEnabled') return (name: string) => (LEVELS[name] ?? 0) >= threshold;
        if (property === 'child') {
          return (bindings: pino.Bindings, childOptions?: pino.ChildLoggerOptions) =>
            lazyLogger(childOptions?.level ?? level, () => load().child(bindings, childOptions));
        }
        if (typeof property === 'string' && (LEVELS[property] ?? Number.POSITIVE_INFINITY) < threshold) return skip;
      }
      const logger = load();
      const value: unknown = Reflect.get(logger, property, logger);
      return typeof value === 'function' ? value.bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(load(), property, value);
    },
    has(_target, property) {
      return Reflect.has(load(), property);
    },
  });
}

/** The CLI logs at `warn` so no JSON line lands on a person's terminal, unless LOG_LEVEL asks for another level. */
export function cliLogLevel(env: Record<string, string | undefined>, configured: string): string {
  return env.LOG_LEVEL?.trim() ? configured : 'warn';
}
