import KeyvRedis, { createClient } from '@keyv/redis';

const MAX_RECONNECT_WAIT_MS = 2_000;
const START_UP_RETRIES = 3;

export type RedisAdapters = { connect(): Promise<void>; create(): KeyvRedis<unknown>; end(): Promise<void> };

/**
 * KeyvRedis adapters sharing one client this store owns. The client reports connection errors to `onError`
 * instead of leaving them unhandled, keeps reconnecting in the background after a lost connection (quickly at
 * first, then every 2 seconds), and fails a command at once while disconnected (no offline queue), so a request
 * during an outage gets an answer instead of waiting. At start-up a server that refuses three times is an error.
 */
export function createRedisAdapters(url: string, onError: (error: unknown) => void): RedisAdapters {
  let connectedOnce = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number, cause: Error) =>
        !connectedOnce && retries >= START_UP_RETRIES ? cause : Math.min(50 * 2 ** retries, MAX_RECONNECT_WAIT_MS),
    },
  });
  // Each adapter listens on the shared client for its own events.
  client.setMaxListeners(0);
  client.on('error', onError);
  client.on('ready', () => {
    connectedOnce = true;
  });
  let ended: Promise<void> | undefined;
  return {
    async connect() {
      if (!client.isOpen) await client.connect();
    },
    create() {
      const adapter = new KeyvRedis<unknown>(client, { throwOnConnectError: true, throwOnErrors: true });
      adapter.on('error', onError);
      return adapter;
    },
    end() {
      ended ??= client.isOpen ? client.close().then(() => {}) : Promise.resolve();
      return ended.catch(() => {});
    },
  };
}
