import pg from 'pg';

export interface PgListener {
  stop(): Promise<void>;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * Keeps one dedicated connection LISTENing on `channel` and calls `onMessage` for every
 * NOTIFY. A lost connection (database restart, network cut) is re-opened with back-off,
 * and `onReconnect` runs after each re-open because notifications sent meanwhile are lost:
 * the caller must then assume anything may have changed.
 */
export function listenForNotifications(
  url: string,
  channel: string,
  handlers: { onMessage(payload: string): void; onReconnect(): void; onError?(error: Error): void },
): PgListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | undefined;
  let connectedBefore = false;

  const scheduleReconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, keepAlive: true });
    next.on('error', (error) => {
      handlers.onError?.(error);
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onMessage(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      handlers.onError?.(error as Error);
      void next.end().catch(() => {});
      scheduleReconnect();
      return;
    }
    if (stopped) return void next.end().catch(() => {});
    client = next;
    retryMs = RETRY_MIN_MS;
    if (connectedBefore) handlers.onReconnect();
    connectedBefore = true;
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
