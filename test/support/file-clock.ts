import fs from 'node:fs';
import type { Clock } from '../../src/core/ports';

/**
 * A clock several processes share through a file: application time runs on with real time from the
 * moment written, and a test moves every process to another day by writing the file again.
 */
export function setFileClock(file: string, at: Date | string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ realMs: Date.now(), appMs: new Date(at).getTime() }));
  fs.renameSync(tmp, file);
}

export function fileClock(file: string): Clock {
  return {
    now() {
      const { realMs, appMs } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        realMs: number;
        appMs: number;
      };
      return new Date(appMs + Date.now() - realMs);
    },
  };
}

/** The same, in one process: application time from `at`, running on with real time. */
export function runningClock(at: Date | string): Clock {
  const offset = new Date(at).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
