import { answerParts } from '../../src/adapters/chat/steering-requests';
import { checkinData } from '../../src/cards/member-data';
import { steeringAnswerText, steeringOverdueText } from '../../src/cards/steering-text';
import { CLI } from '../../src/core/access';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

/** Issue 18: every steering request answered, and reminded of (once) when it waits too long. */
describe('steering requests', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos, clock } = await testCore(t.db);
    const people = await seedPeople(core);
    const asCoord = { memberId: people.coordinator.id };
    const cycle = await core.planCycle(asCoord, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a2'],
      audience: { boards: [people.boardA.id], members: [] },
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-21T22:00:00Z'),
    });
    await core.runDue();
    const answer = (itemId: string, steeringNeeded: boolean) => ({
      itemId,
      status: 'behind' as const,
      progress: 20,
      done: '',
      steeringNeeded,
      steeringExplanation: steeringNeeded ? 'We missen begeleiding bij lezen.' : '',
      link: null,
    });
    await core.submitUpdate(people.anna.id, {
      cycleId: cycle.id,
      answers: [answer('a1', true), answer('a2', false)],
    });
    return { core, repos, clock, cycle, asCoord, asAnna: { memberId: people.anna.id }, ...people };
  }

  const outbox = async (kind: string) =>
    (
      await t.db.query<{ member_id: string }>('SELECT member_id FROM outbox WHERE kind = $1 ORDER BY id', [
        kind,
      ])
    ).rows;

  it('lists the open requests for coordinators only; an answer reaches the member who asked, once', async () => {
    const { core, asCoord, asAnna, anna, boardA } = await setup();
    await expect(core.steeringRequests(asAnna)).rejects.toMatchObject({ code: 'NOT_COORDINATOR' });
    const [request, ...rest] = await core.steeringRequests(asCoord);
    expect(rest).toEqual([]);
    expect(request).toMatchObject({
      state: 'open',
      answer: null,
      update: { itemId: 'a1', boardId: boardA.id },
    });
    const ref = request?.ref ?? '';
    await expect(core.answerSteeringRequest(asAnna, ref, 'Nee')).rejects.toMatchObject({
      code: 'NOT_COORDINATOR',
    });
    await expect(core.answerSteeringRequest(asCoord, ref, '  ')).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(core.answerSteeringRequest(asCoord, 'zzzz', 'Ja')).rejects.toMatchObject({
      code: 'UNKNOWN_STEERING_REQUEST',
    });
    expect(await outbox('steering.answered')).toEqual([]);
    const answer = await core.answerSteeringRequest(
      asCoord,
      ref,
      'Sluit aan bij de leerkring lezen op 4 april.',
    );
    await expect(core.answerSteeringRequest(asCoord, ref, 'Nog eens')).rejects.toMatchObject({
      code: 'UNKNOWN_STEERING_REQUEST',
    });
    expect(await outbox('steering.answered')).toEqual([{ member_id: anna.id }]);
    expect((await core.steeringRequests(asCoord))[0]?.state).toBe('answered');
    const text = await steeringAnswerText(
      core,
      { answerId: answer.id, cycleId: answer.cycleId, boardId: answer.boardId },
      anna,
    );
    expect(text).toContain('*Antwoord op je vraag om bijsturing* bij Trend van achterblijvende');
    expect(text).toContain('Sluit aan bij de leerkring lezen op 4 april.');
  });

  it('an answer may point to a practice and a board; the member reads both, escaped', async () => {
    const { core, asCoord, anna, carla } = await setup();
    await core.sharePractice(carla.id, {
      workspaceId: carla.workspaceId,
      agendaId: 'po-raad-2022-2026',
      title: 'Dagelijks *half* uur lezen',
      description: 'Alle groepen lezen elke ochtend dertig minuten.',
      ambitionIds: ['a1'],
      instruments: '',
      contact: 'carla@stichting.nl',
    });
    const [request] = await core.steeringRequests(asCoord);
    const ref = request?.ref ?? '';
    const unknown = answerParts('Kijk hier. | praktijk: Niet bestaand');
    await expect(core.answerSteeringRequest(asCoord, ref, unknown.text, unknown.links)).rejects.toMatchObject(
      {
        code: 'UNKNOWN_PRACTICE',
      },
    );
    await expect(
      core.answerSteeringRequest(asCoord, ref, 'Bel ze.', { contact: 'Stichting die er niet is' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_BOARD' });
    expect(await outbox('steering.answered')).toEqual([]);
    const typed = answerParts('Kijk bij Zuid | vooral | praktijk: dagelijks *half* | contact: 42345');
    expect(typed).toEqual({
      text: 'Kijk bij Zuid | vooral',
      links: { practice: 'dagelijks *half*', contact: '42345' },
    });
    const answer = await core.answerSteeringRequest(asCoord, ref, typed.text, typed.links);
    expect(await outbox('steering.answered')).toEqual([{ member_id: anna.id }]);
    const text = await steeringAnswerText(
      core,
      { answerId: answer.id, cycleId: answer.cycleId, boardId: answer.boardId },
      anna,
    );
    expect(text).toContain('Kijk bij Zuid \\| vooral');
    expect(text).toContain(
      'Bekijk het praktijkvoorbeeld *Dagelijks \\*half\\* uur lezen* van Vereniging Christelijk Primair Onderwijs Zuid.',
    );
    expect(text).toContain('Neem contact op met Vereniging Christelijk Primair Onderwijs Zuid.');
  });

  it('gives coordinators what to decide on: status mix, trend against the previous cycle, requests', async () => {
    const { core, clock, cycle, asCoord, asAnna, anna, boardA } = await setup();
    await core.closeCycle(CLI, cycle.id);
    const next = await core.planCycle(asCoord, {
      agendaId: 'po-raad-2022-2026',
      name: 'Najaar 2027',
      scope: ['a1'],
      audience: { boards: [boardA.id], members: [] },
      opensAt: new Date('2027-09-01T08:00:00Z'),
      closesAt: new Date('2027-09-21T22:00:00Z'),
    });
    clock.set('2027-09-01T08:00:00Z');
    await core.runDue();
    await core.submitUpdate(anna.id, {
      cycleId: next.id,
      answers: [
        {
          itemId: 'a1',
          status: 'attention',
          progress: 60,
          done: '',
          steeringNeeded: true,
          steeringExplanation: 'Wie heeft een goede leesmethode?',
          link: null,
        },
      ],
    });
    await core.closeCycle(CLI, next.id);
    await expect(core.steeringContext(asAnna, next.id)).rejects.toMatchObject({ code: 'NOT_COORDINATOR' });
    const { ambitions } = await core.steeringContext(asCoord, next.id);
    expect(ambitions).toEqual([
      expect.objectContaining({
        ambitionId: 'a1',
        number: 1,
        byStatus: { on_track: 0, attention: 1, behind: 0, not_started: 0 },
        steeringNeeded: 1,
        trend: { direction: 'improving', previousCycle: 'Voorjaar 2027', previousProgress: 20, progress: 60 },
        requests: [
          {
            boardName: 'Stichting Openbaar Onderwijs Noord',
            status: 'attention',
            explanation: 'Wie heeft een goede leesmethode?',
            answered: false,
          },
        ],
        moreRequests: 0,
        current: null,
      }),
    ]);
    expect((await core.closedCyclesOfAmbition('po-raad-2022-2026', 'a1')).map((c) => c.name)).toEqual([
      'Najaar 2027',
      'Voorjaar 2027',
    ]);
  });

  it('reminds every coordinator of an overdue request once, and no more once it is answered', async () => {
    const { core, clock, asCoord } = await setup();
    clock.advance(5 * 86_400_000 - 60_000);
    expect((await core.runDue()).steeringReminders).toBe(0);
    clock.advance(120_000);
    const [request] = await core.steeringRequests(asCoord);
    expect(request?.state).toBe('overdue');
    expect((await core.runDue()).steeringReminders).toBe(1);
    expect((await core.runDue()).steeringReminders).toBe(0);
    expect(await outbox('steering.overdue')).toHaveLength(1);
    const payload = { updateId: request?.update.id, ref: request?.ref, days: 5 };
    expect(await steeringOverdueText(core, payload, 'nl')).toContain('wacht al meer dan 5 dagen op antwoord');
    await core.answerSteeringRequest(asCoord, request?.ref ?? '', 'Gebeld.');
    expect(await steeringOverdueText(core, payload, 'nl')).toBeNull();
  });

  it('the next check-in of the board shows the answer it got', async () => {
    const { core, clock, cycle, asCoord, bram, boardA } = await setup();
    const [request] = await core.steeringRequests(asCoord);
    await core.answerSteeringRequest(asCoord, request?.ref ?? '', 'Bel Cora.');
    await core.closeCycle(CLI, cycle.id);
    const next = await core.planCycle(asCoord, {
      agendaId: 'po-raad-2022-2026',
      name: 'Najaar 2027',
      scope: ['a1'],
      audience: { boards: [boardA.id], members: [] },
      opensAt: new Date('2027-09-01T08:00:00Z'),
      closesAt: new Date('2027-09-21T22:00:00Z'),
    });
    clock.set('2027-09-01T08:00:00Z');
    const data = await checkinData(core, bram, next.id);
    expect(data.earlierAnswers).toEqual({
      cycleName: 'Voorjaar 2027',
      lines: ['Trend van achterblijvende onderwijsresultaten kenteren: Bel Cora.'],
    });
  });
});
