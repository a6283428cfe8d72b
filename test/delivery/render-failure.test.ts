import { deliveryClients, SlackSender } from '../../src/adapters/slack/sender';
import { CLI } from '../../src/core/access';
import { runDue } from '../../src/core/due';
import { slackLimits, TEAMS_LIMITS } from '../../src/delivery/rate-limiter';
import { OutboxWorker } from '../../src/delivery/worker';
import { FakeSlack } from '../slack/fake-slack';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { quietSlackLogger } from '../support/quiet-slack-logger';

/**
 * A message that cannot be rendered (issue 12): a permanent failure, dead-lettered at once and reported to
 * the coordinators with the reason, never retried. Here a cycle whose name is too long for any Slack
 * message (stored before names had a maximum): the card would need more than Slack's 50 blocks.
 */
describe('a check-in Slack cannot show', () => {
  let t: TestDatabase;
  let slack: FakeSlack;
  beforeAll(async () => {
    t = await pgliteDatabase();
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
    await t.close();
  });

  it('is dead-lettered at once with the reason, the coordinators are told, and it is never sent', async () => {
    const { core, clock } = await testCore(t.db, '2027-03-01T08:00:00Z');
    const { anna } = await seedPeople(core);
    const cycle = await core.planCycle(CLI, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1'],
      audience: { boards: [], members: [anna.id] },
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-21T22:59:00Z'),
    });
    // A name from before names had a maximum (the core refuses one this long today).
    await t.db.query('UPDATE cycles SET name = $1 WHERE id = $2', [
      `Voorjaar ${'zeer lange naam '.repeat(12_000)}`,
      cycle.id,
    ]);
    await runDue(core.deps);
    const client = deliveryClients(quietSlackLogger, slack.apiUrl, 1_000)('xoxb-T1');
    const worker = new OutboxWorker(core.deps, [new SlackSender(core, async () => client)], {
      limits: { slack: slackLimits(6_000), teams: TEAMS_LIMITS },
    });
    expect(await worker.drain()).toMatchObject({ claimed: 1, dead: 1, retried: 0, uncertain: 0 });
    const row = await t.db.query<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM outbox WHERE kind = 'checkin.prompt'`,
    );
    expect(row.rows).toEqual([
      { status: 'dead', attempts: 1, last_error: expect.stringContaining('CARD_TOO_LARGE') },
    ]);
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
    // The coordinators' notice of delivery problems is queued for the end of the hour.
    const notice = await t.db.query<{ kind: string }>(
      `SELECT kind FROM outbox WHERE kind = 'notice.delivery'`,
    );
    expect(notice.rows).toHaveLength(1);
    clock.advance(30 * 60_000);
    await worker.drain();
    const again = await t.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM outbox WHERE kind = 'checkin.prompt'`,
    );
    expect(again.rows).toEqual([{ status: 'dead', attempts: 1 }]);
  }, 60_000);
});
