import { pino } from 'pino';

export type Logger = pino.Logger;

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

/** JSON logger on stderr, so stdout stays free for the terminal chat and `--json` output. */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'skills-desk' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(2),
  );
}

/** The CLI logs at `warn` so no JSON line lands on a person's terminal, unless LOG_LEVEL asks for another level. */
export function cliLogLevel(env: Record<string, string | undefined>, configured: string): string {
  return env.LOG_LEVEL?.trim() ? configured : 'warn';
}
