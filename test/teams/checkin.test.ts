import { CLI } from '../../src/core/access';
import type { ClaimedMessage } from '../../src/core/delivery-ports';
import { OutboxWorker } from '../../src/delivery/worker';
import { t as say } from '../../src/i18n/index';
import { must } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from './fake-connector';
import {
  ANNA,
  BRAM,
  CORA,
  cardAction,
  installPersonal,
  installTeam,
  personalConversationId,
  TEAM,
  TENANT,
} from './fixtures';
import {
  cardOf,
  cardTexts,
  inputsOf,
  seedBoards,
  startTeamsRig,
  type TeamsRig,
  teamsWorkspace,
} from './harness';
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

const roster = (p: typeof ANNA) => ({
  ...p,
  tenantId: TENANT,
  userRole: 'user',
  email: `${p.name.split(' ')[0]}@example.nl`,
});

/**
 * The bot joins the team (learning Cora, Anna and Bram from the roster), Bram also installs it personally,
 * Anna and Bram choose board A, and a cycle about ambitions 1 and 2 opens: their check-ins are queued.
 */
async function openCycle() {
  const { core } = rig;
  const repos = core.deps.store.repos;
  const { boardA } = await seedBoards(core);
  connector.rosters.set(TEAM, [roster(CORA), roster(ANNA), roster(BRAM)]);
  expect((await rig.post(installTeam(rig.where, CORA))).status).toBe(200);
  expect((await rig.post(installPersonal(rig.where, BRAM))).status).toBe(200);
  const anna = must(await repos.members.findByExternal(teamsWorkspace, ANNA.aadObjectId), 'Anna');
  const bram = must(await repos.members.findByExternal(teamsWorkspace, BRAM.aadObjectId), 'Bram');
  await core.chooseBoard(anna.id, boardA.id);
  await core.chooseBoard(bram.id, boardA.id);
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
  connector.reset();
  const worker = new OutboxWorker(core.deps, [rig.adapter.sender], {
    sleep: async () => {},
    replica: 'test',
  });
  return { cycle, anna, bram, boardA, worker };
}

const answers = (cycleId: string, values: Record<string, string>) => ({
  cycleId,
  page: 1,
  items: ['a1', 'a2'],
  ...values,
});

