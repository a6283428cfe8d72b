import { OutboxWorker } from '../../src/delivery/worker';
import { t as say } from '../../src/i18n/index';
import { must } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from './fake-connector';
import {
  ANNA,
  BRAM,
  CORA,
  channelMessage,
  ELDERS,
  KWALITEIT,
  linkAction,
  messageDelete,
  messageUpdate,
} from './fixtures';
import { startTeamsRig, type TeamsRig, teamsWorkspace } from './harness';
import { LocalOpenId } from './openid';

let t: TestDatabase;
let connector: FakeConnector;
let openid: LocalOpenId;
let rig: TeamsRig;

beforeAll(async () => {
  [t, connector, openid] = await Promise.all([
    pgliteDatabase(),
    new FakeConnector().start(),
    new LocalOpenId().start(),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), connector.close(), openid.close()]);
});
beforeEach(async () => {
  connector.reset();
  rig = await startTeamsRig(t, connector, openid);
});
afterEach(() => rig.close());

const count = async (table: string) =>
  Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

async function linkKwaliteit() {
  await rig.post(channelMessage(rig.where, CORA, 'gemeenschap koppel onderwijskwaliteit', { mention: true }));
  return must(
    await rig.core.deps.store.repos.communities.findByChannel(teamsWorkspace, KWALITEIT),
    'community',
  );
}

const messages = () =>
  t.db.query<{
    external_id: string;
    thread_external_id: string | null;
    text: string | null;
    edited: boolean;
    erased: boolean;
  }>(
    `SELECT external_id, thread_external_id, text, edited_at IS NOT NULL AS edited, erased_at IS NOT NULL AS erased
     FROM discussion_messages ORDER BY posted_at, external_id`,
  );

describe('channel ingestion (ChannelMessage.Read.Group)', () => {
  it('stores nothing at all for a message in a channel that is no community', async () => {
    const res = await rig.post(
      channelMessage(rig.where, ANNA, 'Wie heeft een goed leesplan? #kwaliteitszorg', { channel: ELDERS }),
    );
    expect(res.status).toBe(200);
    for (const table of [
      'discussion_messages',
      'members',
      'workspaces',
      'teams_users',
      'inbound_events',
      'conversation_refs',
    ])
      expect([table, await count(table)]).toEqual([table, 0]);
    expect(connector.calls).toHaveLength(0);
  });

  it('records every message of a linked channel once, with its thread and tags; edits and deletes follow', async () => {
    const community = await linkKwaliteit();
    const root = channelMessage(
      rig.where,
      ANNA,
      'Ons leesplan werkt: elke dag twintig minuten #kwaliteitszorg',
    );
    await rig.post(root);
    await rig.post(root); // resent: still one row
    const reply = channelMessage(rig.where, BRAM, 'Hoe meten jullie dat?', { replyTo: root.id });
    await rig.post(reply);
    expect((await messages()).rows).toEqual([
      {
        external_id: root.id,
        thread_external_id: null,
        text: 'Ons leesplan werkt: elke dag twintig minuten #kwaliteitszorg',
        edited: false,
        erased: false,
      },
      {
        external_id: reply.id,
        thread_external_id: root.id,
        text: 'Hoe meten jullie dat?',
        edited: false,
        erased: false,
      },
    ]);
    const repos = rig.core.deps.store.repos;
    const stored = must(await repos.messages.findByExternal(community.id, root.id), 'the root');
    expect(stored.links).toEqual([{ ambitionId: 'a2', source: 'tag', score: null }]);
    expect(must(await repos.messages.findByExternal(community.id, reply.id), 'the reply').links).toEqual([
      { ambitionId: 'a2', source: 'thread', score: null },
    ]);
    // Nothing was said back: discussion is listened to, not answered.
    expect(connector.sent).toHaveLength(1);

    // The edit's tags replace the old ones; a deleted message goes, with its links.
    await rig.post(
      messageUpdate(
        rig.where,
        ANNA,
        root.id,
        'Ons leesplan werkt: elke dag dertig minuten #basisvaardigheden',
      ),
    );
    await rig.post(messageDelete(rig.where, BRAM, reply.id));
    expect((await messages()).rows).toEqual([
      expect.objectContaining({
        external_id: root.id,
        text: 'Ons leesplan werkt: elke dag dertig minuten #basisvaardigheden',
        edited: true,
      }),
    ]);
    expect(must(await repos.messages.findByExternal(community.id, root.id), 'the edited root').links).toEqual(
      [{ ambitionId: 'a1', source: 'tag', score: null }],
    );
    expect(await repos.messages.findByExternal(community.id, reply.id)).toBeNull();
  });

  it('links a message to an ambition through the message action', async () => {
    const community = await linkKwaliteit();
    const message = channelMessage(rig.where, ANNA, 'Wij werken met een leesplan in alle groepen');
    await rig.post(message);
    const res = await rig.post(linkAction(rig.where, BRAM, message.id, 'a1,a2'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      task: { type: 'message', value: expect.stringMatching(/^Het bericht is gekoppeld aan /) },
    });
    const links = must(
      await rig.core.deps.store.repos.messages.findByExternal(community.id, message.id),
      'message',
    ).links;
    expect(links.map((l) => [l.ambitionId, l.source])).toEqual([
      ['a1', 'manual'],
      ['a2', 'manual'],
    ]);
    const unknown = await rig.post(linkAction(rig.where, BRAM, '999', 'a1'));
    expect(unknown.body).toEqual({ task: { type: 'message', value: say('nl', 'error.UNKNOWN_MESSAGE') } });
  });
});

