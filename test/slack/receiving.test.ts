import { type SlackRig, sign, startSlackRig } from './harness';

describe('Slack: receiving', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig();
  });
  afterAll(() => rig.close());

  const count = async (table: string) =>
    (await rig.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;

  it('answers the url_verification challenge', async () => {
    const res = await rig.post(
      JSON.stringify({
        token: 't',
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
        type: 'url_verification',
      }),
      {
        contentType: 'application/json',
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('refuses a wrong signature and a timestamp older than five minutes with 401, changing nothing', async () => {
    const members = await count('members');
    const body = new URLSearchParams({
      command: '/samenspraak',
      text: 'help',
      team_id: 'T1',
      user_id: 'UEVIL',
    }).toString();
    const forged = await rig.post(body, {
      signature: sign(body, Math.floor(Date.now() / 1000), 'not-the-secret'),
    });
    expect(forged.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await rig.post(body, { timestamp: old, signature: sign(body, old) });
    expect(stale.status).toBe(401);
    expect(await count('members')).toBe(members);
    expect(rig.fake.responses).toEqual([]);
  });

  it('acknowledges a command at once and answers privately through the response URL', async () => {
    const res = await rig.command('help');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await rig.until(() => rig.fake.responses.length > 0);
    expect(rig.fake.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('*Samenspraak* helpt je bestuur'),
    });
  });

  it('refuses a member who is not a coordinator politely when starting a cycle', async () => {
    const before = rig.fake.responses.length;
    await rig.command('cyclus start voorjaar');
    await rig.until(() => rig.fake.responses.length > before);
    expect(rig.fake.responses.at(-1)?.body.text).toBe(
      'Dit kan alleen een coördinator van de vereniging. Vraag een coördinator om het voor je te doen.',
    );
    expect(await count('cycles')).toBe(0);
  });

  it('lets a coordinator link a channel, records its messages once even when Slack retries, and nothing from other channels', async () => {
    const before = rig.fake.responses.length;
    await rig.command('gemeenschap koppel onderwijskwaliteit', { user_id: 'UCOORD' });
    await rig.until(() => rig.fake.responses.length > before);
    const message = {
      type: 'message',
      channel: 'C-KWAL',
      user: 'UANNA',
      text: 'Wij zijn gestart met een schoolbreed leesplan #basisvaardigheden',
      ts: '1700000100.000200',
      event_ts: '1700000100.000200',
      channel_type: 'channel',
    };
    const first = await rig.event(message, { eventId: 'Ev-LEES' });
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(3000);
    await rig.until(async () => (await count('discussion_messages')) === 1);
    const retry = await rig.event(
      { ...message, text: 'tweede levering' },
      { eventId: 'Ev-LEES', retryNum: 1 },
    );
    expect(retry.status).toBe(200);
    await rig.event({ ...message, channel: 'C-RANDOM', ts: '1700000200.000300' }, { eventId: 'Ev-RANDOM' });
    await rig.event(
      { ...message, ts: '1700000300.000400', bot_id: 'B1', subtype: 'bot_message' },
      { eventId: 'Ev-BOT' },
    );
    await rig.settled();
    const rows = await rig.t.db.query<{ text: string }>('SELECT text FROM discussion_messages');
    expect(rows.rows).toEqual([{ text: message.text }]);
    const links = await rig.t.db.query<{ ambition_id: string }>('SELECT ambition_id FROM message_ambitions');
    expect(links.rows).toEqual([{ ambition_id: 'a1' }]);
  });

  it('greets a newcomer of a community channel privately and shows App Home', async () => {
    await rig.event({
      type: 'member_joined_channel',
      user: 'UBRAM',
      channel: 'C-KWAL',
      channel_type: 'C',
      team: 'T1',
    });
    await rig.until(() => rig.fake.callsOf('chat.postEphemeral').length > 0);
    expect(rig.fake.callsOf('chat.postEphemeral')[0]).toMatchObject({
      channel: 'C-KWAL',
      user: 'UBRAM',
      text: expect.stringContaining('Welkom in de leergemeenschap *Onderwijskwaliteit*'),
    });
    await rig.event({
      type: 'app_home_opened',
      user: 'UCOORD',
      channel: 'D1',
      tab: 'home',
      event_ts: '1700000400.1',
    });
    await rig.until(() => rig.fake.callsOf('views.publish').length > 0);
    const view = rig.fake.callsOf('views.publish')[0] as {
      user_id: string;
      view: { blocks: { text?: { text: string } }[] };
    };
    expect(view.user_id).toBe('UCOORD');
    expect(view.view.blocks.map((b) => b.text?.text).join('\n')).toContain('Er loopt nu geen cyclus.');
  });
});
