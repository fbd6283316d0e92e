import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log.js';

/** Bolt's logger interface on top of the product's pino logger, so Bolt's own messages are JSON too. */
export function createBoltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (messages: unknown[]) =>
    messages.map((message) => (typeof message === 'string' ? message : String(message))).join(' ');
  return {
    // Bolt logs at debug on every request: the text is only put together when debug lines are written.
    debug: (...messages) => {
      if (log.isLevelEnabled('debug')) log.debug(text(messages));
    },
    info: (...messages) => log.info(text(messages)),
    warn: (...messages) => log.warn(text(messages)),
    error: (...messages) => log.error(text(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
