import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

const LOCK_FILE = 'samenspraak.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An owner whose parent died is closing the database (embedded-server.ts): worth a short wait. */
const ORPHAN_WAIT_MS = 10_000;

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * PGlite lets any number of processes open one directory, and two writers corrupt it. This lock file,
 * created atomically with the owner's pid (and its parent's: the bot or CLI it serves), refuses a second
 * process (and a second open in this one); a lock left by a dead process is taken over, and one held by an
 * orphan that is closing the database after its parent died is waited for.
 */
export function lockDataDir(dir: string, parent = process.pid): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + ORPHAN_WAIT_MS;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${parent}`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [owner, ownerParent] = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((n) => Number.parseInt(n, 10));
      // The bot holds the lock from its first moment; the database processes it starts work under it.
      if (owner === parent && parent !== process.pid) return () => {};
      const alive = (pid: number | undefined) =>
        pid !== undefined && Number.isInteger(pid) && processAlive(pid);
      const orphan = ownerParent !== undefined && !Number.isNaN(ownerParent) && !alive(ownerParent);
      if (alive(owner) && orphan && Date.now() < deadline) {
        sleep(100);
        attempt--;
        continue;
      }
      const holder = alive(ownerParent) ? ownerParent : owner;
      if (alive(owner))
        throw new AppError(
          'DATA_DIR_IN_USE',
          `DATA_DIR ${dir} is in use by another Samenspraak process (pid ${holder}). Stop that process, ` +
            'or give this one its own DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.',
          { dir, pid: holder ?? 0 },
        );
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new AppError('DATA_DIR_IN_USE', `DATA_DIR ${dir}: could not take the lock ${file}`, { dir });
}

/** The live process that holds DATA_DIR's lock (a bot, perhaps still starting), or null. */
export function lockHolder(dir: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
  } catch {
    return null; // no lock file: nobody holds it
  }
  const [owner, ownerParent] = text.split('\n').map((n) => Number.parseInt(n, 10));
  for (const pid of [ownerParent, owner])
    if (pid !== undefined && Number.isInteger(pid) && processAlive(pid)) return pid;
  return null;
}
