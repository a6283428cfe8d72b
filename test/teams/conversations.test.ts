import { t as say } from '../../src/i18n/index';
import { must } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from './fake-connector';
import {
  ANNA,
  BRAM,
  CORA,
  cardAction,
  channelMessage,
  GENERAL,
  installPersonal,
  installTeam,
  KWALITEIT,
  membersAdded,
  personalConversationId,
  personalMessage,
  TEAM,
  TENANT,
} from './fixtures';
import { cardOf, cardTexts, startTeamsRig, type TeamsRig, teamsWorkspace } from './harness';
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

const DAAN = {
  id: '29:1daan-Hw4e6Ty1',
  name: 'Daan Smit',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000d444',
};
const inRoster = (p: typeof ANNA) => ({ ...p, tenantId: TENANT, userRole: 'user' });
const lastText = () => String(connector.sent.at(-1)?.body?.text ?? '');

describe('installing Samenspraak in Teams', () => {
  it('stores the 1:1 chat of a person who installs it and greets them with the welcome card', async () => {
    expect((await rig.post(installPersonal(rig.where, ANNA))).status).toBe(200);
    const repos = rig.core.deps.store.repos;
    const anna = must(await repos.members.findByExternal(teamsWorkspace, ANNA.aadObjectId), 'Anna');
    expect(anna).toMatchObject({ name: 'Anna de Vries', platform: 'teams', locale: 'nl' });
    const ref = must(await repos.teams.personalConversationRef(anna.id), 'her 1:1 chat');
    expect(ref).toMatchObject({
      kind: 'personal',
      conversationId: personalConversationId(ANNA),
      memberId: anna.id,
    });
    expect(ref.reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: connector.url,
      user: { id: ANNA.id },
      conversation: { id: personalConversationId(ANNA), tenantId: TENANT },
    });
    const welcome = must(connector.sent[0], 'the welcome');
    expect(welcome.conversationId).toBe(personalConversationId(ANNA));
    expect(welcome.body?.summary).toBe(say('nl', 'teams.welcome.personal', { name: 'Anna de Vries' }));
    expect(cardTexts(cardOf(welcome.body))).toEqual(
      expect.arrayContaining([say('nl', 'card.welcome.title')]),
    );
  });

  it('learns the team from the roster, stores the channel, and shows coordinators more by refresh', async () => {
    connector.rosters.set(TEAM, [inRoster(CORA), inRoster(ANNA), inRoster(BRAM)]);
    expect((await rig.post(installTeam(rig.where, CORA))).status).toBe(200);
    const repos = rig.core.deps.store.repos;
    const members = await t.db.query<{
      name: string;
      aad_object_id: string;
      roles: string[];
      user_id: string;
    }>(
      `SELECT m.name, m.aad_object_id, m.roles, u.user_id FROM members m JOIN teams_users u ON u.member_id = m.id ORDER BY m.name`,
    );
    expect(members.rows).toEqual([
      { name: 'Anna de Vries', aad_object_id: ANNA.aadObjectId, roles: ['member'], user_id: ANNA.id },
      { name: 'Bram Jansen', aad_object_id: BRAM.aadObjectId, roles: ['member'], user_id: BRAM.id },
      {
        name: 'Cora Coördinator',
        aad_object_id: CORA.aadObjectId,
        roles: ['member', 'coordinator'],
        user_id: CORA.id,
      },
    ]);
    expect(await repos.teams.teamConversationRef(teamsWorkspace, TEAM)).toMatchObject({
      kind: 'channel',
      conversationId: GENERAL,
      teamId: TEAM,
    });
    const welcome = must(connector.sent[0], 'the welcome in the channel');
    expect(welcome.conversationId).toBe(GENERAL);
    const card = cardOf(welcome.body);
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { card: 'welcome', verb: 'refresh' } },
      userIds: [CORA.id],
    });
    const base = cardTexts(card);
    const asCora = await rig.post(
      cardAction(rig.where, CORA, 'refresh', { card: 'welcome' }, { conversationId: GENERAL }),
    );
    const coraSees = cardTexts((asCora.body as { value: unknown }).value);
    expect(coraSees.length).toBeGreaterThan(base.length);
    expect(coraSees).toEqual(expect.arrayContaining(base));

    // Someone joins the team later: learnt too, the name from the roster.
    connector.rosters.set(TEAM, [inRoster(DAAN)]);
    await rig.post(membersAdded(rig.where, CORA, [{ id: DAAN.id, aadObjectId: DAAN.aadObjectId }]));
    expect(await repos.members.findByExternal(teamsWorkspace, DAAN.aadObjectId)).toMatchObject({
      name: 'Daan Smit',
    });
  });
});

