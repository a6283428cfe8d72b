import { TEST_DATABASE_URL } from '../support/databases';
import { densestRate } from '../support/fake-platform';
import { waitFor } from '../support/fan-out';
import { ALL_FAULTS, startReplicaRig } from '../support/replica-rig';

const SLACK = 45;
const TEAMS = 45;
const SLACK_PER_MINUTE = 1_200; // 20 a second for the workspace, burst 2

/**
 * Exactly once, end to end (issue 13): three server processes on one PostgreSQL, the real Slack and Teams
 * senders, a fake platform that fails a fifth of the posts in every way platforms do (429 with
 * Retry-After, 500 before and after storing the message, connections dropped before and after, no answer
 * at all), and one process SIGKILLed a third of the way and replaced. Every member gets exactly one
 * check-in on each platform, and the posts all processes made together never exceed one limit.
 */
(TEST_DATABASE_URL ? describe : describe.skip)(
  'exactly once through three replicas and a faulty platform',
  () => {
    it('delivers every check-in once, within one shared rate limit', async () => {
      const rig = await startReplicaRig({
        slack: SLACK,
        teams: TEAMS,
        slackPerMinute: SLACK_PER_MINUTE,
        faults: { rate: 0.2, kinds: ALL_FAULTS },
        seed: 7,
      });
      let exits: Awaited<ReturnType<typeof rig.close>> = [];
      try {
        for (let i = 0; i < 3; i++) await rig.start();
        await waitFor(
          'a third delivered',
          () => rig.delivered() >= rig.expected / 3,
          90_000,
          () =>
            rig.replicas
              .map((r) => r.out.output().stderr)
              .join('\n')
              .slice(-3_000),
        );
        rig.replicas[0]?.child.kill('SIGKILL');
        await rig.start();
        await rig.settled(120_000);

        const prompts = rig.fake.sends.filter((s) => s.kind === 'checkin.prompt');
        const perKey = new Map<string, number>();
        for (const s of prompts) perKey.set(s.dedupeKey, (perKey.get(s.dedupeKey) ?? 0) + 1);
        expect([...perKey.entries()].filter(([, n]) => n !== 1)).toEqual([]);
        expect(new Set(prompts.filter((s) => s.platform === 'slack').map((s) => s.dedupeKey)).size).toBe(
          SLACK,
        );
        expect(new Set(prompts.filter((s) => s.platform === 'teams').map((s) => s.dedupeKey)).size).toBe(
          TEAMS,
        );
        // Every kind of fault happened, and the uncertain ones were looked up before posting again.
        const faults = rig.fake.stats.faults;
        expect(ALL_FAULTS.filter((kind) => faults[kind] === 0)).toEqual([]);
        expect(rig.fake.stats.lookups).toBeGreaterThan(0);
        // One limit for all: no five seconds of the fake's request log hold more than five seconds of the
        // workspace's (tenant's) rate and its burst, plus a tenth for timers on a busy machine. (Over one
        // second, a machine that holds the event loop back bunches requests that were spaced when sent; a
        // limiter per replica would show three times the rate over any window.)
        expect(densestRate(rig.fake.requests, 'T1', 5_000)).toBeLessThanOrEqual(
          Math.ceil((5 * 20 + 2) * 1.1),
        );
        expect(densestRate(rig.fake.requests, 'tenant-1', 5_000)).toBeLessThanOrEqual(
          Math.ceil((5 * 50 + 5) * 1.1),
        );
        const rows = await rig.pg.db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM outbox WHERE kind = 'checkin.prompt' GROUP BY status`,
        );
        expect(rows.rows).toEqual([{ status: 'sent', n: SLACK + TEAMS }]);
      } finally {
        exits = await rig.close();
      }
      // The killed process died by the signal; the others stopped cleanly.
      expect(exits.map((e) => e.code)).toEqual([null, 0, 0, 0]);
    }, 240_000);
  },
);
