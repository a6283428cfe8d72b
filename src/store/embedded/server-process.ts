// The embedded database's own process: PGlite in DATA_DIR/pglite, served on a Unix socket to the bot and
// to CLI commands beside it. Started by embedded-server.ts with an IPC channel:
//   init DATA_DIR          creates the database and exits (initdb's memory goes with the process)
//   serve DATA_DIR         serves until the parent says stop or goes away
import { isAppError } from '../../core/errors';
import { initDataDir, serveDataDir } from './serve-data-dir';

export type ServerMessage =
  | { type: 'ready'; socketDir: string }
  | { type: 'failed'; code?: string; message: string; params?: Record<string, string | number> };

/** A signal to the whole process group (Ctrl-C, systemd) must not close the database under a draining bot. */
const PARENT_GRACE_MS = 15_000;

function send(message: ServerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });
}

async function main(mode: string, dataDir: string): Promise<void> {
  if (mode === 'init') return initDataDir(dataDir, process.ppid);
  const served = await serveDataDir(dataDir, process.ppid);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= served.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`samenspraak database: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
    return closing;
  };
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stop') void close();
  });
  process.on('disconnect', () => void close()); // the parent died
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => setTimeout(() => void close(), PARENT_GRACE_MS).unref());
  await send({ type: 'ready', socketDir: served.socketDir });
}

const [mode = '', dataDir = ''] = process.argv.slice(2);
main(mode, dataDir).then(
  () => {
    if (mode === 'init') process.exit(0);
  },
  async (err: unknown) => {
    await send(
      isAppError(err)
        ? { type: 'failed', code: err.code, message: err.message, params: err.params }
        : { type: 'failed', message: (err as Error).message ?? String(err) },
    );
    process.exit(1);
  },
);
