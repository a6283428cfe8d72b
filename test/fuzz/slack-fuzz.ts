import { type SlackRig, startCommunityRig } from '../slack/harness';
import { breakText, mutate, pick, type Random } from './mutate';
import { type FuzzStats, type RowCounter, rowCounter, tally } from './stats';

/**
 * Validly signed, mutated Slack requests through the real Bolt receiver: slash commands, block actions,
 * view submissions, message shortcuts, block suggestions and Events API callbacks, each built from a
 * documented payload shape and then bent.
 */

const COMMANDS = [
  'help',
  'agenda',
  'lid',
  'praktijk',
  'samenvatting a1',
  'cyclus',
  'cyclus plan Voorjaar 2027-03-03 2027-03-20',
  'mijn-gegevens',
  'gemeenschap koppel onderwijskwaliteit',
  'dashboard',
];

const user = (id: string) => ({ id, team_id: 'T1', username: id.toLowerCase(), name: id.toLowerCase() });

function interactionSeeds(practiceMeta: string): Record<string, unknown>[] {
  const view = (callback_id: string, private_metadata: string, values: Record<string, unknown>) => ({
    type: 'view_submission',
    team: { id: 'T1', domain: 'vereniging' },
    user: user('UANNA'),
    api_app_id: 'A1',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    view: {
      id: 'VFUZZ1',
      team_id: 'T1',
      type: 'modal',
      callback_id,
      private_metadata,
      hash: '156772938.1827394',
      state: { values },
    },
  });
  const text = (id: string, value: string) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
  const action = (action_id: string, value: string) => ({
    type: 'block_actions',
    team: { id: 'T1', domain: 'vereniging' },
    user: user('UCOORD'),
    api_app_id: 'A1',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    container: { type: 'message', message_ts: '1700000100.000200', channel_id: 'DANNA', is_ephemeral: false },
    channel: { id: 'DANNA', name: 'directmessage' },
    actions: [{ action_id, block_id: 'b1', value, type: 'button', action_ts: '1700000101.000000' }],
  });
  return [
    action('checkin.open', '{"cycleId":"c1"}'),
    action('update.edit', '{"cycleId":"c1","page":2}'),
    action('profile.open', '{}'),
    action('cycle.remind', '{"cycleId":"c1"}'),
    action('cycle.close', '{"cycleId":"c1"}'),
    view('practice.submit', practiceMeta, {
      ...text('title', 'Leesplan'),
      ...text('description', 'Elke week vrij lezen.'),
      ambitions: { ambitions: { type: 'multi_static_select', selected_options: [{ value: 'a1' }] } },
      ...text('instruments', ''),
      ...text('contact', 'anna@example.nl'),
    }),
    view(
      'update.submit',
      JSON.stringify({ card: '{"cycleId":"c1","page":1}' }),
      text('a1.status', 'on_track'),
    ),
    view('profile.submit', JSON.stringify({ card: '{}' }), {
      locale: { locale: { type: 'static_select', selected_option: { value: 'nl' } } },
    }),
    view(
      'link_to_ambition',
      JSON.stringify({ channel: 'C-KWAL', ts: '1700000300.000300', text: 'Leesplan', user: 'UBRAM' }),
      { ambitions: { ambitions: { type: 'multi_static_select', selected_options: [{ value: 'a1' }] } } },
    ),
    {
      type: 'message_action',
      callback_id: 'link_to_ambition',
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
      team: { id: 'T1', domain: 'vereniging' },
      user: user('UANNA'),
      channel: { id: 'C-KWAL', name: 'onderwijskwaliteit' },
      message: { type: 'message', ts: '1700000300.000300', text: 'Leesplan', user: 'UBRAM' },
    },
    {
      type: 'block_suggestion',
      team: { id: 'T1', domain: 'vereniging' },
      user: user('UANNA'),
      action_id: 'board',
      block_id: 'board',
      value: 'Stichting',
    },
    { type: 'view_closed', team: { id: 'T1' }, user: user('UANNA'), view: { id: 'V1' } },
  ];
}

