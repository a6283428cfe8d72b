import { type ChatContext, handleCommand } from '../../src/adapters/chat/handle-command';
import { parseCommand } from '../../src/adapters/chat/parse-command';
import type { ChatReply } from '../../src/adapters/chat/reply';
import { chatCard } from '../../src/cards/chat-card';
import { discussionWorld, PO } from '../discussion/world';
import { LABELLED_MESSAGES } from '../fixtures/discussion-messages';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { cardTexts } from '../teams/harness';

const text = (reply: ChatReply) => (reply.type === 'text' ? reply.text : `[${reply.type}]`);

describe('parsing a chat command', () => {
  it('knows the Dutch words, their English aliases and a Teams mention', () => {
    expect(parseCommand('<at>Samenspraak</at> gemeenschap koppel onderwijskwaliteit')).toEqual({
      name: 'community',
      args: ['koppel', 'onderwijskwaliteit'],
    });
    expect(parseCommand('SUMMARY a3')).toEqual({ name: 'summary', args: ['a3'] });
    expect(parseCommand('')).toEqual({ name: 'help', args: [] });
  });

  it('suggests the closest command for a typing error, and nothing for nonsense', () => {
    expect(parseCommand('samenvating a1')).toEqual({
      name: 'unknown',
      word: 'samenvating',
      suggestion: 'samenvatting',
    });
    expect(parseCommand('xyzzy')).toEqual({ name: 'unknown', word: 'xyzzy', suggestion: null });
  });
});

