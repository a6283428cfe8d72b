import { OutboxWorker } from '../../src/delivery/worker';
import { must } from '../support/core';
import { type SlackRig, startCommunityRig } from './harness';

/** Edits and deletions in a community channel follow the stored discussion (elsewhere nothing is stored); its digest is a thread. */
describe('Slack: a community channel', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startCommunityRig();
  });
  afterAll(() => rig.close());

  const stored = async () =>
    (
      await rig.t.db.query<{ external_id: string; text: string }>(
        'SELECT external_id, text FROM discussion_messages ORDER BY external_id',
      )
    ).rows;
  const linksOf = async (externalId: string) =>
    (
      await rig.t.db.query<{ ambition_id: string; source: string }>(
        `SELECT l.ambition_id, l.source FROM message_ambitions l
           JOIN discussion_messages m ON m.id = l.message_id WHERE m.external_id = $1`,
        [externalId],
      )
    ).rows;

  const posted = (ts: string, text: string, channel = 'C-KWAL') => ({
    type: 'message',
    channel,
    user: 'UANNA',
    text,
    ts,
    event_ts: ts,
    channel_type: 'channel',
  });
  /** The documented message_changed event: the new message inside, the old one beside it. */
  const changed = (ts: string, before: string, after: string, channel = 'C-KWAL', user = 'UANNA') => ({
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel,
    channel_type: 'channel',
    ts: '1700000900.000900',
    event_ts: '1700000900.000900',
    message: {
      type: 'message',
      user,
      text: after,
      ts,
      edited: { user, ts: '1700000900.000000' },
    },
    previous_message: { type: 'message', user, text: before, ts },
  });
  const deleted = (ts: string, text: string, channel = 'C-KWAL') => ({
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel,
    channel_type: 'channel',
    ts: '1700000950.000950',
    event_ts: '1700000950.000950',
    deleted_ts: ts,
    previous_message: { type: 'message', user: 'UANNA', text, ts },
  });

  it('replaces the stored text of an edited message and reads its tags again', async () => {
    await rig.event(posted('1700000100.000100', 'Wij werken aan een leesplan #basisvaardigheden'));
    await rig.settled();
    expect(await linksOf('1700000100.000100')).toEqual([{ ambition_id: 'a1', source: 'tag' }]);

    const res = await rig.event(
      changed(
        '1700000100.000100',
        'Wij werken aan een leesplan #basisvaardigheden',
        'Wij werken aan een leesplan voor alle groepen #ambitie2',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await rig.settled();
    expect(await stored()).toEqual([
      { external_id: '1700000100.000100', text: 'Wij werken aan een leesplan voor alle groepen #ambitie2' },
    ]);
    expect(await linksOf('1700000100.000100')).toEqual([{ ambition_id: 'a2', source: 'tag' }]);
  });

  it('removes a deleted message with its links', async () => {
    await rig.event(posted('1700000200.000200', 'Dit bericht gaat weg #basisvaardigheden'));
    await rig.settled();
    expect((await stored()).map((m) => m.external_id)).toContain('1700000200.000200');

    await rig.event(deleted('1700000200.000200', 'Dit bericht gaat weg #basisvaardigheden'));
    await rig.settled();
    expect((await stored()).map((m) => m.external_id)).toEqual(['1700000100.000100']);
    expect(await linksOf('1700000200.000200')).toEqual([]);
  });

  it('stores nothing for edits and deletions in an unlinked channel or by a bot', async () => {
    const before = await stored();
    await rig.event(posted('1700000300.000300', 'Elders gezegd', 'C-RANDOM'));
    await rig.event(changed('1700000300.000300', 'Elders gezegd', 'Elders gewijzigd', 'C-RANDOM'));
    await rig.event(deleted('1700000300.000300', 'Elders gezegd', 'C-RANDOM'));
    const fromBot = changed('1700000100.000100', 'oud', 'Door een bot herschreven');
    await rig.event({ ...fromBot, message: { ...fromBot.message, bot_id: 'B1', subtype: 'bot_message' } });
    await rig.settled();
    expect(await stored()).toEqual(before);
  });

  it('posts the community’s digest in its channel as a thread: the overview first, one reply per ambition', async () => {
    // Two messages in the period of 22 February to 8 March 2027; its digest goes out the day after, at 9:00.
    const tsOf = (iso: string) => `${Date.parse(iso) / 1000}.000100`;
    await rig.event(
      posted(tsOf('2027-03-02T10:00:00Z'), 'Ons leesplan werkt: elke dag twintig minuten #kwaliteitszorg'),
    );
    await rig.event(
      posted(tsOf('2027-03-03T10:00:00Z'), 'Wij oefenen rekenen elke dag tien minuten #basisvaardigheden'),
    );
    await rig.settled();
    rig.clock.set('2027-03-09T10:00:00Z');
    expect(await rig.core.queueDigests()).toHaveLength(1);
    const worker = new OutboxWorker(rig.core.deps, [rig.adapter.sender], {
      sleep: async (ms) => rig.clock.advance(ms),
      replica: 'test',
    });
    await worker.drain();

    const posts = rig.fake.callsOf('chat.postMessage') as {
      channel: string;
      text: string;
      thread_ts?: string;
    }[];
    const root = must(
      posts.find((p) => p.text.startsWith('*Overzicht leergemeenschap: Onderwijskwaliteit*')),
      'the digest',
    );
    expect(root.channel).toBe('C-KWAL');
    const row = await rig.t.db.query<{
      status: string;
      result: { channel: string; ts: string; replies: number };
    }>("SELECT status, result FROM outbox WHERE kind = 'community.digest'");
    expect(row.rows).toEqual([
      { status: 'sent', result: { channel: 'C-KWAL', ts: expect.any(String), replies: 2 } },
    ]);
    const replies = posts.filter((p) => p.thread_ts);
    expect(replies.map((r) => [r.channel, r.thread_ts])).toEqual([
      ['C-KWAL', row.rows[0]?.result.ts],
      ['C-KWAL', row.rows[0]?.result.ts],
    ]);
    expect(replies[0]?.text).toMatch(
      /^\*Ambitie 1: Trend van achterblijvende onderwijsresultaten kenteren\*\n/,
    );
    expect(replies[0]?.text).toContain('• Wij oefenen rekenen elke dag tien minuten');
    expect(replies[1]?.text).toMatch(/^\*Ambitie 2: /);
  });
});