const EVENTS: Record<string, unknown>[] = [
  {
    type: 'message',
    channel: 'C-KWAL',
    user: 'UANNA',
    text: 'Ons leesplan werkt #a1',
    ts: '1700000400.000400',
  },
  {
    type: 'message',
    channel: 'C-KWAL',
    user: 'UBRAM',
    text: 'Reactie',
    ts: '1700000401.000401',
    thread_ts: '1700000400.000400',
  },
  {
    type: 'message',
    subtype: 'message_changed',
    channel: 'C-KWAL',
    event_ts: '1700000402.000402',
    message: { ts: '1700000400.000400', text: 'Bewerkt', user: 'UANNA', edited: { ts: '1700000402.000402' } },
  },
  { type: 'message', subtype: 'message_deleted', channel: 'C-KWAL', deleted_ts: '1700000401.000401' },
  { type: 'member_joined_channel', user: 'UCARLA', channel: 'C-KWAL', team: 'T1' },
  { type: 'app_home_opened', user: 'UANNA', tab: 'home' },
];

export interface SlackFuzz {
  rig: SlackRig;
  rows: RowCounter;
  close(): Promise<void>;
}

export async function startSlackFuzz(): Promise<SlackFuzz> {
  const rig = await startCommunityRig();
  return { rig, rows: await rowCounter(rig.t.db), close: () => rig.close() };
}

/** Sends `count` mutated requests; refused ones (4xx) must leave every table as it was. */
export async function fuzzSlack(
  f: SlackFuzz,
  random: Random,
  count: number,
  stats: FuzzStats,
): Promise<void> {
  const { rig } = f;
  await rig.command('praktijk');
  await rig.settled();
  const opened = rig.fake.callsOf('views.open').at(-1) as
    | { view?: { private_metadata?: string } }
    | undefined;
  const seeds = interactionSeeds(opened?.view?.private_metadata ?? '{}');
  let seq = 0;
  for (let i = 0; i < count; i++) {
    await rig.settled();
    const before = await f.rows.snapshot();
    const kind = pick(random, ['command', 'interaction', 'interaction', 'event', 'event'] as const);
    let body: string;
    let contentType = 'application/x-www-form-urlencoded';
    if (kind === 'command') {
      const fields = mutate(random, {
        token: 'deprecated-verification-token',
        team_id: 'T1',
        team_domain: 'vereniging',
        channel_id: 'C-KWAL',
        channel_name: 'onderwijskwaliteit',
        user_id: pick(random, ['UANNA', 'UCOORD', 'UBRAM']),
        user_name: 'anna',
        command: '/samenspraak',
        text: pick(random, COMMANDS),
        api_app_id: 'A1',
        response_url: rig.fake.responseUrl(),
        trigger_id: '13345224609.738474920.8088930838d88f008e0',
      });
      body = new URLSearchParams(fields as Record<string, string>).toString();
    } else if (kind === 'interaction') {
      body = new URLSearchParams({ payload: JSON.stringify(mutate(random, pick(random, seeds))) }).toString();
    } else {
      contentType = 'application/json';
      body = JSON.stringify(
        mutate(random, {
          token: 'deprecated-verification-token',
          team_id: 'T1',
          api_app_id: 'A1',
          event: pick(random, EVENTS),
          type: 'event_callback',
          event_id: `EvFUZZ${++seq}`,
          event_time: 1_700_000_000,
          authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        }),
      );
    }
    if (random() < 0.08) body = breakText(random, body);
    const res = await rig.post(body, { contentType });
    tally(stats, `slack ${kind}`, res.status);
    if (res.status >= 400 && res.status < 500)
      await f.rows.unchanged(before, `slack ${kind} ${res.status}`, stats);
  }
  await rig.settled();
}
