import { CLI } from '../../src/core/access';
import { AppError } from '../../src/core/errors';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

/** Each coordinator-only rule: the member is refused with NOT_COORDINATOR, the coordinator succeeds. */
describe('roles', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos } = await testCore(t.db);
    const people = await seedPeople(core);
    return {
      core,
      repos,
      ...people,
      asAnna: { memberId: people.anna.id },
      asCoord: { memberId: people.coordinator.id },
    };
  }

  const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'NOT_COORDINATOR' });

  it('only coordinators register boards', async () => {
    const { core, repos, asAnna, asCoord } = await setup();
    const board = { duoNumber: '49999', name: 'Stichting Nieuw', region: 'midden' as const };
    await refused(core.registerBoards(asAnna, [board]));
    expect(await repos.boards.findByDuo('49999')).toBeNull();
    await expect(core.registerBoards(asCoord, [board])).resolves.toEqual({ inserted: 1, updated: 0 });
  });

  it('a member chooses a board; only a coordinator confirms it', async () => {
    const { core, repos, anna, boardB, asAnna, asCoord } = await setup();
    expect((await repos.members.get(anna.id))?.boardConfirmed).toBe(false);
    await refused(core.confirmBoard(asAnna, anna.id, boardB.id));
    await core.confirmBoard(asCoord, anna.id, boardB.id);
    expect(await repos.members.get(anna.id)).toMatchObject({ boardId: boardB.id, boardConfirmed: true });
    await expect(core.chooseBoard(anna.id, 'no-such-board')).rejects.toMatchObject({ code: 'UNKNOWN_BOARD' });
  });

  it('only coordinators link a channel to a theme, once', async () => {
    const { core, repos, anna, asAnna, asCoord } = await setup();
    const input = { workspaceId: anna.workspaceId, channelId: 'C-KWAL', theme: 'onderwijskwaliteit' };
    await refused(core.linkCommunity(asAnna, input));
    expect(await repos.communities.findByChannel(anna.workspaceId, 'C-KWAL')).toBeNull();
    const community = await core.linkCommunity(asCoord, input);
    expect(community).toMatchObject({ agendaId: 'po-raad-2022-2026', themeId: 't1' });
    await expect(core.linkCommunity(asCoord, input)).rejects.toMatchObject({
      code: 'COMMUNITY_EXISTS',
      params: { theme: 'Onderwijskwaliteit' },
    });
    const welcome = await t.db.query<{ kind: string; conversation_id: string }>(
      'SELECT kind, conversation_id FROM outbox',
    );
    expect(welcome.rows).toEqual([{ kind: 'community.welcome', conversation_id: 'C-KWAL' }]);
  });

  it('anyone joins and leaves a community; a channel that is none is named as such', async () => {
    const { core, anna, asCoord } = await setup();
    await core.linkCommunity(asCoord, { workspaceId: anna.workspaceId, channelId: 'C1', theme: 't2' });
    expect((await core.joinCommunity(anna.id, anna.workspaceId, 'C1')).changed).toBe(true);
    expect((await core.joinCommunity(anna.id, anna.workspaceId, 'C1')).changed).toBe(false);
    expect((await core.leaveCommunity(anna.id, anna.workspaceId, 'C1')).changed).toBe(true);
    await expect(core.joinCommunity(anna.id, anna.workspaceId, 'C-OTHER')).rejects.toMatchObject({
      code: 'NOT_A_COMMUNITY_CHANNEL',
    });
  });

  it('only coordinators plan, open, follow and close cycles', async () => {
    const { core, repos, asAnna, asCoord } = await setup();
    const plan = {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a2'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-21T22:00:00Z'),
    };
    await refused(core.planCycle(asAnna, plan));
    expect(await repos.cycles.list()).toEqual([]);
    const cycle = await core.planCycle(asCoord, plan);
    expect(cycle.status).toBe('scheduled');
    await refused(core.openCycle(asAnna, cycle.id));
    expect((await core.openCycle(asCoord, cycle.id)).status).toBe('open');
    await refused(core.cycleProgress(asAnna, cycle.id));
    await expect(core.cycleProgress(asCoord, cycle.id)).resolves.toMatchObject({ answered: 0 });
    await refused(core.closeCycle(asAnna, cycle.id));
    expect((await core.closeCycle(CLI, cycle.id)).status).toBe('closed');
    await expect(core.closeCycle(asCoord, cycle.id)).rejects.toMatchObject({ code: 'CYCLE_BAD_STATE' });
    expect((await repos.audit.list(10)).map((e) => e.action)).toEqual([
      'cycle.close',
      'cycle.open',
      'cycle.plan',
      'boards.register',
    ]);
  });

  it('refuses a cycle with unknown ambitions or dates the wrong way round', async () => {
    const { core, asCoord } = await setup();
    const base = {
      agendaId: 'po-raad-2022-2026',
      name: 'X',
      scope: ['a1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-21T22:00:00Z'),
    };
    await expect(core.planCycle(asCoord, { ...base, scope: ['a11'] })).rejects.toMatchObject({
      code: 'UNKNOWN_SCOPE_ITEM',
    });
    await expect(core.planCycle(asCoord, { ...base, closesAt: base.opensAt })).rejects.toMatchObject({
      code: 'CYCLE_BAD_DATES',
    });
    await expect(core.planCycle(asCoord, { ...base, agendaId: 'nope' })).rejects.toBeInstanceOf(AppError);
  });

  it('only coordinators enrol an audience; a refused enrolment meets nobody', async () => {
    const { core, repos, anna, asAnna, asCoord } = await setup();
    const entries = [{ platform: 'slack' as const, workspace: 'T1', userId: 'UDIRK', name: 'Dirk Smit' }];
    await refused(core.enrolAudience(asAnna, entries, 'test'));
    expect(await repos.members.findByExternal(anna.workspaceId, 'UDIRK')).toBeNull();
    const [dirk] = await core.enrolAudience(asCoord, entries, 'test');
    expect(dirk).toMatchObject({ name: 'Dirk Smit' });
    expect(await repos.members.findByExternal(anna.workspaceId, 'UDIRK')).toMatchObject({ id: dirk?.id });
  });

  it('only coordinators see the delivery problems', async () => {
    const { core, repos, bram, asAnna, asCoord } = await setup();
    const at = new Date('2027-03-01T09:00:00Z');
    await repos.delivery.markMemberUnreachable(bram.id, 'bot removed', at);
    const from = new Date('2027-03-01T00:00:00Z');
    const to = new Date('2027-03-02T00:00:00Z');
    await refused(core.deliveryProblems(asAnna, from, to));
    const problems = await core.deliveryProblems(asCoord, from, to);
    expect(problems.unreachable.map((m) => m.name)).toEqual(['Bram Jansen']);
  });

  it('only coordinators set and remove a board holiday', async () => {
    const { core, repos, boardA, asAnna, asCoord } = await setup();
    const holiday = {
      name: 'voorjaarsvakantie',
      schoolYear: '2026-2027',
      from: '2027-02-13',
      to: '2027-02-21',
    };
    const overrides = async () => (await repos.boardCalendars.daysOf([boardA.id])).get(boardA.id)?.overrides;
    await refused(core.setBoardHoliday(asAnna, boardA.id, holiday));
    expect(await overrides()).toEqual([]);
    await core.setBoardHoliday(asCoord, boardA.id, holiday);
    expect(await overrides()).toEqual([holiday]);
    await refused(core.removeBoardHoliday(asAnna, boardA.id, holiday.schoolYear, holiday.name));
    expect(await overrides()).toEqual([holiday]);
    await expect(core.removeBoardHoliday(asCoord, boardA.id, holiday.schoolYear, holiday.name)).resolves.toBe(
      true,
    );
    expect(await overrides()).toEqual([]);
  });

  it('only coordinators make others coordinator; people named in the setting start as one', async () => {
    const { core, repos, bram, asAnna, asCoord } = await setup();
    await refused(core.setCoordinator(asAnna, bram.id, true));
    await core.setCoordinator(asCoord, bram.id, true);
    expect((await repos.members.get(bram.id))?.roles).toContain('coordinator');
  });
});