describe('a community digest in Teams', () => {
  it('is posted in the community’s channel as a thread: the overview first, one reply per ambition', async () => {
    await linkKwaliteit();
    await rig.post(
      channelMessage(rig.where, ANNA, 'Ons leesplan werkt: elke dag twintig minuten #kwaliteitszorg'),
    );
    await rig.post(
      channelMessage(rig.where, BRAM, 'Wij oefenen rekenen elke dag tien minuten #basisvaardigheden'),
    );
    const worker = new OutboxWorker(rig.core.deps, [rig.adapter.sender], {
      // The rate limiter waits on the test's clock.
      sleep: async (ms) => rig.clock.advance(ms),
      replica: 'test',
    });
    await worker.drain(); // the channel's welcome
    // The period of 22 February to 7 March 2027 has passed; its digest goes out the day after, at 9:00.
    rig.clock.set('2027-03-09T10:00:00Z');
    expect(await rig.core.queueDigests()).toHaveLength(1);
    connector.reset();
    await worker.drain();

    const [root, ...replies] = connector.sent;
    expect(root?.conversationId).toBe(KWALITEIT);
    expect(root?.body?.text).toBe(
      '**Overzicht leergemeenschap: Onderwijskwaliteit**\n\n22 februari 2027 t/m 7 maart 2027 · 2 berichten',
    );
    const row = await t.db.query<{ status: string; result: { activityId: string; replies: number } }>(
      "SELECT status, result FROM outbox WHERE kind = 'community.digest'",
    );
    expect(row.rows).toEqual([
      { status: 'sent', result: expect.objectContaining({ activityId: expect.any(String), replies: 2 }) },
    ]);
    const thread = `${KWALITEIT};messageid=${row.rows[0]?.result.activityId}`;
    expect(replies.map((r) => r.conversationId)).toEqual([thread, thread]);
    const texts = replies.map((r) => String(r.body?.text));
    expect(texts[0]).toMatch(
      /^\*\*Ambitie 1: Trend van achterblijvende onderwijsresultaten kenteren\*\*\n\n/,
    );
    expect(texts[0]).toContain('• Wij oefenen rekenen elke dag tien minuten');
    expect(texts[1]).toMatch(/^\*\*Ambitie 2: /);
    expect(texts[1]).toContain('**Kernpunten**');
    expect(texts[1]).toContain('Ons leesplan werkt: elke dag twintig minuten');
    expect(texts.join('\n')).not.toMatch(/\|\s*---|###|\\/);
  });
});
