import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

describe('submitting an update', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  const answer = (itemId: string, progress = 40) => ({
    itemId,
    status: 'attention' as const,
    progress,
    done: 'Een leesteam gestart op drie scholen.',
    steeringNeeded: true,
    steeringExplanation: 'Te weinig leraren met een leesspecialisatie.',
    link: 'https://example.nl/leesplan',
  });

  async function openCycle(audienceBoards: 'A' | 'all' = 'all') {
    await t.reset();
    const { core, clock, repos } = await testCore(t.db, '2027-02-20T09:00:00Z');
    const people = await seedPeople(core);
    const cycle = await core.planCycle(
      { memberId: people.coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Voorjaar 2027',
        scope: ['a1', 'a1.1'],
        audience: { boards: audienceBoards === 'A' ? [people.boardA.id] : [], members: [] },
        opensAt: new Date('2027-03-01T08:00:00Z'),
        closesAt: new Date('2027-03-21T22:00:00Z'),
      },
    );
    return { core, clock, repos, cycle, ...people };
  }

  it('is refused before the cycle opens and after it closes, with a message naming the cycle', async () => {
    const { core, clock, anna, cycle } = await openCycle();
    await expect(
      core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1')] }),
    ).rejects.toMatchObject({
      code: 'CYCLE_NOT_OPEN',
      params: { cycle: 'Voorjaar 2027' },
    });
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    clock.set('2027-03-21T22:00:01Z');
    await expect(
      core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1')] }),
    ).rejects.toMatchObject({
      code: 'CYCLE_CLOSED',
    });
    expect((await t.db.query('SELECT * FROM updates')).rows).toEqual([]);
  });

  it('is stored for the member’s own board only, with every edit kept', async () => {
    const { core, clock, repos, anna, bram, boardA, boardB, cycle } = await openCycle();
    clock.set('2027-03-02T10:00:00Z');
    await core.runDue();
    await expect(
      core.submitUpdate(anna.id, { cycleId: cycle.id, boardId: boardB.id, answers: [answer('a1')] }),
    ).rejects.toMatchObject({ code: 'NOT_OWN_BOARD' });
    const stored = await core.submitUpdate(anna.id, {
      cycleId: cycle.id,
      boardId: boardA.id,
      answers: [answer('a1'), answer('a1.1', 10)],
    });
    expect(stored.map((u) => [u.itemId, u.boardId, u.version])).toEqual([
      ['a1', boardA.id, 1],
      ['a1.1', boardA.id, 1],
    ]);
    // A colleague of the same board edits the answer: a new version, the old one kept.
    await core.submitUpdate(bram.id, { cycleId: cycle.id, answers: [answer('a1', 55)] });
    expect(
      (await repos.updates.current(cycle.id, boardA.id)).map((u) => [u.itemId, u.progress, u.version]),
    ).toEqual([
      ['a1', 55, 2],
      ['a1.1', 10, 1],
    ]);
    expect((await repos.checkIns.get(cycle.id, anna.id))?.answeredAt).toEqual(
      new Date('2027-03-02T10:00:00Z'),
    );
  });

  it('is refused for a member without a board, outside the audience, or about an item not asked', async () => {
    const { core, clock, anna, carla, cycle } = await openCycle('A');
    clock.set('2027-03-02T10:00:00Z');
    await core.runDue();
    const stranger = await core.meetMember('slack', 'T1', { externalId: 'UNEW', name: 'Nieuw Lid' });
    await expect(
      core.submitUpdate(stranger.id, { cycleId: cycle.id, answers: [answer('a1')] }),
    ).rejects.toMatchObject({
      code: 'NO_BOARD_CHOSEN',
    });
    await expect(
      core.submitUpdate(carla.id, { cycleId: cycle.id, answers: [answer('a1')] }),
    ).rejects.toMatchObject({
      code: 'NOT_IN_AUDIENCE',
    });
    await expect(
      core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a2')] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_SCOPE_ITEM',
      params: { item: 'a2' },
    });
    expect((await t.db.query('SELECT * FROM updates')).rows).toEqual([]);
  });
});
