import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { collect, freePort, runCliProcess, waitForHttp } from './support/processes';

const ROOT = path.resolve(__dirname, '..');
// One data directory for both commands: the first start creates the database (seconds on a busy machine),
// the second reopens it.
const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-prod-'));

/** A production command as a process manager starts it (needs `npm run build`). */
const startProduction = (args: string[], port: number, dataDir: string) =>
  spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Whether anything still listens on the port (an orphaned server would). */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * The production commands as a process manager runs them (needs `npm run build`): the signal goes to the
 * process started, and that process is the server, so SIGTERM stops it with exit code 0 and nothing is
 * left behind.
 */
describe.each([
  ['node dist/main.js', ['dist/main.js']],
  ['samenspraak serve', ['bin/samenspraak.js', 'serve']],
])('the production command %s', (_name, args) => {
  it('stops on SIGTERM with exit code 0 and leaves no server running', async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/main.js'))).toBe(true);
    const port = await freePort();
    const child = startProduction(args, port, DATA_DIR);
    const run = collect(child);
    try {
      expect((await waitForHttp(`http://127.0.0.1:${port}/readyz`, 90_000)).status).toBeLessThan(600);
      for (let i = 0; i < 200 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200; i++)
        await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGTERM');
      const done = await run.done;
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('"msg":"stopped"');
      expect(await listening(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('node dist/main.js stopped while it starts', () => {
  it('finishes starting, then stops with exit code 0 (a container stopped at once)', async () => {
    const port = await freePort();
    // A new data directory: the database takes seconds to create, the port answers at once.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-prod-start-'));
    const child = startProduction(['dist/main.js'], port, dataDir);
    const run = collect(child);
    try {
      expect((await waitForHttp(`http://127.0.0.1:${port}/healthz`, 90_000)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
      child.kill('SIGTERM');
      const done = await run.done;
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('"msg":"stopped"');
      expect(await listening(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a CLI command while the bot starts on a new DATA_DIR', () => {
  it('waits for the bot and uses its database; the bot keeps running', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-prod-cli-'));
    const child = startProduction(['dist/main.js'], port, dataDir);
    const run = collect(child);
    try {
      expect((await waitForHttp(`http://127.0.0.1:${port}/healthz`, 90_000)).status).toBe(200);
      // Before: the command took the directory while the bot created its database, and the bot died.
      const list = await runCliProcess(['cycle', 'list'], { DATA_DIR: dataDir });
      expect(list).toMatchObject({ code: 0, stdout: expect.stringContaining('Er zijn nog geen cycli') });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(child.exitCode).toBeNull();
      child.kill('SIGTERM');
      expect((await run.done).code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
