import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the database, so a test can take the database away from the app
 * (cut every connection and refuse new ones, as a restart does) or freeze it (connections
 * stay open but nothing comes back, as a hung host does) without touching the real server
 * that other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): void;
  /** Keeps connections open but stops passing data either way until `restore`. */
  freeze(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: 'open' | 'cut' | 'frozen' = 'open';
  const pairs = new Set<[Socket, Socket]>();

  const server = createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
    if (mode === 'frozen') {
      client.pause();
      upstream.pause();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');

  const eachSocket = (work: (socket: Socket) => void) => {
    for (const pair of pairs) pair.forEach(work);
  };
  return {
    port: address.port,
    cut() {
      mode = 'cut';
      eachSocket((socket) => socket.destroy());
      pairs.clear();
    },
    freeze() {
      mode = 'frozen';
      // Unpiping leaves data in the kernel buffers: neither side hears anything back.
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    restore() {
      if (mode === 'frozen') {
        for (const [client, upstream] of pairs) {
          client.pipe(upstream);
          upstream.pipe(client);
          client.resume();
          upstream.resume();
        }
      }
      mode = 'open';
    },
    async close() {
      eachSocket((socket) => socket.destroy());
      server.close();
      await once(server, 'close');
    },
  };
}
