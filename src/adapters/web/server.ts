import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import type { Logger } from '../../core/ports';
import { reportError } from '../../error-sink';
import { healthRoutes } from './health';

export interface HttpServer {
  app: express.Express;
  port: number;
  /** Stops accepting connections and resolves once the requests in flight have finished. */
  close(): Promise<void>;
}

/** The one HTTP server: health now; Slack, Teams and the dashboard mount their routes on `app`. */
export async function startHttpServer(
  port: number,
  logger: Logger,
  isReady: () => boolean,
  platforms: () => Record<string, unknown> = () => ({}),
): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(isReady, platforms));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  logger.info({ port: actualPort }, 'listening');
  return {
    app,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

/** The last handler: logs through the error sink and answers without leaking internals. */
export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (err, req, res, _next) => {
    reportError(logger, err, { path: req.path });
    res.status(500).json({ error: 'internal', message: 'Er ging iets mis. / Something went wrong.' });
  };
