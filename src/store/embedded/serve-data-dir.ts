import path from 'node:path';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../data-dir-lock';
import { chooseSocketDir, forgetSocketDir, recordSocketDir, SOCKET_NAME } from './socket-path';
import { serveOnSocket } from './socket-server';

/**
 * PostgreSQL's default 128 MB of shared buffers cost their size in resident memory and WASM memory never
 * shrinks; a bot's working set is a few MB, but a summary over a year of a large association reads some
 * 50 MB of messages, links and sentences. Measured (server and discussion benches): 16 MB, all processes
 * 280 MB and 100,000 messages summarised in 1.3 s; 32 MB, 305 MB and 1.0-1.15 s; 64 MB, 340 MB and no
 * faster.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * V8 compiles PGlite's WASM with its baseline compiler and then again, optimised, where it runs hot. The
 * baseline alone keeps about 70 MB less code resident and opens faster; a bot's queries were as fast (3000
 * inserts and 3000 indexed counts, within noise), and a CLI command spends a third less CPU. Set before
 * PGlite compiles its module; it concerns only WebAssembly.
 */
v8.setFlagsFromString('--liftoff-only');

export interface ServedDataDir {
  readonly socketDir: string;
  close(): Promise<void>;
}

/** Creates the database of DATA_DIR (initdb) when there is none yet, and closes it. */
export async function initDataDir(dataDir: string, serves = process.pid): Promise<void> {
  const unlock = lockDataDir(dataDir, serves);
  try {
    const pg = await PGlite.create(path.join(dataDir, 'pglite'), { startParams: START_PARAMS });
    await pg.close();
  } finally {
    unlock();
  }
}

/**
 * Takes DATA_DIR's lock, opens its PGlite and serves it on a Unix socket whose directory it records in
 * DATA_DIR, for CLI commands beside it. close() undoes all of it, in reverse. `serves` is the process the
 * database is for (this one, or the bot that started this server process), named in the lock.
 */
export async function serveDataDir(dataDir: string, serves = process.pid): Promise<ServedDataDir> {
  const unlock = lockDataDir(dataDir, serves);
  let pg: PGlite | undefined;
  try {
    pg = await PGlite.create(path.join(dataDir, 'pglite'), { startParams: START_PARAMS });
    const db = pg;
    const socketDir = chooseSocketDir(dataDir);
    const server = await serveOnSocket(db, path.join(socketDir, SOCKET_NAME));
    recordSocketDir(dataDir, socketDir);
    return {
      socketDir,
      async close() {
        try {
          forgetSocketDir(dataDir);
          await server.close();
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    await pg?.close();
    unlock();
    throw err;
  }
}
