import { CLI } from '../../src/core/access';
import type { ClaimedMessage } from '../../src/core/delivery-ports';
import { OutboxWorker } from '../../src/delivery/worker';
import { t as say } from '../../src/i18n/index';
import { must, seedPeople } from '../support/core';
import { type SlackRig, startSlackRig } from './harness';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
};
type Posted = { channel: string; text: string; blocks: Block[]; metadata?: unknown };
type OpenedView = {
  trigger_id: string;
  view: { callback_id: string; private_metadata: string; blocks: Block[]; submit?: { text: string } };
};

const texts = (blocks: Block[]) =>
  blocks.flatMap((b) => [
    b.text?.text ?? '',
    ...(b.fields ?? []).map((f) => f.text),
    ...(b.elements ?? []).map((e) => e.text?.text ?? ''),
  ]);
const buttons = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.elements ?? []).filter((e) => e.type === 'button'));

const ANNA = { id: 'UANNA', username: 'anna', team_id: 'T1' };

/** Anna (board A) and her colleagues are asked about ambitions 1 and 2; the check-ins are queued. */
async function openCycle(rig: SlackRig) {
  const { core } = rig;
  const people = await seedPeople(core);
  const cycle = await core.planCycle(CLI, {
    agendaId: 'po-raad-2022-2026',
    name: 'Voorjaar 2027',
    scope: ['a1', 'a2'],
    audience: { boards: [], members: [] },
    opensAt: new Date('2027-03-01T00:00:00Z'),
    closesAt: new Date('2027-03-21T22:00:00Z'),
  });
  await core.openCycle(CLI, cycle.id);
  await core.runDue();
  const worker = new OutboxWorker(core.deps, [rig.adapter.sender], {
    sleep: async (ms) => rig.clock.advance(ms),
    replica: 'test',
  });
  return { ...people, cycle, worker };
}

/** The documented block_actions payload of a button in a bot message in the DM. */
function buttonPress(dm: { channel: string; ts: string }, button: { action_id?: string; value?: string }) {
  return {
    type: 'block_actions',
    user: ANNA,
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: dm.ts, channel_id: dm.channel, is_ephemeral: false },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: 'T1', domain: 'vereniging' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: dm.channel, name: 'directmessage' },
    message: { type: 'message', user: 'UBOT', ts: dm.ts, bot_id: 'BBOT', text: 'Voortgangsupdate' },
    response_url: 'https://hooks.slack.invalid/actions/T1/1/abc',
    actions: [
      {
        action_id: button.action_id,
        block_id: 'actions-1',
        text: { type: 'plain_text', text: 'Invullen', emoji: true },
        value: button.value,
        type: 'button',
        action_ts: '1700000500.000500',
      },
    ],
  };
}

/** The documented view_submission payload: the opened view with what was filled in. */
function submission(opened: OpenedView, values: Record<string, Record<string, unknown>>) {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'vereniging' },
    user: ANNA,
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    trigger_id: '13345224609.738474920.8088930838d88f008e1',
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: opened.view.callback_id,
      private_metadata: opened.view.private_metadata,
      blocks: opened.view.blocks,
      hash: '156772938.1827394',
      state: {
        values: Object.fromEntries(Object.entries(values).map(([id, state]) => [id, { [id]: state }])),
      },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

const select = (value: string, text: string) => ({
  type: 'static_select',
  selected_option: { text: { type: 'plain_text', text }, value },
});
const typed = (value: string | null, type = 'plain_text_input') => ({ type, value });
const ticked = (on: boolean) => ({
  type: 'checkboxes',
  selected_options: on ? [{ text: { type: 'plain_text', text: 'Ja' }, value: 'true' }] : [],
});

/** Anna's answers; Slack itself already demands the required inputs and keeps numbers within 0-100. */
const answers = (a1: { explanation: string; link: string }) => ({
  status__a1: select('on_track', 'Op koers'),
  progress__a1: typed('60', 'number_input'),
  done__a1: typed('Leesplan in alle groepen'),
  steering__a1: ticked(true),
  explanation__a1: typed(a1.explanation || null),
  link__a1: typed(a1.link || null),
  status__a2: select('attention', 'Aandacht nodig'),
  progress__a2: typed('40', 'number_input'),
  done__a2: typed(null),
  steering__a2: ticked(false),
  explanation__a2: typed(null),
  link__a2: typed(null),
});

