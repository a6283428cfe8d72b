import type { Cycle, UpdateAnswer } from '../../src/core/model';
import type { PeerContact } from '../../src/core/peer-model';
import { seedPeople, sequentialIds, testCore } from '../support/core';
import { DRIVERS, type TestDatabase } from '../support/databases';

/** Peer matching's storage (migration 014), once per driver. */
describe.each(DRIVERS)('peer contacts on %s', (_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  const cycle = (id: string, opensAt: string): Cycle => ({
    id,
    agendaId: 'po-raad-2022-2026',
    name: id,
    status: 'open',
    scope: ['a1'],
    audience: { boards: [], members: [] },
    opensAt: new Date(opensAt),
    closesAt: new Date(new Date(opensAt).getTime() + 14 * 86_400_000),
    reminders: [],
    createdBy: null,
    openedAt: null,
    closedAt: null,
  });
  const answer = (status: UpdateAnswer['status']): UpdateAnswer => ({
    itemId: 'a1',
    status,
    progress: 50,
    done: '',
    steeringNeeded: false,
    steeringExplanation: '',
    link: null,
  });

  it('keeps the consent, the latest answer per board, and one request per pair accepted once', async () => {
    const { core, repos } = await testCore(t.db);
    const { anna, carla, boardA, boardB } = await seedPeople(core);
    expect((await repos.members.get(carla.id))?.peerContact).toBe(false);
    await repos.members.setProfile(carla.id, { peerContact: true });
    await repos.members.setProfile(carla.id, { locale: 'en' });
    expect((await repos.members.get(carla.id))?.peerContact).toBe(true);

    const ids = sequentialIds('u');
    await repos.cycles.insert(cycle('spring', '2027-03-01T08:00:00Z'));
    await repos.cycles.insert(cycle('autumn', '2027-09-01T08:00:00Z'));
    await repos.updates.save('spring', boardB.id, carla.id, [answer('behind')], new Date('2027-03-02'), ids);
    await repos.updates.save(
      'autumn',
      boardB.id,
      carla.id,
      [answer('on_track')],
      new Date('2027-09-02'),
      ids,
    );
    await repos.updates.save(
      'spring',
      boardA.id,
      anna.id,
      [answer('attention')],
      new Date('2027-03-03'),
      ids,
    );
    const latest = await repos.peerContacts.latestByBoard('po-raad-2022-2026', 'a1');
    expect(latest.map((u) => [u.boardId, u.cycleId, u.status]).sort()).toEqual(
      [
        [boardA.id, 'spring', 'attention'],
        [boardB.id, 'autumn', 'on_track'],
      ].sort(),
    );

    const request: PeerContact = {
      id: 'pc-1',
      agendaId: 'po-raad-2022-2026',
      ambitionId: 'a1',
      cycleId: 'spring',
      fromBoardId: boardA.id,
      fromMemberId: anna.id,
      toBoardId: boardB.id,
      toMemberId: carla.id,
      status: 'asked',
      askedAt: new Date('2027-03-04T10:00:00Z'),
      acceptedAt: null,
    };
    expect((await repos.peerContacts.ask(request)).created).toBe(true);
    const again = await repos.peerContacts.ask({ ...request, id: 'pc-2' });
    expect(again).toEqual({ contact: request, created: false });
    expect(await repos.peerContacts.accept('pc-1', new Date('2027-03-05T10:00:00Z'))).toBe(true);
    expect(await repos.peerContacts.accept('pc-1', new Date('2027-03-06T10:00:00Z'))).toBe(false);
    expect(await repos.peerContacts.get('pc-1')).toMatchObject({
      status: 'accepted',
      acceptedAt: new Date('2027-03-05T10:00:00Z'),
    });
    expect(await repos.peerContacts.listByAmbition('po-raad-2022-2026', 'a1')).toHaveLength(1);
    expect(await repos.peerContacts.listByMember(carla.id)).toHaveLength(1);

    await repos.peerContacts.eraseMember(carla.id);
    expect((await repos.members.get(carla.id))?.peerContact).toBe(false);
    expect(await repos.peerContacts.listByMember(carla.id)).toEqual([]);
    expect(await repos.peerContacts.get('pc-1')).toMatchObject({ toMemberId: null, fromMemberId: anna.id });
  });
});
