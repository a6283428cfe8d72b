import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresDatabase, TEST_DATABASE_URL } from '../support/databases';
import { countByKey, startFakePlatform } from '../support/fake-platform';
import { OPENS, seedFanOut, waitFor } from '../support/fan-out';
import { setFileClock } from '../support/file-clock';
import { collect, runTs } from '../support/processes';

const SLACK = 60;
const TEAMS = 30;
const MEMBERS = SLACK + TEAMS;
const ANSWERING = 30;

/**
 * Done-list (2): three processes on one PostgreSQL run scheduler and workers together, each ticking every
 * second. Every member gets exactly one check-in, those who did not answer exactly the two reminders,
 * those who did none; the cycle opens and closes once and its results go out once.
 */
// Replicas need a PostgreSQL server (PGlite allows one process); without TEST_DATABASE_URL there is none.
(TEST_DATABASE_URL ? describe : describe.skip)('three processes on one PostgreSQL', () => {
  it('send every check-in once and at most the configured reminders', async () => {
    const pg = await postgresDatabase();
    const fake = await startFakePlatform({ latencyMs: 5 });
    const clockFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-replicas-')),
      'clock.json',
    );
    const processes: { child: ReturnType<typeof runTs>; out: ReturnType<typeof collect> }[] = [];
    const kinds = (kind: string) => fake.sends.filter((s) => s.kind === kind);
    /** Waits for `count` messages of a kind, then a moment more, in which a double would show. */
    const settled = async (kind: string, count: number) => {
      await waitFor(
        `${count} ${kind}`,
        () => kinds(kind).length >= count,
        30_000,
        () => `${kinds(kind).length} so far; ${processes.map((p) => p.out.output().stderr).join('\n')}`,
      );
      await new Promise((r) => setTimeout(r, 700));
    };
    try {
      const { core, clock, memberIds, cycleId } = await seedFanOut(pg.db, { slack: SLACK, teams: TEAMS });
      setFileClock(clockFile, OPENS);
      for (const replica of ['a', 'b', 'c']) {
        const child = runTs('test/support/delivery-entry.ts', [], {
          DATABASE_URL: pg.url,
          FAKE_PLATFORM_URL: fake.url,
          CLOCK_FILE: clockFile,
          REPLICA: replica,
          LEASE_MS: '5000',
          SLACK_MESSAGES_PER_MINUTE: '6000',
          LOG_LEVEL: 'error',
        });
        processes.push({ child, out: collect(child) });
      }
      await settled('checkin.prompt', MEMBERS);
      const answered = memberIds.slice(0, ANSWERING);
      clock.set('2027-03-01T10:00:00Z');
      for (const memberId of answered)
        await core.submitUpdate(memberId, {
          cycleId,
          answers: [
            {
              itemId: 'a1',
              status: 'on_track',
              progress: 80,
              done: 'Op schema.',
              steeringNeeded: false,
              steeringExplanation: '',
              link: null,
            },
          ],
        });
      setFileClock(clockFile, '2027-03-03T08:00:00Z'); // Wednesday 09:00: two days after the opening
      await settled('checkin.reminder', MEMBERS - ANSWERING);
      setFileClock(clockFile, '2027-03-08T08:00:00Z'); // Monday 09:00: seven days after
      await settled('checkin.reminder', 2 * (MEMBERS - ANSWERING));
      // Tuesday 09:00, past the third moment (two days before closing): a third reminder could go out now.
      setFileClock(clockFile, '2027-03-23T08:00:00Z');
      await new Promise((r) => setTimeout(r, 2_500)); // ticks enough to queue and send one
      setFileClock(clockFile, '2027-03-25T08:00:00Z'); // Thursday 09:00, after the closing
      await settled('cycle.results', 1);

      const counts = countByKey(fake.sends);
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      expect(kinds('checkin.prompt')).toHaveLength(MEMBERS);
      expect(kinds('checkin.reminder')).toHaveLength(2 * (MEMBERS - ANSWERING));
      expect(kinds('cycle.results')).toHaveLength(1);
      const reminded = new Set(kinds('checkin.reminder').map((s) => s.dedupeKey.split(':')[2]));
      expect(answered.filter((id) => reminded.has(id))).toEqual([]);
      const audit = await pg.db.query<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_log WHERE action IN ('cycle.open', 'cycle.close')
         GROUP BY action ORDER BY action`,
      );
      expect(audit.rows).toEqual([
        { action: 'cycle.close', n: 1 },
        { action: 'cycle.open', n: 1 },
      ]);
      // The ticks ran spread over the replicas, each slot once.
      const runs = await pg.db.query<{ claimed_by: string }>(
        `SELECT DISTINCT claimed_by FROM scheduler_runs WHERE name = 'due'`,
      );
      expect(runs.rows.length).toBeGreaterThan(1);
    } finally {
      for (const p of processes) p.child.kill('SIGTERM');
      const exits = await Promise.all(processes.map((p) => p.out.done));
      expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
      await fake.close();
      await pg.close();
    }
  }, 90_000);
});
