import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The name libpq and pg look for in a socket directory (port 5432). */
export const SOCKET_NAME = '.s.PGSQL.5432';
export const SOCKET_PORT = 5432;
/** Written by the running server in DATA_DIR: the directory its socket is in. */
const ADDRESS_FILE = 'pglite.socket-dir';
/** sun_path holds 108 bytes on Linux and 104 on macOS, the terminating zero included. */
const MAX_SOCKET_PATH = 103;

/**
 * DATA_DIR itself when the socket path fits; otherwise a short private directory under the system's
 * temporary directory, named for DATA_DIR, that the server records in DATA_DIR for the CLI to find.
 */
export function chooseSocketDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  if (Buffer.byteLength(path.join(dir, SOCKET_NAME)) <= MAX_SOCKET_PATH) return dir;
  const short = path.join(
    os.tmpdir(),
    `samenspraak-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`,
  );
  fs.mkdirSync(short, { recursive: true, mode: 0o700 });
  return short;
}

export function recordSocketDir(dataDir: string, socketDir: string): void {
  fs.writeFileSync(path.join(dataDir, ADDRESS_FILE), socketDir);
}

export function forgetSocketDir(dataDir: string): void {
  fs.rmSync(path.join(dataDir, ADDRESS_FILE), { force: true });
}

/** Where a running server of DATA_DIR listens, if one said so (it may have died since). */
export function recordedSocketDir(dataDir: string): string | null {
  try {
    return fs.readFileSync(path.join(dataDir, ADDRESS_FILE), 'utf8').trim() || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
