import { StoreError } from '../errors.js';

/** Which server or file a STORE_URL points at, for messages: never its user name or password. */
export function describeStoreTarget(url: string): string {
  if (url.startsWith('sqlite://')) return `SQLite store file ${url.slice('sqlite://'.length)}`;
  try {
    const parsed = new URL(url);
    const redis = parsed.protocol.startsWith('redis');
    const port = parsed.port || (redis ? '6379' : '5432');
    return `${redis ? 'Redis' : 'PostgreSQL'} store at ${parsed.hostname}:${port}`;
  } catch {
    return 'the store';
  }
}

/** A one-line reason from a driver error: its code and first line, without a stack. */
export function shortReason(error: unknown): string {
  if (error instanceof StoreError) return error.message;
  if (error instanceof AggregateError && error.errors.length > 0) return shortReason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const line = error.message.split('\n')[0]?.trim() || error.name;
    return typeof code === 'string' && !line.includes(code) ? `${line} (${code})` : line;
  }
  return String(error).split('\n')[0] ?? 'unknown error';
}

/** Any storage fault as a StoreError that names the store, so callers can apologise and the CLI can print one line. */
export function toStoreError(error: unknown, target: string, doing = 'use'): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(`could not ${doing} the ${target}: ${shortReason(error)}`, { cause: error });
}

const WRAPPED = new Set(['get', 'set', 'delete', 'clear', 'getMany', 'setMany', 'deleteMany', 'has', 'hasMany']);

/**
 * The adapter as Keyv sees it, except that a failed read or write rejects with a StoreError naming the store
 * (Keyv passes the adapter's error through when `throwOnErrors` is set).
 */
export function withStoreErrors<Adapter extends object>(adapter: Adapter, target: string): Adapter {
  return new Proxy(adapter, {
    get(inner, property, receiver) {
      const value: unknown = Reflect.get(inner, property, receiver);
      if (typeof property !== 'string' || !WRAPPED.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
        } catch (error) {
          throw toStoreError(error, target);
        }
      };
    },
  });
}
