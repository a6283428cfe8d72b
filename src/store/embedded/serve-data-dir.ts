import path from 'node:path';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../data-dir-lock';
import { chooseSocketDir, forgetSocketDir, recordSocketDir, SOCKET_NAME } from './socket-path';
import { serveOnSocket } from './socket-server';

/**
 * PostgreSQL's default 128 MB of shared buffers are touched as tables are read and WASM memory never
 * shrinks; a bot's working set is a few MB, but a summary over a year of a large association reads some
 * 50 MB of messages, links and sentences. With 64 MB, summaries of 100,000 messages take 1.0-1.1 s instead
 * of 1.3 s (16 MB); buffers are only touched as read, so an idle bot's memory is that of 16 MB.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];

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