describe('chat commands', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos } = await testCore(t.db, '2027-02-01T09:00:00Z');
    const people = await seedPeople(core);
    const ctx = (member = people.anna, channelId: string | null = 'C-KWAL'): ChatContext => ({
      member,
      workspaceId: member.workspaceId,
      channelId,
    });
    return { core, repos, ctx, ...people };
  }

  it('answers an unknown command with help and the closest match', async () => {
    const { core, ctx } = await setup();
    const reply = text(await handleCommand(core, ctx(), 'verlat'));
    expect(reply).toContain('Dat commando ken ik niet: `verlat`. Bedoel je `verlaat`?');
    expect(reply).toContain('`samenvatting <ambitie>`');
  });

  it('refuses a member who is not a coordinator politely, and lets the coordinator link the channel', async () => {
    const { core, repos, ctx, coordinator, anna } = await setup();
    expect(text(await handleCommand(core, ctx(anna), 'gemeenschap koppel onderwijskwaliteit'))).toBe(
      'Dit kan alleen een coördinator van de vereniging. Vraag een coördinator om het voor je te doen.',
    );
    expect(await repos.communities.findByChannel(anna.workspaceId, 'C-KWAL')).toBeNull();
    expect(text(await handleCommand(core, ctx(coordinator), 'gemeenschap koppel onderwijskwaliteit'))).toBe(
      'Dit kanaal is nu de leergemeenschap van het thema *Onderwijskwaliteit*. Welkom allemaal!',
    );
    expect(text(await handleCommand(core, ctx(anna), 'lid'))).toBe(
      'Je bent lid van de leergemeenschap *Onderwijskwaliteit*.',
    );
    expect(text(await handleCommand(core, ctx(anna), 'join'))).toBe(
      'Je was al lid van de leergemeenschap *Onderwijskwaliteit*.',
    );
    expect(text(await handleCommand(core, ctx(anna, 'C-ELDERS'), 'verlaat'))).toContain(
      'Dit kanaal is geen leergemeenschap',
    );
  });

  it('plans, starts and reports a cycle for a coordinator; a member cannot start one', async () => {
    const { core, ctx, coordinator, anna } = await setup();
    expect(
      text(
        await handleCommand(core, ctx(coordinator, null), 'cyclus plan Voorjaar 2027 2027-03-01 2027-03-21'),
      ),
    ).toBe(
      'Cyclus *Voorjaar 2027* gepland: opent 2027-03-01, sluit 2027-03-21. Hij start vanzelf.\nAlle 3 gevraagden zijn te bereiken.',
    );
    expect(text(await handleCommand(core, ctx(anna, null), 'cyclus start voorjaar 2027'))).toContain(
      'Dit kan alleen een coördinator',
    );
    expect(text(await handleCommand(core, ctx(coordinator, null), 'cyclus start voorjaar 2027'))).toBe(
      'Cyclus *Voorjaar 2027* is geopend; de check-ins gaan nu uit.',
    );
    expect(text(await handleCommand(core, ctx(coordinator, null), 'cycle status'))).toMatch(
      /^\*Voorjaar 2027\* \(open\): 0 van 0 beantwoord \(0%\)\./,
    );
    expect(text(await handleCommand(core, ctx(coordinator, null), 'cyclus plan Voorjaar'))).toContain(
      'Gebruik: `cyclus plan',
    );
  });

  it('shows the agenda, a theme with its actions, and answers in English for an English member', async () => {
    const { core, ctx, repos, bram } = await setup();
    const all = text(await handleCommand(core, ctx(), 'agenda'));
    expect(all).toContain('*De kracht van het collectief — Strategische Agenda 2022-2026* (PO-Raad)');
    expect(all).toContain('• `a10`');
    const theme = text(await handleCommand(core, ctx(), 'agenda onderwijskansen'));
    expect(theme).toContain('*t2. Onderwijskansen*');
    expect(theme).toContain('– `a4.1`');
    expect(theme).not.toContain('`a1`');
    await repos.members.setProfile(bram.id, { locale: 'en' });
    const english = { ...bram, locale: 'en' as const };
    expect(text(await handleCommand(core, ctx(english), 'agenda nonsense'))).toBe(
      'There is no theme "nonsense". Type `agenda` to see the themes.',
    );
  });

  it('opens the practice form and the summary card', async () => {
    const { core, ctx } = await setup();
    expect(await handleCommand(core, ctx(), 'praktijk')).toEqual({
      type: 'form',
      form: 'practice-form',
      data: { channelId: 'C-KWAL' },
    });
    expect(await handleCommand(core, ctx(), 'samenvatting #kwaliteitszorg')).toMatchObject({
      type: 'card',
      card: 'summary',
      data: { ambitionId: 'a2' },
    });
  });

  it('shows a member the key points of what was said about an ambition, with the latest cycle’s status', async () => {
    await t.reset();
    const { core, clock, coordinator, anna, carla, post } = await discussionWorld(
      t.db,
      '2027-02-01T09:00:00Z',
    );
    const asCoordinator = { memberId: coordinator.id };
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Voorjaar 2027',
      scope: ['a1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-02-01T00:00:00Z'),
      closesAt: new Date('2027-02-26T23:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    await core.runDue();
    await core.submitUpdate(anna.id, {
      cycleId: cycle.id,
      answers: [
        {
          itemId: 'a1',
          status: 'behind',
          progress: 20,
          done: '',
          steeringNeeded: true,
          steeringExplanation: 'Lezen blijft achter.',
          link: null,
        },
      ],
    });
    for (const m of LABELLED_MESSAGES.filter((x) => x.ambition === 'a1')) {
      clock.advance(3_600_000);
      await post(`${m.text} #A1`, { authorMemberId: carla.id });
    }
    await core.sharePractice(carla.id, {
      workspaceId: anna.workspaceId,
      channelId: 'C-KWAL',
      title: 'Dagelijks een half uur lezen',
      description: 'Alle groepen lezen elke ochtend dertig minuten.',
      ambitionIds: ['a1'],
      instruments: '',
      contact: 'carla@stichting.nl',
    });
    clock.advance(60_000);
    const reply = await handleCommand(
      core,
      { member: anna, workspaceId: anna.workspaceId, channelId: null },
      'samenvatting a1',
    );
    if (reply.type !== 'card') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
    const shown = cardTexts((await chatCard(core, anna, reply)).json);
    expect(shown).toContain('Op basis van de cyclus Voorjaar 2027 en de gesprekken in de leergemeenschap');
    // The period summarised and how many messages it had.
    expect(shown).toContain('3 november 2026 t/m 1 februari 2027: 7 berichten over deze ambitie');
    const keyPoints = shown[shown.indexOf('Belangrijkste punten') + 1]?.split('\n') ?? [];
    expect(keyPoints).toHaveLength(5);
    // Each point with where it was said: the board and the day.
    expect(keyPoints).toContain(
      '- Onze resultaten op begrijpend lezen blijven al drie jaar achter bij het landelijk gemiddelde. (Vereniging Christelijk Primair Onderwijs Zuid, 1 februari 2027)',
    );
    expect(shown).toEqual(
      expect.arrayContaining([
        'Achter',
        '1 (100%)',
        'Bijsturing nodig bij 1 van 1 besturen.',
        '- Dagelijks een half uur lezen (Vereniging Christelijk Primair Onderwijs Zuid)',
        'Deelname: 1 van de 3 gevraagde leden antwoordden (33%).',
      ]),
    );
  });

  it('gives a member their data privately, shortened with a pointer to the full file when it is long', async () => {
    await t.reset();
    const { core, clock, anna, post } = await discussionWorld(t.db, '2027-02-01T09:00:00Z');
    const say = async (command: string) =>
      text(
        await handleCommand(core, { member: anna, workspaceId: anna.workspaceId, channelId: null }, command),
      );
    await post('Wij werken met een leesplan voor alle groepen #A1');
    clock.advance(60_000);

    const short = await say('mijn-gegevens export');
    expect(short).toMatch(
      /^Dit is alles wat Samenspraak over je bewaart \(alleen jij ziet dit\)\. De tekst van berichten wordt 365 dagen bewaard\.\n```\n/,
    );
    expect(short.endsWith('\n```')).toBe(true);
    const data = JSON.parse(short.slice(short.indexOf('```\n') + 4, -4));
    expect(data.member.name).toBe('Anna de Vries');
    expect(data.messages.map((m: { text: string }) => m.text)).toEqual([
      'Wij werken met een leesplan voor alle groepen #A1',
    ]);
    expect(await say('mijn-gegevens download')).toBe(short);

    for (let i = 0; i < 12; i++) await post(`Bericht ${i}: wij delen hier onze ervaringen met lezen #A1`);
    const long = await say('my-data export');
    expect(long.length).toBeLessThanOrEqual(3_000);
    expect(long).toContain('\n…\n```\nDit is ingekort: ');
    expect(long).toContain(
      `Het volledige bestand maakt de beheerder van Samenspraak voor je met \`samenspraak member-data ${anna.id}\`.`,
    );

    // With the dashboard on, the full file is one sign-in link away; a link is made only when needed.
    const made: string[] = [];
    core.deps.dashboardLink = (memberId) => {
      made.push(memberId);
      return `https://samenspraak.example.nl/dashboard/login?token=t${made.length}`;
    };
    expect(await say('mijn-gegevens wis')).not.toContain('dashboard');
    expect(await say('my-data export')).toContain(
      'Het volledige bestand download je via het dashboard ("Mijn gegevens"): https://samenspraak.example.nl/dashboard/login?token=t1 (deze link werkt 10 minuten en één keer).',
    );
    expect(made).toEqual([anna.id]);
  });

  it('erases a member’s message texts only after they confirm', async () => {
    await t.reset();
    const { core, anna, post } = await discussionWorld(t.db, '2027-02-01T09:00:00Z');
    const say = async (command: string) =>
      text(
        await handleCommand(core, { member: anna, workspaceId: anna.workspaceId, channelId: null }, command),
      );
    await post('Wij werken met een leesplan voor alle groepen #A1');
    await post('Wij meten persoonsvorming met een vragenlijst #A3');

    expect(await say('mijn-gegevens wis')).toBe(
      'Hiermee wis je de tekst van je 2 berichten in de leergemeenschappen, en wie ze schreef. De berichten tellen daarna anoniem mee; je profiel, antwoorden en praktijkvoorbeelden blijven. Dit kan niet ongedaan worden. Typ `mijn-gegevens wis bevestig` om door te gaan.',
    );
    expect((await core.exportMemberData(anna.id)).messages).toHaveLength(2);
    expect(await say('mijn-gegevens verwijder bevestig')).toBe(
      'Gewist: de tekst van 2 berichten. Ze tellen alleen nog anoniem mee.',
    );
    expect((await core.exportMemberData(anna.id)).messages).toEqual([]);
    expect(await say('mijn-gegevens')).toContain(
      'Naam: Anna de Vries\nBestuur: Stichting Openbaar Onderwijs Noord',
    );
    expect(await say('mijn-gegevens iets')).toBe(
      'Typ `mijn-gegevens export` voor alles wat Samenspraak over je bewaart, of `mijn-gegevens wis` om de tekst van je berichten te wissen.',
    );
  });
});