/** A member's check-in row as the worker would claim it, to hand to the sender directly. */
async function claimedPrompt(rig: SlackRig, memberId: string): Promise<ClaimedMessage> {
  const row = must(
    (
      await rig.t.db.query<{ id: string; dedupe_key: string; payload: Record<string, unknown> }>(
        `SELECT id, dedupe_key, payload FROM outbox WHERE kind = 'checkin.prompt' AND member_id = $1`,
        [memberId],
      )
    ).rows[0],
    'the check-in row',
  );
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    platform: 'slack',
    workspaceId: 'slack:T1',
    workspaceExternalId: 'T1',
    memberId,
    memberExternalId: 'UANNA',
    conversationId: null,
    kind: 'checkin.prompt',
    payload: row.payload,
    attempts: 1,
    uncertain: false,
    claimToken: 'token',
    createdAt: rig.clock.now(),
  };
}

describe('a check-in through Slack', () => {
  let rig: SlackRig;
  beforeEach(async () => {
    rig = await startSlackRig();
  });
  afterEach(() => rig.close());

  it('goes out as a DM, opens the form, shows field errors, stores a valid submit and turns the DM into the receipt', async () => {
    const { cycle, anna, boardA, worker } = await openCycle(rig);
    const repos = rig.core.deps.store.repos;

    // The check-in goes to Anna's user id, which opens the DM: a message with a button.
    await worker.drain();
    const prompt = must(
      (rig.fake.callsOf('chat.postMessage') as Posted[]).find((c) => c.channel === 'UANNA'),
      'the check-in posted to Anna',
    );
    expect(texts(prompt.blocks)).toEqual(
      expect.arrayContaining([expect.stringContaining('Voortgangsupdate: Voorjaar 2027')]),
    );
    const open = must(
      buttons(prompt.blocks).find((b) => b.action_id === 'checkin.open'),
      'the button that opens the form',
    );
    expect(JSON.parse(open.value ?? '')).toMatchObject({ cycleId: cycle.id });
    const sent = (
      await rig.t.db.query<{ result: { channel: string; ts: string } }>(
        `SELECT result FROM outbox WHERE kind = 'checkin.prompt' AND member_id = $1 AND status = 'sent'`,
        [anna.id],
      )
    ).rows[0]?.result;
    const dm = must(sent, 'where the check-in landed');
    expect(dm.channel).toBe('DANNA');

    // The button: acknowledged at once, the update form opens as a modal with inputs per ambition.
    const pressed = await rig.interact(buttonPress(dm, open));
    expect(pressed.status).toBe(200);
    expect(pressed.ms).toBeLessThan(3000);
    await rig.until(() => rig.fake.callsOf('views.open').length === 1);
    const opened = rig.fake.callsOf('views.open')[0] as OpenedView;
    expect(opened.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    expect(opened.view.callback_id).toBe('update.submit');
    expect(opened.view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(
      expect.arrayContaining(['status__a1', 'progress__a1', 'explanation__a1', 'status__a2', 'link__a2']),
    );

    // Steering needed without saying which, and a link that is no link: errors beside those fields.
    const invalid = await rig.interact(
      submission(opened, answers({ explanation: '', link: 'intranet/leesplan' })),
    );
    expect(invalid.status).toBe(200);
    expect(invalid.ms).toBeLessThan(3000);
    expect(JSON.parse(invalid.text)).toEqual({
      response_action: 'errors',
      errors: {
        explanation__a1: say('nl', 'card.invalid.explanation'),
        link__a1: say('nl', 'card.invalid.link'),
      },
    });
    expect(await repos.updates.current(cycle.id, boardA.id)).toEqual([]);

    // A valid submit: the modal closes, the update is stored and the DM becomes the receipt.
    const valid = await rig.interact(
      submission(
        opened,
        answers({
          explanation: 'Meer leestijd nodig in groep 5',
          link: 'https://intranet.example.nl/leesplan',
        }),
      ),
    );
    expect(valid.status).toBe(200);
    expect(valid.ms).toBeLessThan(3000);
    expect(valid.text).toBe('');
    await rig.until(() => rig.fake.callsOf('chat.update').length === 1);
    const stored = await repos.updates.current(cycle.id, boardA.id);
    expect(stored.map((u) => [u.itemId, u.status, u.progress, u.steeringNeeded, u.memberId])).toEqual([
      ['a1', 'on_track', 60, true, anna.id],
      ['a2', 'attention', 40, false, anna.id],
    ]);
    const receipt = rig.fake.callsOf('chat.update')[0] as Posted & { ts: string };
    expect(receipt).toMatchObject({ channel: 'DANNA', ts: dm.ts });
    expect(texts(receipt.blocks)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Ontvangen: Voorjaar 2027'),
        expect.stringContaining('60%'),
      ]),
    );
    expect(buttons(receipt.blocks).map((b) => b.action_id)).toEqual(['update.edit']);
    expect((await repos.checkIns.get(cycle.id, anna.id))?.answeredAt).not.toBeNull();

    // The cycle closes; a late submit from the still open modal is refused in so many words.
    await rig.core.closeCycle(CLI, cycle.id);
    const late = await rig.interact(
      submission(opened, answers({ explanation: 'Toch nog iets', link: 'https://intranet.example.nl/x' })),
    );
    expect(late.status).toBe(200);
    expect(late.ms).toBeLessThan(3000);
    const refusal = JSON.parse(late.text) as { response_action: string; view: { blocks: Block[] } };
    expect(refusal.response_action).toBe('update');
    expect(texts(refusal.view.blocks).join('\n')).toContain(
      say('nl', 'error.CYCLE_CLOSED', { cycle: 'Voorjaar 2027' }),
    );
    expect(await repos.updates.history(cycle.id, boardA.id, 'a1')).toHaveLength(1);
    expect(rig.fake.callsOf('chat.update')).toHaveLength(1);
  });

  it('says how long to wait on a 429, and delivery then sends the check-in exactly once', async () => {
    const { anna, worker } = await openCycle(rig);
    const message = await claimedPrompt(rig, anna.id);
    rig.fake.failNext('chat.postMessage', 1, 7);
    expect(await rig.adapter.sender.send(message)).toEqual({
      kind: 'retryAfter',
      seconds: 7,
      reason: 'ratelimited',
    });
    expect(rig.fake.calls.map((c) => c.method)).toEqual(['chat.postMessage#429']);

    // Through the worker: the 429 pauses the workspace; after Retry-After each check-in goes out once.
    rig.fake.failNext('chat.postMessage', 1, 30);
    const first = await worker.drain();
    expect(first.retried).toBeGreaterThanOrEqual(1);
    rig.clock.advance(30_000);
    await worker.drain();
    const toAnna = rig.fake.callsOf('chat.postMessage').filter((c) => c.channel === 'UANNA');
    expect(toAnna).toHaveLength(1);
    const members = rig.fake.callsOf('chat.postMessage').map((c) => c.channel);
    expect(new Set(members).size).toBe(members.length);
    expect(
      (await rig.t.db.query(`SELECT 1 FROM outbox WHERE kind = 'checkin.prompt' AND status <> 'sent'`)).rows,
    ).toEqual([]);
  });

  it('looks before posting again when an earlier send may have reached Slack, and never posts twice', async () => {
    const { anna } = await openCycle(rig);
    const message = await claimedPrompt(rig, anna.id);
    const first = await rig.adapter.sender.send(message);
    expect(first.kind).toBe('ok');
    // The process died before marking the row sent: the next claim is uncertain and finds the first post.
    const again = await rig.adapter.sender.lookUp?.({ ...message, uncertain: true, attempts: 2 });
    expect(again).toEqual({ kind: 'found', ref: first.kind === 'ok' ? first.ref : null });
    expect(rig.fake.callsOf('chat.postMessage').filter((c) => c.channel === 'UANNA')).toHaveLength(1);
    expect(rig.fake.callsOf('conversations.history')[0]).toMatchObject({ channel: 'DANNA' });

    // Uncertain, but nothing arrived: it is posted (once).
    const other = { ...message, dedupeKey: `${message.dedupeKey}:other`, uncertain: true };
    expect(await rig.adapter.sender.lookUp?.(other)).toEqual({ kind: 'absent' });
    expect((await rig.adapter.sender.send(other)).kind).toBe('ok');
    expect(rig.fake.callsOf('chat.postMessage').filter((c) => c.channel === 'UANNA')).toHaveLength(2);
  });
});
