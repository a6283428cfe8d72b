import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppError } from '../../src/core/errors';
import { recordedSocketDir } from '../../src/store/embedded/socket-path';
import { openDb } from '../../src/store/open-db';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { waitFor } from '../support/fan-out';
import { collect, freePort, runTs, waitForHttp } from '../support/processes';

const lockOwner = (dataDir: string) =>
  fs.readFileSync(path.join(dataDir, 'samenspraak.lock'), 'utf8').split('\n').map(Number);
/** The embedded server process a process started for its DATA_DIR. */
const serverProcessOf = (parent: number) =>
  Number(execFileSync('pgrep', ['-P', String(parent), '-f', 'server-process'], { encoding: 'utf8' }).trim());
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('one embedded database, many connections', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('keeps an open transaction to its own connection: another statement waits for the commit', async () => {
    await t.db.exec('CREATE TABLE notes (n int)');
    const seen: number[] = [];
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes VALUES (1)');
      const outside = t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes');
      void outside.then((r) => seen.push(r.rows[0]?.n ?? -1));
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual([]); // still waiting
      await tx.query('INSERT INTO notes VALUES (2)');
    });
    await waitFor('the waiting statement', () => seen.length === 1, 5_000);
    expect(seen).toEqual([2]);
  });

  // A 2 MB parameter arrives in many socket reads. pglite-socket's own queue lets other connections in
  // between them: their Parse replaced the unnamed statement ("bind message supplies 1 parameters, but
  // prepared statement "" requires 2"). The connection keeps the backend until its Sync is answered.
  it('answers statements with large parameters among 100 small ones, each with its own parameters', async () => {
    const big = 'x'.repeat(2_000_000);
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => t.db.query('SELECT length($1::text) AS n', [big])),
      ...Array.from({ length: 100 }, (_, i) =>
        t.db.query('SELECT $1::int AS i, $2::text AS s', [i, `v${i}`]),
      ),
    ]);
    expect(answers.map((a) => a.rows[0])).toEqual([
      ...Array.from({ length: 5 }, () => ({ n: 2_000_000 })),
      ...Array.from({ length: 100 }, (_, i) => ({ i, s: `v${i}` })),
    ]);
  });
});

describe('the embedded server process', () => {
  const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-embedded-'));

  it('serves a DATA_DIR too long for a socket path from a short directory it records; a CLI-style open shares it', async () => {
    const dataDir = path.join(root(), 'a'.repeat(60), 'b'.repeat(60));
    expect(Buffer.byteLength(path.join(dataDir, '.s.PGSQL.5432'))).toBeGreaterThan(107);
    const owner = await openDb({ dataDir });
    try {
      const socketDir = recordedSocketDir(dataDir) ?? '';
      expect(socketDir.startsWith(os.tmpdir())).toBe(true);
      const beside = await openDb({ dataDir }, undefined, { share: true });
      await beside.exec('CREATE TABLE shared (n int); INSERT INTO shared VALUES (7)');
      await beside.close();
      expect((await owner.query('SELECT n FROM shared')).rows).toEqual([{ n: 7 }]);
    } finally {
      await owner.close();
    }
    expect(recordedSocketDir(dataDir)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'samenspraak.lock'))).toBe(false);
  }, 60_000);

  // PGlite is one session for every connection: a statement one connection prepared, another's Parse of
  // it would be refused ("already exists") if the server did not answer it.
  it('runs a statement from many connections and from a command beside the bot, prepared once', async () => {
    const dataDir = root();
    const owner = await openDb({ dataDir });
    try {
      const beside = await openDb({ dataDir }, undefined, { share: true });
      const sql = 'SELECT $1::int * 2 AS twice';
      const runs = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => owner.query(sql, [i])),
        beside.query(sql, [10]),
      ]);
      await beside.close();
      expect(runs.map((r) => r.rows[0])).toEqual(Array.from({ length: 11 }, (_, i) => ({ twice: 2 * i })));
      const held = await owner.query(
        'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1',
        [sql],
      );
      expect(held.rows).toEqual([{ n: 1 }]);
    } finally {
      await owner.close();
    }
  }, 60_000);

  it('tells its owner when the server process dies, and the directory opens again afterwards', async () => {
    const dataDir = root();
    let lost: AppError | undefined;
    const db = await openDb({ dataDir }, undefined, {
      onLost: (err) => {
        lost = err;
      },
    });
    await db.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)');
    // The lock is this process's (the bot's) from the start; the server process works under it.
    expect(lockOwner(dataDir)).toEqual([process.pid, process.pid]);
    process.kill(serverProcessOf(process.pid), 'SIGKILL');
    await waitFor('the loss reported', () => lost !== undefined, 10_000);
    expect(lost).toMatchObject({ code: 'DB_UNAVAILABLE' });
    await db.close().catch(() => {});
    const again = await openDb({ dataDir });
    try {
      expect((await again.query('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('closes itself when the bot that owns it is killed: no orphan, and the next start opens the data', async () => {
    const dataDir = root();
    const port = await freePort();
    const bot = runTs('src/main.ts', [], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const botOut = collect(bot);
    const deadline = Date.now() + 60_000;
    while ((await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`not ready: ${botOut.output().stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lockOwner(dataDir)).toEqual([bot.pid, bot.pid]);
    const server = serverProcessOf(bot.pid ?? 0);
    bot.kill('SIGKILL');
    await botOut.done;
    await waitFor('the server process gone', () => !alive(server), 15_000);
    const db = await openDb({ dataDir });
    try {
      expect(
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]?.n,
      ).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 90_000);
});
