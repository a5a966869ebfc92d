/**
 * A TCP relay to the test database that can stop passing bytes on while keeping every connection open:
 * what a hung server, or a proxy that lost its upstream, looks like to a client. PostgreSQL itself is
 * never stopped.
 */
import net from 'node:net';

export interface FreezableRelay {
  /** The local port that leads to the database. */
  readonly port: number;
  /** From now on, bytes in either direction are dropped; connections stay open. */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function freezableRelay(target: URL): Promise<FreezableRelay> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('error', () => undefined);
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('data', (chunk) => {
        if (!frozen) to.write(chunk);
      });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** `url` (a test database URL) leading through `relay`. */
export function throughRelay(url: string, relay: FreezableRelay): string {
  const u = new URL(url);
  u.host = `127.0.0.1:${relay.port}`;
  return u.toString();
}
