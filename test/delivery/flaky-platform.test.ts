import { runDue } from '../../src/core/due';
import { slackLimits, TEAMS_LIMITS } from '../../src/delivery/rate-limiter';
import { OutboxWorker } from '../../src/delivery/worker';
import { DRIVERS } from '../support/databases';
import { countByKey, startFakePlatform } from '../support/fake-platform';
import { auditRetryAfter, fakeSlackSender, fakeTeamsSender } from '../support/fake-senders';
import { OPENS, seedFanOut, waitFor } from '../support/fan-out';
import { runningClock } from '../support/file-clock';

const SLACK = 40;
const TEAMS = 20;

/**
 * Done-list (3): a platform that answers 20% of sends with 429 or 5xx. Everyone is reached, nobody twice,
 * and no request comes back before the Retry-After the platform gave.
 */
describe.each(DRIVERS)('a platform that refuses a fifth of the sends, on %s', (_name, open) => {
  it('reaches everyone, nobody twice, and respects Retry-After', async () => {
    const t = await open();
    const fake = await startFakePlatform({ failRate: 0.2, failWith: [429, 500, 502, 503], seed: 7 });
    try {
      const { core } = await seedFanOut(t.db, { slack: SLACK, teams: TEAMS });
      const deps = { ...core.deps, clock: runningClock(OPENS) };
      expect((await runDue(deps)).checkIns).toBe(SLACK + TEAMS);
      const senders = [
        auditRetryAfter(fakeSlackSender(fake.url)),
        auditRetryAfter(fakeTeamsSender(fake.url)),
      ];
      const worker = new OutboxWorker(deps, senders, {
        retry: { maxAttempts: 10, baseMs: 100, maxMs: 1_000, quickRetries: 0, random: () => 0.5 },
        leaseMs: 10_000,
        sendTimeoutMs: 2_000,
        limits: { slack: slackLimits(6_000), teams: TEAMS_LIMITS },
      });
      worker.start(50);
      await waitFor(
        'every member reached',
        () => countByKey(fake.sends).size >= SLACK + TEAMS,
        30_000,
        () => JSON.stringify(fake.stats),
      );
      await worker.stop();
      const counts = countByKey(fake.sends);
      expect(counts.size).toBe(SLACK + TEAMS);
      expect(fake.sends).toHaveLength(SLACK + TEAMS);
      expect(fake.sends.filter((s) => s.platform === 'teams')).toHaveLength(TEAMS);
      // The platform did refuse, both ways, and was never asked again too early.
      expect(fake.stats.rateLimited).toBeGreaterThan(0);
      expect(fake.stats.serverErrors).toBeGreaterThan(0);
      expect(senders.map((s) => s.pauses).every((n) => n > 0)).toBe(true);
      expect(senders.flatMap((s) => s.violations)).toEqual([]);
      const rows = await t.db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM outbox GROUP BY status',
      );
      expect(rows.rows).toEqual([{ status: 'sent', n: SLACK + TEAMS }]);
    } finally {
      await fake.close();
      await t.close();
    }
  }, 60_000);
});
