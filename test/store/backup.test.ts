import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBackup, restoreBackup, takeBackup } from '../../src/store/backup';
import type { Db } from '../../src/store/db';
import { openDb } from '../../src/store/open-db';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { seedFanOut } from '../support/fan-out';
import { collect, freePort, runCliProcess, runTs, waitForHttp } from '../support/processes';

/** Every table's rows, in a stable order, as JSON text (not when migrations ran: that is the restore). */
async function everything(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const res = await db.query<{ rows: unknown }>(
      `SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM "${name}" t`,
    );
    out[name] = JSON.stringify(res.rows[0]?.rows);
  }
  return out;
}

describe('backup and restore of the embedded database', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([pgliteDatabase(), pgliteDatabase()]);
  });
  afterAll(() => Promise.all([source.close(), target.close()]));

  it('backup → restore gives the same rows in every table, and sequences go on where they were', async () => {
    await seedFanOut(source.db, { slack: 3, teams: 2 });
    await source.db.query(
      `INSERT INTO audit_log (at, action, details) VALUES (now(), 'test.one', '{"a":[1,2]}')`,
    );
    await target.db.query(`INSERT INTO audit_log (at, action) VALUES (now(), 'to be replaced')`);
    const file = 'backup.json.gz';
    const backup = readBackup(file, await takeBackup(source.db, new Date('2027-02-20T09:00:00Z')));
    expect(backup.takenAt).toBe('2027-02-20T09:00:00.000Z');
    const { rows } = await restoreBackup(target.db, backup, file);
    expect(rows).toBeGreaterThan(10);
    const [before, after] = [await everything(source.db), await everything(target.db)];
    expect(after).toEqual(before);
    expect(JSON.parse(after.members ?? '[]')).toHaveLength(6); // five members and the coordinator
    const next = await target.db.query<{ id: string }>(
      `INSERT INTO audit_log (at, action) VALUES (now(), 'after restore') RETURNING id`,
    );
    const last = await source.db.query<{ id: string }>('SELECT max(id) AS id FROM audit_log');
    expect(Number(next.rows[0]?.id)).toBe(Number(last.rows[0]?.id) + 1);
  });

  it('refuses a file that is not a backup, and one from a newer version, changing nothing', async () => {
    expect(() => readBackup('notes.txt', Buffer.from('hello'))).toThrow(
      'notes.txt is not a Samenspraak backup',
    );
    const newer = readBackup('b', await takeBackup(target.db, new Date()));
    newer.migrations.push('999_future.sql');
    const before = await everything(target.db);
    await expect(restoreBackup(target.db, newer, 'newer.gz')).rejects.toThrow(
      'newer.gz was made by a newer Samenspraak (migrations 999_future.sql)',
    );
    expect(await everything(target.db)).toEqual(before);
  });
});

describe('samenspraak db backup beside a running bot, db restore after', () => {
  it('copies the running bot’s database with what a CLI command beside it wrote; the copy restores elsewhere', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-backup-'));
    const [dataDir, restored, file] = [
      path.join(root, 'bot'),
      path.join(root, 'restored'),
      path.join(root, 'b.gz'),
    ];
    const csv = path.join(root, 'besturen.csv');
    fs.writeFileSync(csv, 'naam;bestuursnummer;regio\nStichting Noorderlicht;41001;Noord\n');
    const port = await freePort();
    const bot = runTs('src/main.ts', [], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const botOut = collect(bot);
    try {
      const deadline = Date.now() + 60_000;
      while ((await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000)).status !== 200) {
        if (Date.now() > deadline) throw new Error(`not ready: ${botOut.output().stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const imported = await runCliProcess(['boards', 'import', csv], { DATA_DIR: dataDir });
      expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('1 bestuur toegevoegd') });
      const backup = await runCliProcess(['db', 'backup', file], { DATA_DIR: dataDir });
      expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`backup written: ${file}`) });
      const refused = await runCliProcess(['db', 'restore', file], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is in use by another Samenspraak process');
    } finally {
      bot.kill('SIGTERM');
    }
    expect((await botOut.done).code).toBe(0);
    const restore = await runCliProcess(['db', 'restore', file], { DATA_DIR: restored });
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining(`restored ${file}`) });
    const db = await openDb({ dataDir: restored });
    try {
      const boards = await db.query<{ name: string }>('SELECT name FROM boards');
      expect(boards.rows).toEqual([{ name: 'Stichting Noorderlicht' }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