describe('commands in Teams', () => {
  it('answers in the 1:1 chat, with Teams Markdown', async () => {
    await rig.post(personalMessage(rig.where, ANNA, 'help'));
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.conversationId).toBe(personalConversationId(ANNA));
    expect(lastText()).toContain('**Samenspraak** helpt je bestuur en de vereniging');
    expect(connector.sent[0]?.body?.textFormat).toBe('markdown');
  });

  it('sends a member their data as JSON in a code block whose lines stay lines', async () => {
    await rig.post(personalMessage(rig.where, ANNA, 'mijn-gegevens export'));
    const code = must(/```(?:json)?\n([\s\S]*?)```/.exec(lastText()), 'a code block')[1] as string;
    expect(code).not.toContain('\n\n');
    expect(JSON.parse(code)).toMatchObject({ member: { name: 'Anna de Vries' } });
  });

  it('takes an @mention in a channel, replying in the thread, with the same permissions and refusals as Slack', async () => {
    const refused = channelMessage(rig.where, ANNA, 'gemeenschap koppel onderwijskwaliteit', {
      mention: true,
    });
    await rig.post(refused);
    const reply = must(connector.sent[0], 'the refusal');
    expect(reply.conversationId).toBe(`${KWALITEIT};messageid=${refused.id}`);
    expect(reply.path.endsWith(`/activities/${refused.id}`)).toBe(true);
    expect(lastText()).toBe(say('nl', 'error.NOT_COORDINATOR'));
    const repos = rig.core.deps.store.repos;
    expect(await repos.communities.findByChannel(teamsWorkspace, KWALITEIT)).toBeNull();

    await rig.post(
      channelMessage(rig.where, CORA, 'gemeenschap koppel onderwijskwaliteit', { mention: true }),
    );
    expect(lastText()).toBe(
      'Dit kanaal is nu de leergemeenschap van het thema **Onderwijskwaliteit**. Welkom allemaal!',
    );
    expect(await repos.communities.findByChannel(teamsWorkspace, KWALITEIT)).toMatchObject({ themeId: 't1' });
    await rig.post(channelMessage(rig.where, ANNA, 'lid', { mention: true }));
    expect(lastText()).toBe('Je bent lid van de leergemeenschap **Onderwijskwaliteit**.');
  });

  it('plans a cycle for the people of a channel, from the team roster', async () => {
    connector.rosters.set(TEAM, [inRoster(CORA), inRoster(ANNA), inRoster(BRAM)]);
    await rig.post(
      channelMessage(rig.where, CORA, 'cyclus plan Najaar 2027 2027-10-01 2027-10-21 kanaal', {
        mention: true,
      }),
    );
    // Nobody of the roster chose a board yet: the answer says so at once.
    expect(lastText()).toBe(
      [
        'Cyclus **Najaar 2027** gepland voor de 3 mensen van dit kanaal: opent 2027-10-01, sluit 2027-10-21. Hij start vanzelf.',
        '0 van de 3 gevraagden zijn te bereiken; 3 nog niet:',
        '• Anna de Vries: heeft nog geen bestuur gekozen',
        '• Bram Jansen: heeft nog geen bestuur gekozen',
        '• Cora Coördinator: heeft nog geen bestuur gekozen',
      ].join('\n\n'),
    );
    const [cycle] = await rig.core.listCycles();
    const repos = rig.core.deps.store.repos;
    const asked = await Promise.all((cycle?.audience.members ?? []).map((id) => repos.members.get(id)));
    expect(asked.map((m) => m?.name).sort()).toEqual(['Anna de Vries', 'Bram Jansen', 'Cora Coördinator']);
  });

  it('answers a command as soon as it has claimed it; the reply follows through the Bot Connector', async () => {
    connector.delayMs = 300;
    const res = await rig.post(personalMessage(rig.where, ANNA, 'help'), undefined, { answerOnly: true });
    expect(res.status).toBe(200);
    expect(connector.sent).toHaveLength(0);
    await rig.adapter.settled();
    expect(lastText()).toContain('**Samenspraak** helpt je bestuur');
  });

  it('answers Teams before its 15 s are up, and finishes the turn after that', async () => {
    await rig.close();
    rig = await startTeamsRig(t, connector, openid, { deadlineMs: 50 });
    connector.delayMs = 300;
    const res = await rig.post(installPersonal(rig.where, ANNA), undefined, { answerOnly: true });
    expect(res.status).toBe(202);
    expect(connector.sent).toHaveLength(0);
    await rig.adapter.settled();
    expect(connector.sent).toHaveLength(1);
  });

  it('answers a member whose Teams speaks English in English', async () => {
    await rig.post(personalMessage(rig.where, BRAM, 'agenda nonsense', { locale: 'en-US' }));
    expect(lastText()).toBe('There is no theme "nonsense". Type `agenda` to see the themes.');
  });

  it('acts once on a resent message', async () => {
    const plan = personalMessage(rig.where, CORA, 'cyclus plan Voorjaar 2027 2027-03-10 2027-03-31');
    await rig.post(plan);
    await rig.post(plan);
    expect(connector.sent).toHaveLength(1);
    expect(lastText()).toContain('Cyclus **Voorjaar 2027** gepland');
    expect(await rig.core.listCycles()).toHaveLength(1);
  });

  it('opens the practice form as a card, and says so when a card action cannot be read', async () => {
    await rig.post(personalMessage(rig.where, ANNA, 'praktijk'));
    const form = cardOf(must(connector.sent[0], 'the form').body);
    expect(cardTexts(form)).toEqual(expect.arrayContaining([say('nl', 'card.practice-form.title')]));
    const broken = cardAction(rig.where, ANNA, 'update.submit', {});
    (broken.value as { action: { type: string } }).action.type = 'Action.Http';
    const res = await rig.post(broken);
    expect(res).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: say('nl', 'teams.badRequest') },
      },
    });
  });
});
