import { schoolYearOf } from '../../src/adapters/chat/board-holiday';
import { handleCommand } from '../../src/adapters/chat/handle-command';
import type { ChatReply } from '../../src/adapters/chat/reply';
import { CLI } from '../../src/core/access';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

const text = (reply: ChatReply) => (reply.type === 'text' ? reply.text : `[${reply.type}]`);

describe('profiel, vakantie and coverage in chat', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos } = await testCore(t.db, '2027-02-01T09:00:00Z');
    const people = await seedPeople(core);
    const ctx = (member = people.anna) => ({ member, workspaceId: member.workspaceId, channelId: null });
    return { core, repos, ctx, ...people };
  }

  it('opens the profile form for profiel and profile', async () => {
    const { core, ctx } = await setup();
    for (const word of ['profiel', 'profile'])
      expect(await handleCommand(core, ctx(), word)).toEqual({ type: 'form', form: 'profile', data: {} });
  });

  it('lets a coordinator set and remove a board holiday, and refuses a member', async () => {
    const { core, repos, ctx, coordinator, anna } = await setup();
    expect(
      text(await handleCommand(core, ctx(anna), 'vakantie 41234 voorjaarsvakantie 2027-02-13 2027-02-21')),
    ).toBe('Dit kan alleen een coördinator van de vereniging. Vraag een coördinator om het voor je te doen.');
    expect(
      text(await handleCommand(core, ctx(coordinator), 'vakantie 41234 krokus 2027-02-13 2027-02-21')),
    ).toContain('Gebruik: `vakantie');
    expect(
      text(
        await handleCommand(core, ctx(coordinator), 'vakantie 41234 voorjaarsvakantie 2027-02-13 2027-02-21'),
      ),
    ).toContain(
      'De voorjaarsvakantie van *Stichting Openbaar Onderwijs Noord* is nu van 2027-02-13 tot en met 2027-02-21',
    );
    const board = await repos.boards.findByDuo('41234');
    const days = await repos.boardCalendars.daysOf([board?.id as string]);
    expect(days.get(board?.id as string)?.overrides).toEqual([
      { name: 'voorjaarsvakantie', schoolYear: '2026-2027', from: '2027-02-13', to: '2027-02-21' },
    ]);
    expect(
      text(await handleCommand(core, ctx(coordinator), 'vakantie wis 41234 voorjaarsvakantie 2026-2027')),
    ).toContain('is weg');
    expect(
      text(await handleCommand(core, ctx(coordinator), 'vakantie wis 41234 voorjaarsvakantie 2026-2027')),
    ).toContain('had geen eigen voorjaarsvakantie');
    expect(
      text(await handleCommand(core, ctx(coordinator), 'vakantie 99999 meivakantie 2027-04-24 2027-05-02')),
    ).toContain('99999');
  });

  it('counts a school year from August', () => {
    expect(schoolYearOf('2027-02-13')).toBe('2026-2027');
    expect(schoolYearOf('2027-10-16')).toBe('2027-2028');
  });

  it('says when a cycle is planned for a board nobody is known of, and who has no board', async () => {
    const { core, ctx, coordinator } = await setup();
    await core.registerBoards(CLI, [{ duoNumber: '43456', name: 'Stichting Leeg', region: 'midden' }]);
    await core.meetMember('slack', 'T1', { externalId: 'UDAAN', name: 'Daan Zonderbestuur' });
    const planned = text(
      await handleCommand(core, ctx(coordinator), 'cyclus plan Najaar 2027-03-15 2027-03-26'),
    );
    expect(planned).toContain('3 van de 4 gevraagden zijn te bereiken; 1 nog niet:');
    expect(planned).toContain('• Daan Zonderbestuur: heeft nog geen bestuur gekozen');
    const cycle = (await core.listCycles())[0];
    const empty = await core.planCycle(CLI, {
      agendaId: 'po-raad-2022-2026',
      name: 'Leeg',
      scope: [],
      audience: { boards: [(await core.findBoardByDuo('43456'))?.id as string], members: [] },
      opensAt: new Date('2027-03-15T00:00:00Z'),
      closesAt: new Date('2027-03-26T22:00:00Z'),
    });
    const status = text(await handleCommand(core, ctx(coordinator), `cyclus status ${empty.id}`));
    expect(status).toContain(
      'Van deze besturen is nog niemand bekend, dus daar krijgt niemand de check-in: Stichting Leeg.',
    );
    expect(status).toContain('Deze cyclus bereikt nog niemand');
    expect(cycle?.name).toBe('Najaar');
  });
});
