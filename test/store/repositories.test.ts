import { CLI } from '../../src/core/access';
import type { Cycle } from '../../src/core/model';
import { seedPeople, sequentialIds, testCore } from '../support/core';
import { DRIVERS, type TestDatabase } from '../support/databases';

/** The same storage tests, once per driver. */
describe.each(DRIVERS)('repositories on %s', (_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  const cycle = (id: string, over: Partial<Cycle> = {}): Cycle => ({
    id,
    agendaId: 'po-raad-2022-2026',
    name: 'Voorjaar 2027',
    status: 'scheduled',
    scope: ['a1', 'a1.2'],
    audience: { boards: [], members: [] },
    opensAt: new Date('2027-03-01T08:00:00Z'),
    closesAt: new Date('2027-03-21T22:59:00Z'),
    reminders: [{ afterOpenDays: 2 }],
    createdBy: null,
    openedAt: null,
    closedAt: null,
    ...over,
  });

  it('stores the agendas with their ambitions and actions', async () => {
    const { repos } = await testCore(t.db);
    const agendas = await repos.agendas.list();
    expect(agendas.map((a) => [a.id, a.ambitions.length])).toEqual([
      ['po-raad-2022-2026', 10],
      ['vo-raad-2020-2025', 7],
    ]);
    const rows = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM agenda_items WHERE agenda_id = 'po-raad-2022-2026' AND kind = 'action'",
    );
    expect(rows.rows[0]?.n).toBe(agendas[0]?.ambitions.reduce((n, a) => n + a.actions.length, 0));
  });

  it('upserts boards by DUO number and finds them by part of the name', async () => {
    const { repos } = await testCore(t.db);
    const ids = sequentialIds('b');
    expect(
      await repos.boards.upsertMany(
        [
          { duoNumber: '41234', name: 'Stichting Openbaar Onderwijs Noord', region: 'noord' },
          { duoNumber: '42345', name: 'Stichting Katholiek Onderwijs Zuid', region: 'zuid' },
        ],
        ids,
      ),
    ).toEqual({ inserted: 2, updated: 0 });
    expect(
      await repos.boards.upsertMany([{ duoNumber: '41234', name: 'Stichting OON', region: 'midden' }], ids),
    ).toEqual({ inserted: 0, updated: 1 });
    expect((await repos.boards.findByDuo('41234'))?.region).toBe('midden');
    expect((await repos.boards.search('katholiek', 10)).map((b) => b.duoNumber)).toEqual(['42345']);
    expect((await repos.boards.search('100%', 10)).length).toBe(0);
    expect(await repos.boards.count()).toBe(2);
  });

  it('creates a member once per workspace and platform id, keeping what was learnt', async () => {
    const { repos } = await testCore(t.db);
    const ws = await repos.workspaces.upsert('slack', 'T1', 'Vereniging');
    const ids = sequentialIds('m');
    const first = await repos.members.upsert(
      { workspaceId: ws.id, externalId: 'U1', name: 'Anna' },
      ids,
      ['member'],
      'Europe/Amsterdam',
    );
    const again = await repos.members.upsert(
      { workspaceId: ws.id, externalId: 'U1' },
      ids,
      ['member'],
      'UTC',
    );
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      name: 'Anna',
      platform: 'slack',
      locale: 'nl',
      timeZone: 'Europe/Amsterdam',
    });
    await repos.members.setProfile(first.id, { awayUntil: '2027-03-10', locale: 'en' });
    expect(await repos.members.get(first.id)).toMatchObject({ awayUntil: '2027-03-10', locale: 'en' });
  });

  it('meets a known member with a read when nothing would change, and writes what does change', async () => {
    const { core, repos } = await testCore(t.db);
    const anna = {
      externalId: 'aad-anna',
      name: 'Anna',
      aadObjectId: 'aad-anna',
      timeZone: 'Europe/Amsterdam',
    };
    const first = await core.meetMember('teams', 'tenant-1', anna);
    const written = async () =>
      (
        await t.db.query<{ at: string }>('SELECT updated_at::text AS at FROM members WHERE id = $1', [
          first.id,
        ])
      ).rows[0]?.at;
    const before = await written();
    expect(await core.meetMember('teams', 'tenant-1', { ...anna, name: '' })).toEqual(first);
    expect(await written()).toBe(before);
    expect(await repos.members.unchanged('teams', 'tenant-1', { ...anna, name: 'Anna de Vries' })).toBeNull();
    expect(
      await repos.members.unchanged('teams', 'tenant-1', { ...anna, timeZone: 'Europe/London' }),
    ).toBeNull();
    expect(await repos.members.unchanged('teams', 'tenant-2', anna)).toBeNull();
    expect(await core.meetMember('teams', 'tenant-1', { ...anna, name: 'Anna de Vries' })).toMatchObject({
      id: first.id,
      name: 'Anna de Vries',
    });
    // The member's own time zone is not the platform's to change: meeting them again writes nothing.
    await repos.members.setProfile(first.id, { timeZone: 'Europe/Lisbon' });
    expect(
      await repos.members.unchanged('teams', 'tenant-1', { ...anna, name: 'Anna de Vries' }),
    ).toMatchObject({ timeZone: 'Europe/Lisbon', timeZoneFrom: 'member' });
  });

  it('makes a second check-in for the same cycle and member impossible', async () => {
    const { core, repos } = await testCore(t.db);
    const { anna } = await seedPeople(core);
    await repos.cycles.insert(cycle('c1'));
    const checkIn = {
      id: 'k1',
      cycleId: 'c1',
      memberId: anna.id,
      createdAt: new Date('2027-03-01T08:00:00Z'),
      answeredAt: null,
      remindersSent: 0,
      lastRemindedAt: null,
    };
    const key = `${checkIn.cycleId}:${checkIn.memberId}`;
    expect([...(await repos.checkIns.createMany([checkIn]))]).toEqual([key]);
    expect([...(await repos.checkIns.createMany([{ ...checkIn, id: 'k2' }]))]).toEqual([]);
    expect(await repos.checkIns.listByCycle('c1')).toHaveLength(1);
    expect(await repos.checkIns.recordReminder('c1', anna.id, 0, new Date())).toBe(true);
    expect(await repos.checkIns.recordReminder('c1', anna.id, 0, new Date())).toBe(false);
  });

  it('keeps every version of an update and one current answer per item', async () => {
    const { core, repos } = await testCore(t.db);
    const { anna, boardA } = await seedPeople(core);
    await repos.cycles.insert(cycle('c1'));
    const answer = {
      itemId: 'a1',
      status: 'attention' as const,
      progress: 30,
      done: 'Leesplan opgesteld',
      steeringNeeded: false,
      steeringExplanation: '',
      link: null,
    };
    const ids = sequentialIds('u');
    await repos.updates.save('c1', boardA.id, anna.id, [answer], new Date('2027-03-02T10:00:00Z'), ids);
    await repos.updates.save(
      'c1',
      boardA.id,
      anna.id,
      [{ ...answer, progress: 45 }],
      new Date('2027-03-03T10:00:00Z'),
      ids,
    );
    expect(
      (await repos.updates.current('c1', boardA.id)).map((u) => [u.itemId, u.version, u.progress]),
    ).toEqual([['a1', 2, 45]]);
    expect((await repos.updates.history('c1', boardA.id, 'a1')).map((u) => u.progress)).toEqual([30, 45]);
    await expect(
      t.db.query(
        `INSERT INTO updates (id, cycle_id, board_id, item_id, version, status, progress, steering_needed, created_at)
         VALUES ('x', 'c1', $1, 'a1', 3, 'behind', 101, false, now())`,
        [boardA.id],
      ),
    ).rejects.toThrow(/progress/);
  });

  it('keeps one answer per steering request, with the practice and board it points to', async () => {
    const { core, repos } = await testCore(t.db);
    const { anna, boardA, boardB } = await seedPeople(core);
    await repos.cycles.insert(cycle('c1'));
    const asked = {
      itemId: 'a1',
      status: 'behind' as const,
      progress: 10,
      done: '',
      steeringNeeded: true,
      steeringExplanation: 'Hulp bij lezen',
      link: null,
    };
    await repos.updates.save(
      'c1',
      boardA.id,
      anna.id,
      [asked],
      new Date('2027-03-02T10:00:00Z'),
      sequentialIds('u'),
    );
    const [request] = await repos.steeringRequests.list();
    if (!request) throw new Error('no steering request');
    const answer = {
      id: 'ans1',
      cycleId: 'c1',
      boardId: boardA.id,
      itemId: 'a1',
      updateId: request.update.id,
      answer: 'Bel Zuid.',
      practiceId: null,
      contactBoardId: boardB.id,
      answeredBy: null,
      answeredAt: new Date('2027-03-04T10:00:00Z'),
    };
    expect(await repos.steeringRequests.answer(answer)).toBe(true);
    expect(await repos.steeringRequests.answer({ ...answer, id: 'ans2', answer: 'Nog eens' })).toBe(false);
    expect(await repos.steeringRequests.answersForBoard('c1', boardA.id)).toEqual([answer]);
    expect((await repos.steeringRequests.list())[0]?.answer).toEqual(answer);
  });

  it('queues an outgoing message once per dedupe key', async () => {
    const { core, repos } = await testCore(t.db);
    const { anna } = await seedPeople(core);
    const message = {
      dedupeKey: 'checkin:c1:m1:prompt',
      platform: 'slack' as const,
      workspaceId: anna.workspaceId,
      memberId: anna.id,
      conversationId: null,
      kind: 'checkin.prompt',
      payload: { cycleId: 'c1' },
      notBefore: new Date(),
    };
    expect(await repos.outbox.enqueue(message, 'o1', new Date())).toBe(true);
    expect(await repos.outbox.enqueue(message, 'o2', new Date())).toBe(false);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('records a discussion message once and lets a person override an automatic link', async () => {
    const { core, repos } = await testCore(t.db);
    const { coordinator, anna } = await seedPeople(core);
    const community = await core.linkCommunity(
      { memberId: coordinator.id },
      { workspaceId: anna.workspaceId, channelId: 'C1', theme: 't1' },
    );
    const message = {
      id: 'msg1',
      communityId: community.id,
      externalId: '1700000000.000100',
      threadExternalId: null,
      memberId: anna.id,
      boardId: anna.boardId,
      text: 'Wij werken met een leesplan.',
      postedAt: new Date(),
      analysis: { sentences: [], steering: false },
    };
    expect(await repos.discussion.insertBatch([message], [], new Date())).toEqual(new Set(['msg1']));
    expect(await repos.discussion.insertBatch([{ ...message, id: 'msg2' }], [], new Date())).toEqual(
      new Set(),
    );
    await repos.messages.link('msg1', 'a1', 'auto', 0.4, null, new Date());
    await repos.messages.link('msg1', 'a1', 'manual', null, anna.id, new Date());
    await repos.messages.link('msg1', 'a1', 'auto', 0.9, null, new Date());
    expect((await repos.messages.get('msg1'))?.links).toEqual([
      { ambitionId: 'a1', source: 'manual', score: null },
    ]);
  });

  it('writes coordinator actions to the audit log', async () => {
    const { core, repos } = await testCore(t.db);
    await core.registerBoards(CLI, [{ duoNumber: '40001', name: 'Stichting Test', region: 'midden' }]);
    expect((await repos.audit.list(5)).map((e) => [e.action, e.details.inserted])).toEqual([
      ['boards.register', 1],
    ]);
  });
});
