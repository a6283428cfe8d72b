import { type ChatContext, handleCommand } from '../../src/adapters/chat/handle-command';
import { parseCommand } from '../../src/adapters/chat/parse-command';
import type { ChatReply } from '../../src/adapters/chat/reply';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

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
    ).toBe('Cyclus *Voorjaar 2027* gepland: opent 2027-03-01, sluit 2027-03-21. Hij start vanzelf.');
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
});
