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

/**
 * PGlite lets any number of processes open one directory, and two writers corrupt it. This lock file,
 * created atomically with the owner's pid, refuses a second process (and a second open in this one); a lock
 * left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && processAlive(owner))
        throw new AppError(
          'DATA_DIR_IN_USE',
          `DATA_DIR ${dir} is in use by another Samenspraak process (pid ${owner}). Stop that process, ` +
            'or give this one its own DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.',
          { dir, pid: owner },
        );
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new AppError('DATA_DIR_IN_USE', `DATA_DIR ${dir}: could not take the lock ${file}`, { dir });
}
