import { t as say } from '../../src/i18n/index';
import { must } from '../support/core';
import { type SlackRig, startCommunityRig } from './harness';

type LinkModal = {
  trigger_id: string;
  view: {
    callback_id?: string;
    private_metadata?: string;
    blocks: {
      block_id?: string;
      text?: { text: string };
      element?: { type: string; options: { value: string }[] };
    }[];
  };
};

/** The documented message_action payload of a message shortcut, here on Bram's message. */
const shortcut = (channel: string, ts: string) => ({
  type: 'message_action',
  token: 'deprecated-verification-token',
  action_ts: '1700000600.000600',
  team: { id: 'T1', domain: 'vereniging' },
  user: { id: 'UANNA', username: 'anna', name: 'anna', team_id: 'T1' },
  channel: { id: channel, name: 'onderwijskwaliteit' },
  is_enterprise_install: false,
  enterprise: null,
  callback_id: 'link_to_ambition',
  trigger_id: '13345224609.738474920.8088930838d88f008e2',
  response_url: 'https://hooks.slack.invalid/app/T1/2/def',
  message_ts: ts,
  message: {
    type: 'message',
    user: 'UBRAM',
    ts,
    text: 'Onze intern begeleiders delen hun aanpak voor dyslexie in een open les.',
    client_msg_id: 'c8a1b2e4-0000-4000-8000-000000000001',
  },
});

describe('Slack: "Koppel aan ambitie" on a message', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startCommunityRig();
  });
  afterAll(() => rig.close());

  it('opens a modal with the agenda’s ambitions and links the message to the chosen ones', async () => {
    const ts = '1690000000.000100'; // from before the channel was linked: not stored yet
    const res = await rig.interact(shortcut('C-KWAL', ts));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await rig.until(() => rig.fake.callsOf('views.open').length === 1);
    const opened = rig.fake.callsOf('views.open')[0] as LinkModal;
    expect(opened.trigger_id).toBe('13345224609.738474920.8088930838d88f008e2');
    expect(opened.view.callback_id).toBe('link_to_ambition');
    const select = must(
      opened.view.blocks.find((b) => b.block_id === 'ambitions')?.element,
      'the ambition list',
    );
    expect(select.type).toBe('multi_static_select');
    expect(select.options.map((o) => o.value)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
      'a8',
      'a9',
      'a10',
    ]);

    const submitted = await rig.interact({
      type: 'view_submission',
      team: { id: 'T1', domain: 'vereniging' },
      user: { id: 'UANNA', username: 'anna', name: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'deprecated-verification-token',
      trigger_id: '13345224609.738474920.8088930838d88f008e3',
      view: {
        id: 'V2',
        team_id: 'T1',
        type: 'modal',
        callback_id: 'link_to_ambition',
        private_metadata: opened.view.private_metadata,
        blocks: opened.view.blocks,
        hash: '156772938.1827395',
        state: {
          values: {
            ambitions: {
              ambitions: {
                type: 'multi_static_select',
                selected_options: [
                  { text: { type: 'plain_text', text: 'a3' }, value: 'a3' },
                  { text: { type: 'plain_text', text: 'a2' }, value: 'a2' },
                ],
              },
            },
          },
        },
      },
      response_urls: [],
      is_enterprise_install: false,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.ms).toBeLessThan(3000);
    expect(submitted.text).toBe('');
    await rig.until(() => rig.fake.callsOf('chat.postEphemeral').length === 1);
    expect(rig.fake.callsOf('chat.postEphemeral')[0]).toMatchObject({
      channel: 'C-KWAL',
      user: 'UANNA',
      text: say('nl', 'slack.link.done', { ambitions: 'a2, a3' }),
    });
    const rows = await rig.t.db.query<{ text: string; author: string; ambition_id: string; source: string }>(
      `SELECT m.text, a.name AS author, l.ambition_id, l.source
         FROM discussion_messages m JOIN members a ON a.id = m.member_id
         JOIN message_ambitions l ON l.message_id = m.id
        WHERE m.external_id = $1 ORDER BY l.ambition_id`,
      [ts],
    );
    const text = shortcut('C-KWAL', ts).message.text;
    expect(rows.rows).toEqual([
      { text, author: 'Bram Jansen', ambition_id: 'a2', source: 'manual' },
      { text, author: 'Bram Jansen', ambition_id: 'a3', source: 'manual' },
    ]);
  });

  it('refuses a submission whose private_metadata is not ours with a message next to the field', async () => {
    const links = (await rig.t.db.query('SELECT 1 FROM message_ambitions')).rows.length;
    const res = await rig.interact({
      type: 'view_submission',
      team: { id: 'T1', domain: 'vereniging' },
      user: { id: 'UANNA', username: 'anna', name: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: '13345224609.738474920.8088930838d88f008e4',
      view: {
        id: 'V3',
        type: 'modal',
        callback_id: 'link_to_ambition',
        private_metadata: 'not json {',
        state: {
          values: {
            ambitions: { ambitions: { type: 'multi_static_select', selected_options: [{ value: 'a3' }] } },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({
      response_action: 'errors',
      errors: { ambitions: say('nl', 'error.INPUT_INVALID', { detail: '' }) },
    });
    expect((await rig.t.db.query('SELECT 1 FROM message_ambitions')).rows.length).toBe(links);
  });

  it('says so when the message is not in a community channel, storing nothing', async () => {
    const before = rig.fake.callsOf('views.open').length;
    await rig.interact(shortcut('C-RANDOM', '1690000000.000200'));
    await rig.until(() => rig.fake.callsOf('views.open').length > before);
    const opened = rig.fake.callsOf('views.open').at(-1) as LinkModal;
    expect(opened.view.callback_id).toBeUndefined();
    expect(opened.view.blocks.map((b) => b.text?.text)).toEqual([say('nl', 'error.NOT_A_COMMUNITY_CHANNEL')]);
    await rig.settled();
    const stored = await rig.t.db.query(
      `SELECT 1 FROM discussion_messages WHERE external_id = '1690000000.000200'`,
    );
    expect(stored.rows).toEqual([]);
  });
});
