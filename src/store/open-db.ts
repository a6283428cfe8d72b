import type { AppError } from '../core/errors';
import type { Logger } from '../core/ports';
import { reportError } from '../error-sink';
import { lockHolder } from './data-dir-lock';
import type { Db } from './db';
import { startEmbeddedServer } from './embedded/embedded-server';
import { serveDataDir } from './embedded/serve-data-dir';
import { recordedSocketDir, SOCKET_PORT } from './embedded/socket-path';
import { openPgDb, openPostgresDb } from './postgres-db';

export interface OpenOptions {
  /** CLI commands: use the embedded database of a bot running on DATA_DIR when there is one. */
  share?: boolean;
  /**
   * Short-lived commands: serve the embedded database from this process instead of a process of its own
   * (one process start less; the memory goes when the command ends).
   */
  inProcess?: boolean;
  /** The embedded server process died under us; by default the error is reported and this process exits. */
  onLost?: (err: AppError) => void;
}

const POOL_SIZE = 10;
/** How long a CLI command waits for a bot that is starting on the same DATA_DIR (a first start creates it). */
const BOT_START_WAIT_MS = 60_000;

function socketConnection(socketDir: string) {
  return { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' };
}

/** The running bot's embedded database, when its socket answers. */
async function sharedEmbeddedDb(dataDir: string, logger?: Logger): Promise<Db | null> {
  const socketDir = recordedSocketDir(dataDir);
  if (!socketDir) return null;
  return openPgDb(
    { ...socketConnection(socketDir), connectionTimeoutMillis: 2_000 },
    {
      kind: 'pglite',
      max: 2,
      name: `the embedded database of the bot on ${dataDir}`,
      onIdleError: (err) =>
        logger?.warn({ code: 'DB_UNAVAILABLE', err }, 'embedded database connection lost'),
    },
  ).catch(() => null); // a socket left by a bot that died: this command starts its own
}

/**
 * PostgreSQL when DATABASE_URL is set. Otherwise the embedded PGlite of DATA_DIR, served by a process of
 * its own on a Unix socket: started here (the bot, or a CLI command when no bot runs), or the running
 * bot's (a CLI command with share). Both are reached through pg.
 */
export async function openDb(
  config: { databaseUrl?: string; dataDir: string },
  logger?: Logger,
  opts: OpenOptions = {},
): Promise<Db> {
  if (config.databaseUrl)
    return openPostgresDb(config.databaseUrl, POOL_SIZE, (err) =>
      logger?.warn({ code: 'DB_UNAVAILABLE', err }, 'database connection lost'),
    );
  if (opts.share) {
    const shared = await sharedEmbeddedDb(config.dataDir, logger);
    if (shared) return shared;
    // A bot that is still starting holds the lock before its socket answers: wait for it, not around it.
    const deadline = Date.now() + BOT_START_WAIT_MS;
    while (lockHolder(config.dataDir) !== null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const started = await sharedEmbeddedDb(config.dataDir, logger);
      if (started) return started;
    }
  }
  const onLost =
    opts.onLost ??
    ((err: AppError) => {
      if (logger) reportError(logger, err, { phase: 'database' });
      else process.stderr.write(`samenspraak: ${err.message}\n`);
      process.exit(1);
    });
  const server = opts.inProcess
    ? await serveDataDir(config.dataDir).then((s) => ({ socketDir: s.socketDir, stop: () => s.close() }))
    : await startEmbeddedServer(config.dataDir, onLost);
  try {
    return await openPgDb(socketConnection(server.socketDir), {
      kind: 'pglite',
      max: POOL_SIZE,
      name: `the embedded database in ${config.dataDir}`,
      onIdleError: (err) =>
        logger?.warn({ code: 'DB_UNAVAILABLE', err }, 'embedded database connection lost'),
      afterClose: () => server.stop(),
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
}
