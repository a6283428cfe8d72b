import { parseRhythm } from '../../src/core/schedule/rhythm';
import { databaseRunCoordinator, schedulerTick, startScheduler } from '../../src/delivery/scheduler';
import { discussionWorld } from '../discussion/world';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { OPENS, seedFanOut, waitFor } from '../support/fan-out';

describe('the scheduler', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('lets one replica run each (name, slot) and the others skip', async () => {
    await t.reset();
    const { core } = await seedFanOut(t.db, { slack: 1, teams: 0 });
    const a = databaseRunCoordinator(core.deps, 'a');
    const b = databaseRunCoordinator(core.deps, 'b');
    const slot = 'due:2027-03-01T08:00:00.000Z';
    expect(await Promise.all([a.shouldRun(slot, 0), b.shouldRun(slot, 0)])).toEqual([true, false]);
    expect(await b.shouldRun('due:2027-03-01T08:01:00.000Z', 0)).toBe(true);
    const runs = await t.db.query('SELECT name, slot, claimed_by FROM scheduler_runs ORDER BY slot');
    expect(runs.rows).toEqual([
      { name: 'due', slot: '2027-03-01T08:00:00.000Z', claimed_by: 'a' },
      { name: 'due', slot: '2027-03-01T08:01:00.000Z', claimed_by: 'b' },
    ]);
  });

  it('catches up at start what came due while nothing ran, and plans the rhythm’s cycles', async () => {
    await t.reset();
    const { core, clock } = await seedFanOut(t.db, { slack: 3, teams: 0 });
    clock.set('2027-03-10T10:00:00Z'); // nine days after the opening: every tick was missed
    const scheduler = startScheduler(core.deps, null, {
      cron: '0 0 1 1 *', // once a year: only the catch-up at start runs in this test
      name: 'due',
      replica: 'test',
      rhythm: parseRhythm('agenda=po-raad-2022-2026; opens=03-25; days=21; ahead=20'),
    });
    await scheduler.started;
    await scheduler.stop();
    const cycles = await core.listCycles();
    expect(cycles.map((c) => [c.opensAt.toISOString(), c.status])).toEqual([
      ['2027-03-24T23:00:00.000Z', 'scheduled'], // planned by the rhythm
      ['2027-03-01T08:00:00.000Z', 'open'], // opened late, with its check-ins
    ]);
    const prompts = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE kind = 'checkin.prompt'",
    );
    expect(prompts.rows[0]?.n).toBe(3);
  });

  it('ticks with node-cron', async () => {
    await t.reset();
    const { core, clock } = await seedFanOut(t.db, { slack: 2, teams: 0 });
    clock.set(OPENS);
    const scheduler = startScheduler(core.deps, null, { cron: '* * * * * *', name: 'tick', replica: 'test' });
    await scheduler.started;
    await t.db.query('DELETE FROM outbox');
    await t.db.query('DELETE FROM check_ins');
    // The next tick (within a second) finds the check-ins missing again and queues them.
    await waitFor(
      'a tick',
      async () => (await t.db.query('SELECT 1 FROM check_ins')).rows.length === 2,
      5_000,
    );
    await scheduler.stop();
  });

  it('queues each community digest once and purges texts past retention once a day', async () => {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-02-01T09:00:00Z', { retentionDays: 10 });
    const tick = () => schedulerTick(w.core.deps, { cron: '* * * * *', name: 'due', replica: 'test' }, null);
    const digests = async () =>
      (
        await t.db.query<{ dedupe_key: string }>(
          "SELECT dedupe_key FROM outbox WHERE kind = 'community.digest'",
        )
      ).rows;
    const texts = async () =>
      (await t.db.query<{ text: string | null }>('SELECT text FROM discussion_messages ORDER BY posted_at'))
        .rows;
    w.clock.set('2027-02-10T09:00:00Z');
    await w.post('Wij werken met een schoolbreed leesplan #A1');
    w.clock.set('2027-02-23T10:00:00Z');

    await tick();
    expect(await digests()).toEqual([{ dedupe_key: `digest:${w.kwaliteit.id}:2027-02-08` }]);
    expect(await texts()).toEqual([{ text: null }]); // posted 13 days ago, kept 10
    // A message from before the cutoff, arriving late: the next purge is tomorrow's.
    await w.post('Een laat binnengekomen bericht #A1', { postedAt: new Date('2027-02-01T09:00:00Z') });
    await tick();
    expect(await digests()).toHaveLength(1);
    expect(await texts()).toEqual([{ text: 'Een laat binnengekomen bericht #A1' }, { text: null }]);
    w.clock.set('2027-02-24T00:30:00Z');
    await tick();
    expect(await texts()).toEqual([{ text: null }, { text: null }]);
    expect(await digests()).toHaveLength(1);
  });
});
