import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { migrate } from '../../src/store/migrate';
import { openDb } from '../../src/store/open-db';
import { postgresDatabase, TEST_DATABASE_URL } from '../support/databases';
import { countByKey, type FakePlatform, startFakePlatform } from '../support/fake-platform';
import { OPENS, seedFanOut, waitFor } from '../support/fan-out';
import { setFileClock } from '../support/file-clock';
import { collect, runTs } from '../support/processes';

const MEMBERS = 120;

/**
 * Done-list (1): a process killed with SIGKILL in the middle of a fan-out and started again: every member
 * has exactly one check-in, counted where it arrives. The fake answers slowly, so sends are in flight
 * when the kill comes; the restarted process finds their rows still leased and asks again as uncertain.
 */
async function killMidFanOut(env: Record<string, string>, fake: FakePlatform) {
  const prompts = () => fake.sends.filter((s) => s.kind === 'checkin.prompt');
  const first = runTs('test/support/delivery-entry.ts', [], env);
  const firstOut = collect(first);
  await waitFor(
    'a third of the fan-out',
    () => prompts().length >= MEMBERS / 3,
    45_000,
    () => firstOut.output().stderr,
  );
  first.kill('SIGKILL');
  await firstOut.done;
  const atKill = prompts().length;
  expect(atKill).toBeLessThan(MEMBERS); // killed in the middle, not after
  const second = runTs('test/support/delivery-entry.ts', [], env);
  const secondOut = collect(second);
  await waitFor(
    'every member reached',
    () => new Set(prompts().map((s) => s.dedupeKey)).size >= MEMBERS,
    45_000,
    () => `${prompts().length} prompts; ${firstOut.output().stderr}; ${secondOut.output().stderr}`,
  );
  await new Promise((r) => setTimeout(r, 500)); // a late double would land now
  second.kill('SIGTERM');
  expect((await secondOut.done).code).toBe(0);
  const counts = countByKey(prompts());
  expect(counts.size).toBe(MEMBERS);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect(prompts()).toHaveLength(MEMBERS);
  // Rows in flight at the kill were asked about before sending again.
  expect(fake.stats.lookups).toBeGreaterThan(0);
}

async function expectAllSent(db: Db) {
  const res = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM outbox WHERE kind = 'checkin.prompt' GROUP BY status`,
  );
  expect(res.rows).toEqual([{ status: 'sent', n: MEMBERS }]);
  const checkIns = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_ins');
  expect(checkIns.rows[0]?.n).toBe(MEMBERS);
}

describe('a process killed in the middle of a fan-out', () => {
  let fake: FakePlatform;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-crash-'));
  const clockFile = path.join(dir, 'clock.json');
  beforeEach(async () => {
    fake = await startFakePlatform({ latencyMs: 40 });
    setFileClock(clockFile, OPENS);
  });
  afterEach(() => fake.close());

  const env = (db: Record<string, string>) => ({
    ...db,
    FAKE_PLATFORM_URL: fake.url,
    CLOCK_FILE: clockFile,
    LEASE_MS: '2000',
    SLACK_MESSAGES_PER_MINUTE: '3000',
    LOG_LEVEL: 'error',
  });

  it('on PGlite (a data directory on disk, one process at a time): every member gets exactly one check-in', async () => {
    const dataDir = path.join(dir, 'pglite');
    const db = await openDb({ dataDir });
    await migrate(db);
    await seedFanOut(db, { slack: MEMBERS, teams: 0 });
    await db.close();
    await killMidFanOut(env({ DATA_DIR: dataDir }), fake);
    const after = await openDb({ dataDir });
    try {
      await expectAllSent(after);
    } finally {
      await after.close();
    }
  }, 100_000);

  // PostgreSQL runs where TEST_DATABASE_URL names a server (CI sets it); without one there is none to test.
  (TEST_DATABASE_URL ? it : it.skip)(
    'on PostgreSQL: every member gets exactly one check-in',
    async () => {
      const pg = await postgresDatabase();
      try {
        await seedFanOut(pg.db, { slack: MEMBERS, teams: 0 });
        await killMidFanOut(env({ DATABASE_URL: pg.url }), fake);
        await expectAllSent(pg.db);
      } finally {
        await pg.close();
      }
    },
    100_000,
  );
});
