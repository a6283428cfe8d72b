import { pruneRecords } from '../../src/delivery/prune';
import { SharedTokenBuckets } from '../../src/delivery/shared-limits';
import type { Db } from '../../src/store/db';
import { openPostgresDb } from '../../src/store/postgres-db';
import { testCore } from '../support/core';
import { DRIVERS, postgresDatabase, TEST_DATABASE_URL } from '../support/databases';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The most sends in any window of windowMs. */
function densest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

const workspace = { key: 'teams:ws:tenant-1', limit: { perSecond: 40, burst: 4 } };
const conversation = (i: number) => ({ key: `teams:conv:${i}`, limit: { perSecond: 7, burst: 1 } });

// Shared limits serve replicas on a PostgreSQL server; the embedded database has one process and limits in memory.
(TEST_DATABASE_URL ? describe : describe.skip)('rate limits shared on PostgreSQL', () => {
  it('keep sends from replicas that share them within one rate, and a pause holds for all', async () => {
    const t = await postgresDatabase();
    const replicas: Db[] = [];
    try {
      // Each replica has its own connections.
      for (let i = 0; i < 3; i++) replicas.push(await openPostgresDb(t.url, 5, () => {}));
      const sentAt: number[] = [];
      const start = Date.now();
      await Promise.all(
        replicas.map(async (db, r) => {
          const limiter = new SharedTokenBuckets(db, sleep);
          await Promise.all(
            Array.from({ length: 30 }, async (_, i) => {
              await limiter.acquire([workspace, conversation(r * 30 + i)]);
              sentAt.push(Date.now());
            }),
          );
        }),
      );
      expect(sentAt).toHaveLength(90);
      // At most the rate plus the burst in any second; a tenth more for timers firing late on a busy machine.
      expect(densest(sentAt, 1_000)).toBeLessThanOrEqual(40 + 4 + 4);
      expect(Math.max(...sentAt) - start).toBeGreaterThanOrEqual(((90 - 4) / 40) * 1000 - 50);

      const [a, b] = [
        new SharedTokenBuckets(replicas[0] as Db, sleep),
        new SharedTokenBuckets(replicas[1] as Db, sleep),
      ];
      await a.pause(workspace.key, 800);
      const before = Date.now();
      await b.acquire([workspace, conversation(999)]);
      expect(Date.now() - before).toBeGreaterThanOrEqual(750);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
      await t.close();
    }
  }, 30_000);

  it('reserve a tenth of a second ahead per process, so a replica that dies leaves few slots unused', async () => {
    const t = await postgresDatabase();
    const db = await openPostgresDb(t.url, 5, () => {});
    try {
      // The process dies with 30 sends waiting: their sleeps never end.
      const limiter = new SharedTokenBuckets(db, () => new Promise<void>(() => {}));
      for (let i = 0; i < 30; i++) void limiter.acquire([workspace, conversation(i)]);
      await sleep(200);
      const ahead = await db.query<{ ms: number }>(
        `SELECT extract(epoch FROM tat - clock_timestamp()) * 1000 AS ms FROM rate_buckets WHERE key = $1`,
        [workspace.key],
      );
      // 40 a second: a tenth of a second is 4 reservations, 100 ms; 30 at once would be 750 ms.
      expect(Number(ahead.rows[0]?.ms)).toBeLessThanOrEqual(100);
    } finally {
      await db.close();
      await t.close();
    }
  });
});

describe.each(DRIVERS)('delivery bookkeeping (%s)', (_name, open) => {
  it('prunes inbound events, scheduler runs and idle buckets past their keeping', async () => {
    const t = await open();
    try {
      const { core, clock } = await testCore(t.db, '2027-03-10T09:00:00Z');
      const repos = core.deps.store.repos;
      await repos.inboundEvents.claim('slack', 'Ev-old', new Date('2027-03-08T09:00:00Z'));
      await repos.inboundEvents.claim('slack', 'Ev-new', new Date('2027-03-10T08:00:00Z'));
      await repos.schedulerRuns.claim('due', 'old', 'a', new Date('2027-02-01T09:00:00Z'));
      await repos.schedulerRuns.claim('due', 'new', 'a', new Date('2027-03-09T09:00:00Z'));
      await t.db.query(
        `INSERT INTO rate_buckets (key, tat) VALUES ('idle', now() - interval '2 hours'), ('busy', now())`,
      );
      expect(await pruneRecords(core.deps, t.db)).toEqual({
        inboundEvents: 1,
        schedulerRuns: 1,
        rateBuckets: 1,
      });
      expect(await repos.inboundEvents.claim('slack', 'Ev-new', clock.now())).toBe(false);
      expect(await repos.inboundEvents.claim('slack', 'Ev-old', clock.now())).toBe(true);
      const runs = await t.db.query<{ slot: string }>('SELECT slot FROM scheduler_runs');
      expect(runs.rows).toEqual([{ slot: 'new' }]);
      const buckets = await t.db.query<{ key: string }>('SELECT key FROM rate_buckets');
      expect(buckets.rows).toEqual([{ key: 'busy' }]);
    } finally {
      await t.close();
    }
  }, 30_000);
});