describe('a check-in through Teams', () => {
  it('goes out proactively, shows errors on the card, stores a valid submit and turns the message into the receipt', async () => {
    const { cycle, anna, boardA, worker } = await openCycle();
    const repos = rig.core.deps.store.repos;

    // Anna never chatted with the bot: a 1:1 chat is created from what the roster told, then the card is posted.
    await worker.drain();
    expect(connector.created).toHaveLength(1);
    expect(connector.created[0]?.body).toMatchObject({
      isGroup: false,
      members: [{ id: ANNA.id }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    const prompt = must(
      connector.sent.find((c) => c.conversationId === 'a:created-1'),
      'the check-in posted to Anna',
    );
    const promptCard = cardOf(prompt.body);
    expect(cardTexts(promptCard)).toEqual(
      expect.arrayContaining([
        'Voortgangsupdate: Voorjaar 2027',
        'Voorjaar 2027',
        'Stichting Openbaar Onderwijs Noord',
      ]),
    );
    expect(promptCard.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'checkin.open',
        data: { verb: 'checkin.open', cycleId: cycle.id },
      }),
    ]);
    const promptId = (
      await t.db.query<{ result: { activityId: string } }>(
        `SELECT result FROM outbox WHERE kind = 'checkin.prompt' AND member_id = $1`,
        [anna.id],
      )
    ).rows[0]?.result.activityId;
    expect(promptId).toMatch(/^activity-/);
    // Bram has a 1:1 chat already: his goes there, no new conversation.
    expect(connector.sent.some((c) => c.conversationId === personalConversationId(BRAM))).toBe(true);

    // She opens the form: it replaces the card, one set of inputs per ambition.
    const where = { replyToId: promptId, conversationId: 'a:created-1' };
    const opened = await rig.post(cardAction(rig.where, ANNA, 'checkin.open', { cycleId: cycle.id }, where));
    expect(opened.status).toBe(200);
    const form = (opened.body as { type: string; value: Record<string, unknown> }).value;
    expect((opened.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    expect([...inputsOf(form).keys()]).toEqual(
      expect.arrayContaining(['status__a1', 'progress__a1', 'explanation__a1', 'status__a2', 'link__a2']),
    );

    // An invalid submit: the card comes back with what she typed and a message under each wrong input.
    const wrong = answers(cycle.id, {
      status__a1: 'on_track',
      progress__a1: '150',
      done__a1: 'Leesplan in alle groepen',
      steering__a1: 'true',
      explanation__a1: '',
      link__a1: 'intranet/leesplan',
      status__a2: 'attention',
      progress__a2: '40',
      steering__a2: 'false',
    });
    const invalid = await rig.post(cardAction(rig.where, ANNA, 'update.submit', wrong, where));
    expect(invalid.status).toBe(200);
    const errorCard = (invalid.body as { value: Record<string, unknown> }).value;
    const texts = cardTexts(errorCard);
    expect(texts[0]).toContain('Niet alles is goed ingevuld');
    expect(texts).toEqual(
      expect.arrayContaining([
        say('nl', 'card.invalid.progress'),
        say('nl', 'card.invalid.explanation'),
        say('nl', 'card.invalid.link'),
      ]),
    );
    expect(inputsOf(errorCard).get('progress__a1')?.value).toBe('150');
    expect(inputsOf(errorCard).get('done__a1')?.value).toBe('Leesplan in alle groepen');
    expect(await repos.updates.current(cycle.id, boardA.id)).toEqual([]);
    expect(connector.updated).toHaveLength(0);

    // A valid submit: stored, the receipt shown, and the check-in message itself updated to the receipt.
    const right = cardAction(
      rig.where,
      ANNA,
      'update.submit',
      answers(cycle.id, {
        ...(wrong as unknown as Record<string, string>),
        progress__a1: '60',
        explanation__a1: 'Meer leestijd nodig in groep 5',
        link__a1: 'https://intranet.example.nl/leesplan',
      }),
      where,
    );
    const valid = await rig.post(right);
    expect(valid.status).toBe(200);
    const receipt = (valid.body as { value: Record<string, unknown> }).value;
    expect(cardTexts(receipt)).toEqual(expect.arrayContaining(['Ontvangen: Voorjaar 2027', '60%']));
    const stored = await repos.updates.current(cycle.id, boardA.id);
    expect(stored.map((u) => [u.itemId, u.status, u.progress, u.steeringNeeded, u.memberId])).toEqual([
      ['a1', 'on_track', 60, true, anna.id],
      ['a2', 'attention', 40, false, anna.id],
    ]);
    expect(connector.updated).toHaveLength(1);
    expect(connector.updated[0]).toMatchObject({ conversationId: 'a:created-1', activityId: promptId });
    expect(cardOf(connector.updated[0]?.body ?? null)).toEqual(receipt);
    expect((await repos.checkIns.get(cycle.id, anna.id))?.answeredAt).not.toBeNull();

    // Teams resends the same invoke: the same answer, nothing done twice.
    const again = await rig.post(right);
    expect(again).toEqual(valid);
    expect(await repos.updates.history(cycle.id, boardA.id, 'a1')).toHaveLength(1);
    expect(connector.updated).toHaveLength(1);
  });

  it('marks a member who removed the bot (403) unreachable instead of retrying, and tells the coordinators', async () => {
    const { bram, worker } = await openCycle();
    connector.fail('POST', new RegExp(`/v3/conversations/${personalConversationId(BRAM)}/activities$`), 403, {
      times: 5,
    });
    await worker.drain();
    const repos = rig.core.deps.store.repos;
    expect((await repos.members.get(bram.id))?.unreachableAt).not.toBeNull();
    const tries = connector.calls.filter((c) => c.conversationId === personalConversationId(BRAM));
    expect(tries).toHaveLength(1);
    const rows = await t.db.query<{ kind: string; status: string; member_id: string }>(
      `SELECT kind, status, member_id FROM outbox ORDER BY kind`,
    );
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { kind: 'checkin.prompt', status: 'dead', member_id: bram.id },
        expect.objectContaining({ kind: 'notice.delivery', status: 'pending' }),
      ]),
    );
  });

  it('says how long to wait on a 429 and does not retry by itself; 503 may have been taken', async () => {
    const { bram } = await openCycle();
    const message: ClaimedMessage = {
      id: 'row-1',
      dedupeKey: 'test:429',
      platform: 'teams',
      workspaceId: teamsWorkspace,
      workspaceExternalId: TENANT,
      memberId: bram.id,
      memberExternalId: BRAM.aadObjectId,
      conversationId: null,
      kind: 'checkin.reminder',
      payload: { cycleId: (await rig.core.listCycles())[0]?.id, memberId: bram.id, number: 1 },
      attempts: 1,
      uncertain: false,
      claimToken: 'token',
      createdAt: rig.clock.now(),
    };
    connector.fail('POST', /\/activities$/, 429, { headers: { 'retry-after': '7' } });
    expect(await rig.adapter.sender.send(message)).toEqual({
      kind: 'retryAfter',
      seconds: 7,
      reason: 'HTTP 429',
    });
    expect(connector.calls).toHaveLength(1);
    connector.fail('POST', /\/activities$/, 503);
    expect(await rig.adapter.sender.send(message)).toEqual({ kind: 'uncertain', reason: 'HTTP 503' });
    const sent = await rig.adapter.sender.send(message);
    expect(sent).toMatchObject({ kind: 'ok', ref: { conversationId: personalConversationId(BRAM) } });
    expect(connector.sent.at(-1)?.body).toMatchObject({
      summary: 'Herinnering: de check-in van Voorjaar 2027 staat nog voor je open.',
      channelData: { samenspraak: { dedupeKey: 'test:429' } },
    });
  });
});
