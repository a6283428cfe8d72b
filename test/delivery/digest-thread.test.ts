import { deliveryClients, SlackSender } from '../../src/adapters/slack/sender';
import { slackLimits, TEAMS_LIMITS } from '../../src/delivery/rate-limiter';
import { OutboxWorker } from '../../src/delivery/worker';
import { discussionWorld } from '../discussion/world';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { startFakePlatform } from '../support/fake-platform';
import { runningClock } from '../support/file-clock';
import { quietSlackLogger } from '../support/quiet-slack-logger';

/**
 * A digest is a post and a reply per ambition in its thread, all in one channel: through the real Slack
 * sender, each reply waits for the channel's next slot, so a platform that allows one post a second per
 * channel takes every one of them (sent at once, the replies were refused with 429 and lost).
 */
describe('a digest’s thread on Slack', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('posts the root and each reply in a slot of the channel of its own: none refused, none lost', async () => {
    const w = await discussionWorld(t.db, '2027-02-01T09:00:00Z');
    w.clock.set('2027-02-10T09:00:00Z');
    await w.post('Wij werken met een schoolbreed leesplan en dagelijks lezen in alle groepen. #A1');
    await w.post('Onze kwaliteitszorg volgt het model Regie op Onderwijskwaliteit met eigen ijkpunten. #A2');
    w.clock.set('2027-02-23T10:00:00Z');
    expect(await w.core.queueDigests()).toHaveLength(1);

    const fake = await startFakePlatform({
      limits: { slackWorkspace: 50, slackChannel: 1, teamsTenant: 50, teamsConversation: 7 },
    });
    try {
      const client = deliveryClients(quietSlackLogger, `${fake.url}/slack/api/`, 2_000)('xoxb-T1');
      const deps = { ...w.core.deps, clock: runningClock('2027-02-23T10:00:00Z') };
      const worker = new OutboxWorker(deps, [new SlackSender(w.core, async () => client)], {
        limits: { slack: slackLimits(3_000), teams: TEAMS_LIMITS },
      });
      await worker.drain(['slack']);
      // The community's welcome in its channel, then the digest's root and its two replies.
      const inChannel = fake.requests.filter((r) => r.conversation === 'C-KWAL');
      expect(inChannel.map((r) => r.stored)).toEqual([true, true, true, true]);
      expect(fake.stats.overLimit).toBe(0);
      const row = await t.db.query<{ status: string; result: { replies?: number } }>(
        "SELECT status, result FROM outbox WHERE kind = 'community.digest'",
      );
      expect(row.rows).toEqual([{ status: 'sent', result: expect.objectContaining({ replies: 2 }) }]);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
