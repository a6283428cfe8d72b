import { peerAcceptedText, peerOfferCard, peerRequestCard } from '../../src/cards/peer-content';
import { toSlackMessage } from '../../src/cards/slack/surfaces';
import { cardProblems } from '../../src/cards/validate';
import { CLI } from '../../src/core/access';
import type { UpdateStatus } from '../../src/core/model';
import { must, seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

/**
 * Issue 18, peer matching: a board behind on an ambition is offered the practices shared on it and the
 * boards on track with it whose member agreed to be contacted; nothing of a board that did not agree.
 */
describe('peer matching', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos } = await testCore(t.db);
    const people = await seedPeople(core);
    await core.registerBoards(CLI, [
      { duoNumber: '43456', name: 'Stichting Scholen aan Zee', region: 'noord' },
    ]);
    const boardC = must(await repos.boards.findByDuo('43456'), 'board 43456');
    const dirk = await core.meetMember('slack', 'T1', { externalId: 'UDIRK', name: 'Dirk Smit' });
    await core.chooseBoard(dirk.id, boardC.id);
    const cycle = await core.planCycle(
      { memberId: people.coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Voorjaar 2027',
        scope: ['a1'],
        audience: { boards: [people.boardA.id, people.boardB.id, boardC.id], members: [] },
        opensAt: new Date('2027-03-01T08:00:00Z'),
        closesAt: new Date('2027-03-21T22:00:00Z'),
      },
    );
    await core.runDue();
    const answer = (memberId: string, status: UpdateStatus) =>
      core.submitUpdate(memberId, {
        cycleId: cycle.id,
        answers: [
          {
            itemId: 'a1',
            status,
            progress: 50,
            done: '',
            steeringNeeded: false,
            steeringExplanation: '',
            link: null,
          },
        ],
      });
    // Carla (board B, zuid) agrees to be contacted; Dirk (board C, noord) does not.
    await core.setProfile(people.carla.id, { peerContact: true });
    await answer(people.carla.id, 'on_track');
    await answer(dirk.id, 'on_track');
    await core.sharePractice(people.carla.id, {
      workspaceId: people.carla.workspaceId,
      agendaId: 'po-raad-2022-2026',
      title: 'Leesteams met de bibliotheek',
      description: 'Elke school een leesteam.\nMeer details volgen.',
      ambitionIds: ['a1'],
      instruments: '',
      contact: 'Carla Bakker',
    });
    return {
      core,
      repos,
      cycle,
      answer,
      boardC,
      dirk: must(await repos.members.get(dirk.id), 'dirk'),
      ...people,
    };
  }

  const outbox = async (kind: string) =>
    (
      await t.db.query<{ member_id: string; dedupe_key: string }>(
        'SELECT member_id, dedupe_key FROM outbox WHERE kind = $1 ORDER BY id',
        [kind],
      )
    ).rows;
  const seen = (card: { json: unknown } | null) =>
    JSON.stringify(card ? toSlackMessage(card as never) : null);

  it('offers a board behind the practice and the consenting board on track, never the other', async () => {
    const { core, answer, anna, carla, dirk, boardC } = await setup();
    await answer(anna.id, 'behind');
    const [offer] = await outbox('peer.offer');
    expect(offer?.member_id).toBe(anna.id);
    const card = await peerOfferCard(core, { agendaId: 'po-raad-2022-2026', ambitionId: 'a1' }, anna);
    const text = seen(card);
    expect(text).toContain('Leesteams met de bibliotheek');
    expect(text).toContain('Elke school een leesteam.');
    expect(text).toContain('Vereniging Christelijk Primair Onderwijs Zuid');
    expect(text).toContain('Vraag contact aan');
    expect(text).not.toContain(boardC.name);
    // Once Dirk agrees, his board (in Anna's region) comes first.
    await core.setProfile(dirk.id, { peerContact: true });
    const offered = await core.peerOffer(anna.id, { agendaId: 'po-raad-2022-2026', ambitionId: 'a1' });
    expect(offered.boards.map((b) => b.name)).toEqual([
      boardC.name,
      'Vereniging Christelijk Primair Onderwijs Zuid',
    ]);
    // A board on track is offered nothing.
    expect((await outbox('peer.offer')).map((o) => o.member_id)).not.toContain(carla.id);
  });

  it('refuses contact with a board that did not agree, and a request from a board on track', async () => {
    const { core, answer, anna, carla, boardA, boardC } = await setup();
    await answer(anna.id, 'attention');
    const ask = (memberId: string, boardId: string) =>
      core.askPeerContact(memberId, { agendaId: 'po-raad-2022-2026', ambitionId: 'a1', boardId });
    await expect(ask(anna.id, boardC.id)).rejects.toMatchObject({ code: 'PEER_NOT_OFFERED' });
    await expect(ask(carla.id, boardA.id)).rejects.toMatchObject({ code: 'PEER_NOT_OFFERED' });
    expect(await outbox('peer.request')).toEqual([]);
  });

  it('asks once, only the member asked can accept, and both get each other’s contact exactly once', async () => {
    const { core, answer, anna, bram, carla, boardB, coordinator } = await setup();
    await answer(anna.id, 'behind');
    const input = { agendaId: 'po-raad-2022-2026', ambitionId: 'a1', boardId: boardB.id };
    const first = await core.askPeerContact(anna.id, input);
    const again = await core.askPeerContact(anna.id, input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ contact: first.contact, created: false });
    expect((await outbox('peer.request')).map((o) => o.member_id)).toEqual([carla.id]);
    const request = seen(await peerRequestCard(core, { contactId: first.contact.id }, carla));
    expect(request).toContain('Contactverzoek van Stichting Openbaar Onderwijs Noord');
    expect(request).toContain('Contact accepteren');

    await expect(core.acceptPeerContact(bram.id, first.contact.id)).rejects.toMatchObject({
      code: 'NOT_YOUR_CONTACT_REQUEST',
    });
    await expect(core.acceptPeerContact(anna.id, first.contact.id)).rejects.toMatchObject({
      code: 'NOT_YOUR_CONTACT_REQUEST',
    });
    expect((await core.acceptPeerContact(carla.id, first.contact.id)).accepted).toBe(true);
    expect((await core.acceptPeerContact(carla.id, first.contact.id)).accepted).toBe(false);
    expect((await outbox('peer.accepted')).map((o) => o.member_id).sort()).toEqual(
      [anna.id, carla.id].sort(),
    );
    const payload = { contactId: first.contact.id };
    expect(await peerAcceptedText(core, payload, anna)).toContain('Carla Bakker van Vereniging Christelijk');
    expect(await peerAcceptedText(core, payload, anna)).toContain('<@UCARLA>');
    expect(await peerAcceptedText(core, payload, carla)).toContain('Anna de Vries van Stichting Openbaar');
    expect(await peerAcceptedText(core, payload, bram)).toBeNull();

    expect(await core.peerMatches({ memberId: coordinator.id }, 'po-raad-2022-2026', 'a1')).toEqual({
      asked: 1,
      accepted: 1,
    });
    await expect(core.peerMatches({ memberId: anna.id }, 'po-raad-2022-2026', 'a1')).rejects.toMatchObject({
      code: 'NOT_COORDINATOR',
    });
  });

  it('keeps the consent and the requests in the member’s data, and erasing withdraws the consent', async () => {
    const { core, repos, answer, anna, carla, boardB } = await setup();
    await answer(anna.id, 'behind');
    await core.askPeerContact(anna.id, {
      agendaId: 'po-raad-2022-2026',
      ambitionId: 'a1',
      boardId: boardB.id,
    });
    const data = await core.exportMemberData(carla.id);
    expect(data.member.peerContact).toBe(true);
    expect(data.peerContacts).toHaveLength(1);
    await core.eraseMemberTexts(carla.id);
    expect((await repos.members.get(carla.id))?.peerContact).toBe(false);
    expect((await core.exportMemberData(carla.id)).peerContacts).toEqual([]);
    const offer = await core.peerOffer(anna.id, { agendaId: 'po-raad-2022-2026', ambitionId: 'a1' });
    expect(offer.boards).toEqual([]);
    // An offer queued before the consent was withdrawn shows the practice and no board.
    const card = await peerOfferCard(core, { agendaId: 'po-raad-2022-2026', ambitionId: 'a1' }, anna);
    expect(cardProblems(card.json)).toEqual([]);
    expect(seen(card)).toContain('Leesteams met de bibliotheek');
    expect(seen(card)).toContain('Er zijn nu geen besturen op koers die open staan voor contact.');
    expect(seen(card)).not.toContain('Vraag contact aan');
  });
});
