import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../../src/store/data-dir-lock';

describe('the PGlite data directory lock', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-lock-'));

  it('refuses a directory another live process holds, naming it', async () => {
    const d = dir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(d, 'samenspraak.lock'), String(other.pid));
      expect(() => lockDataDir(d)).toThrow(
        expect.objectContaining({
          code: 'DATA_DIR_IN_USE',
          message: expect.stringContaining(`in use by another Samenspraak process (pid ${other.pid})`),
        }),
      );
    } finally {
      other.kill();
    }
  });

  it('refuses a second open in the same process and frees the directory on unlock', () => {
    const d = dir();
    const unlock = lockDataDir(d);
    expect(() => lockDataDir(d)).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }));
    unlock();
    lockDataDir(d)();
  });

  it('takes over a lock left by a process that died', async () => {
    const d = dir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(d, 'samenspraak.lock'), String(gone.pid));
    const unlock = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'samenspraak.lock'), 'utf8')).toBe(`${process.pid}\n${process.pid}`);
    unlock();
  });
});
