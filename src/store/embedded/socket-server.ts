import fs from 'node:fs';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { ConnectionTurns } from './turns';

type QueryQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

export interface SocketServer {
  readonly connections: () => number;
  close(): Promise<void>;
}

/**
 * Serves one PGlite over the PostgreSQL wire protocol on a Unix socket, up to maxConnections clients at
 * once, each holding the backend for a whole exchange or transaction (ConnectionTurns). pglite-socket's
 * handler parses the protocol; the server around it is ours so that it can take our queue.
 * The caller holds the data-directory lock, so a socket file already there is a dead server's.
 */
export async function serveOnSocket(
  db: PGlite,
  socketPath: string,
  maxConnections = 32,
): Promise<SocketServer> {
  // The handler's queue type is not exported; ConnectionTurns has its shape.
  const turns = new ConnectionTurns(db) as unknown as QueryQueue;
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: turns, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  });
  server.maxConnections = maxConnections;
  fs.rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    connections: () => handlers.size,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await closed;
    },
  };
}
