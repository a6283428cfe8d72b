import { runDue } from '../../src/core/due';
import { slackLimits, TEAMS_LIMITS } from '../../src/delivery/rate-limiter';
import type { Sender, SendOutcome } from '../../src/delivery/sender';
import { OutboxWorker } from '../../src/delivery/worker';
import { DRIVERS } from '../support/databases';
import { OPENS, seedFanOut, waitFor } from '../support/fan-out';
import { runningClock } from '../support/file-clock';

/**
 * A running worker retries a failed send when the retry comes due, not at the lanes' next poll: a
 * check-in whose first post met a 503 arrives after the backoff, though the lanes poll only every minute.
 */
describe.each(DRIVERS)('a running worker and a failed send, on %s', (_name, open) => {
  it('sends again when the retry is due, without waiting for the next poll', async () => {
    const t = await open();
    const { core } = await seedFanOut(t.db, { slack: 1, teams: 0 });
    const deps = { ...core.deps, clock: runningClock(OPENS) };
    expect((await runDue(deps)).checkIns).toBe(1);
    const answers: SendOutcome[] = [];
    const sender: Sender = {
      platform: 'slack',
      async send() {
        const answer: SendOutcome =
          answers.length === 0 ? { kind: 'transient', reason: 'HTTP 503' } : { kind: 'ok', ref: {} };
        answers.push(answer);
        return answer;
      },
    };
    const worker = new OutboxWorker(deps, [sender], {
      retry: { maxAttempts: 3, baseMs: 100, maxMs: 1_000, quickRetries: 1, random: () => 0 },
      leaseMs: 10_000,
      sendTimeoutMs: 1_000,
      limits: {
        slack: { ...slackLimits(6_000), conversation: { perSecond: 100, burst: 1 } },
        teams: TEAMS_LIMITS,
      },
    });
    worker.start(60_000);
    try {
      await waitFor('the check-in sent again', () => answers.length >= 2, 5_000);
      await worker.whenIdle();
      const rows = await t.db.query<{ status: string; attempts: number }>(
        'SELECT status, attempts FROM outbox',
      );
      expect(rows.rows).toEqual([{ status: 'sent', attempts: 2 }]);
      expect(answers.map((a) => a.kind)).toEqual(['transient', 'ok']);
    } finally {
      await worker.stop();
      await t.close();
    }
  }, 20_000);
});
