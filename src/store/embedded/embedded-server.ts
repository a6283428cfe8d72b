import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorCode } from '../../core/errors';
import { lockDataDir } from '../data-dir-lock';
import type { ServerMessage } from './server-process';

export interface EmbeddedServer {
  /** The directory of the Unix socket: pg's `host`. */
  readonly socketDir: string;
  /** Asks the server process to close the database and waits until it exited. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 20_000;

/** Our entry runs as .ts under tsx and jest, as .js from dist. */
function forkEntry(args: string[]): ChildProcess {
  const ext = path.extname(__filename);
  return fork(path.join(__dirname, `server-process${ext}`), args, {
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function failure(dataDir: string, message: ServerMessage | undefined, exit: number | null): AppError {
  if (message?.type === 'failed')
    return new AppError((message.code ?? 'DB_UNAVAILABLE') as ErrorCode, message.message, message.params);
  return new AppError(
    'DB_UNAVAILABLE',
    `the embedded database in ${dataDir} stopped (exit ${exit ?? 'by signal'})`,
    { dir: dataDir },
  );
}

/**
 * Waits for a child's ready message (serve) or its exit 0 (init); rejects with its reason when it failed.
 * Resolves to the socket directory when it is ready.
 */
function settled(child: ChildProcess, dataDir: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let last: ServerMessage | undefined;
    child.on('message', (m: ServerMessage) => {
      last = m;
      if (m.type === 'ready') resolve(m.socketDir);
    });
    child.once('exit', (code) => (code === 0 ? resolve(null) : reject(failure(dataDir, last, code))));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the embedded PostgreSQL of DATA_DIR in its own process. A first start creates the database in a
 * short-lived process first, so initdb's memory is returned before the server opens it. onLost is called
 * when the server process dies while in use; the server process closes itself when this one dies.
 */
export async function startEmbeddedServer(
  dataDir: string,
  onLost: (err: AppError) => void,
): Promise<EmbeddedServer> {
  // The lock is this process's from the start, so a CLI command cannot take the directory while the
  // database is created or opened; the processes below open it under this lock.
  const unlock = lockDataDir(dataDir);
  let child: ChildProcess;
  let socketDir: string | null;
  try {
    if (!fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
      await settled(forkEntry(['init', dataDir]), dataDir);
    }
    child = forkEntry(['serve', dataDir]);
    socketDir = await settled(child, dataDir);
    if (!socketDir) throw failure(dataDir, undefined, child.exitCode);
  } catch (err) {
    unlock();
    throw err;
  }
  let stopping = false;
  child.once('exit', (code) => {
    if (stopping) return;
    unlock();
    onLost(failure(dataDir, undefined, code));
  });
  return {
    socketDir,
    async stop() {
      stopping = true;
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
      unlock();
    },
  };
}
