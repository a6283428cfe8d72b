import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs a TypeScript entry point of ours in a child process (through tsx), with only the env given. */
export function runTs(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function collect(child: ChildProcess): {
  output: () => { stdout: string; stderr: string };
  done: Promise<Finished>;
} {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return {
    output: () => ({ stdout, stderr }),
    done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))),
  };
}

export function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return collect(runTs('test/support/cli-entry.ts', args, env)).done;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls url until it answers or ms pass; returns the response and the time it took. */
export async function waitForHttp(
  url: string,
  ms: number,
): Promise<{ status: number; body: string; after: number }> {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      return { status: res.status, body: await res.text(), after: Date.now() - start };
    } catch (err) {
      if (Date.now() - start > ms) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
