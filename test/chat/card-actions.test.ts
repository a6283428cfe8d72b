import { type CardAction, runCardAction, runFormAction } from '../../src/adapters/chat/card-actions';
import { CLI } from '../../src/core/access';
import type { Member } from '../../src/core/model';
import { t as say } from '../../src/i18n/index';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { cardTexts, inputsOf } from '../teams/harness';

/** The shared card-action path (issue 17): what a person sees after a button or a form, on either door. */
describe('a card action', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, clock } = await testCore(t.db, '2027-03-02T09:00:00Z');
    const people = await seedPeople(core);
    const cycle = await core.planCycle(CLI, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a2'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T00:00:00Z'),
      closesAt: new Date('2027-03-21T22:00:00Z'),
    });
    await core.openCycle(CLI, cycle.id);
    const act = (
      member: Member,
      verb: string,
      data: Record<string, unknown>,
      more: Partial<CardAction> = {},
    ) => runCardAction(core, { member, verb, data, channelId: null, ...more });
    return { core, clock, cycle, act, ...people };
  }

  const answers = (cycleId: string, values: Record<string, string>) => ({
    cycleId,
    page: 1,
    items: ['a1', 'a2'],
    status__a1: 'on_track',
    progress__a1: '60',
    done__a1: 'Leesplan in alle groepen',
    steering__a1: 'true',
    explanation__a1: 'Meer leestijd nodig in groep 5',
    status__a2: 'attention',
    progress__a2: '40',
    steering__a2: 'false',
    ...values,
  });

  it('opens the update form, names what did not pass, stores a valid submit and shows the receipt', async () => {
    const { core, cycle, act, anna } = await setup();
    const opened = await act(anna, 'checkin.open', { cycleId: cycle.id });
    if (opened.kind !== 'card') throw new Error(`not a card: ${opened.kind}`);
    expect(opened.card.name).toBe('update-form');
    expect([...inputsOf(opened.card.json).keys()]).toEqual(
      expect.arrayContaining(['status__a1', 'progress__a1', 'explanation__a1', 'link__a2']),
    );

    const wrong = await act(
      anna,
      'update.submit',
      answers(cycle.id, { progress__a1: '150', explanation__a1: '', link__a1: 'intranet/leesplan' }),
    );
    expect(wrong).toMatchObject({
      kind: 'invalid',
      form: { name: 'update-form' },
      errors: {
        progress__a1: say('nl', 'card.invalid.progress'),
        explanation__a1: say('nl', 'card.invalid.explanation'),
        link__a1: say('nl', 'card.invalid.link'),
      },
    });
    expect(await core.currentUpdates(anna.id, cycle.id)).toEqual([]);

    const valid = await act(anna, 'update.submit', answers(cycle.id, {}));
    if (valid.kind !== 'done') throw new Error(`not done: ${valid.kind}`);
    expect(valid.shown?.name).toBe('update-receipt');
    expect(valid.original).toBe(valid.shown);
    expect(cardTexts(valid.shown?.json)).toEqual(expect.arrayContaining(['Ontvangen: Voorjaar 2027', '60%']));
    const stored = await core.currentUpdates(anna.id, cycle.id);
    expect(stored.map((u) => [u.itemId, u.status, u.progress, u.steeringNeeded])).toEqual([
      ['a1', 'on_track', 60, true],
      ['a2', 'attention', 40, false],
    ]);
  });

  it('turns a page after saving it; in a modal a page without a target stays a form', async () => {
    const { core, cycle, act, anna } = await setup();
    const next = await act(anna, 'update.page', { ...answers(cycle.id, {}), goTo: 1 });
    expect(next).toMatchObject({ kind: 'card', card: { name: 'update-form' } });
    expect(await core.currentUpdates(anna.id, cycle.id)).toHaveLength(2);
    const stay = await act(anna, 'update.page', answers(cycle.id, {}), { inModal: true });
    expect(stay).toMatchObject({ kind: 'card', card: { name: 'update-form' } });
    const done = await act(anna, 'update.page', answers(cycle.id, {}));
    expect(done).toMatchObject({ kind: 'done', shown: { name: 'update-receipt' } });
  });

  it('reads a form filled in elsewhere against the form as shown (a Slack modal)', async () => {
    const { core, cycle, anna } = await setup();
    const seen: string[] = [];
    const outcome = await runFormAction(
      core,
      {
        member: anna,
        verb: 'update.submit',
        data: { cycleId: cycle.id, page: 1 },
        channelId: null,
        inModal: true,
      },
      (form) => {
        seen.push(...inputsOf(form.json).keys());
        return { ...answers(cycle.id, {}), steering__a1: 'false', explanation__a1: '' };
      },
    );
    expect(seen).toEqual(expect.arrayContaining(['status__a1', 'status__a2']));
    expect(outcome).toMatchObject({ kind: 'done', original: { name: 'update-receipt' } });
    expect((await core.currentUpdates(anna.id, cycle.id)).map((u) => u.steeringNeeded)).toEqual([
      false,
      false,
    ]);
  });

  it('shows a refusal of the core as such, and tells an unreadable button from an unknown one', async () => {
    const { core, cycle, act, anna, coordinator } = await setup();
    expect(await act(anna, 'cycle.remind', { cycleId: cycle.id })).toMatchObject({
      kind: 'refused',
      error: { code: 'NOT_COORDINATOR' },
    });
    expect(await act(coordinator, 'cycle.close', { cycleId: cycle.id })).toEqual({
      kind: 'done',
      text: say('nl', 'chat.cycle.closed', { name: 'Voorjaar 2027' }),
    });
    expect(await act(anna, 'update.submit', answers(cycle.id, {}))).toMatchObject({
      kind: 'refused',
      error: { code: 'CYCLE_CLOSED' },
    });
    expect(await core.currentUpdates(anna.id, cycle.id)).toEqual([]);
    expect(await act(anna, 'checkin.open', {})).toEqual({ kind: 'badRequest' });
    expect(await act(anna, 'ooit.bestaan', {})).toEqual({ kind: 'unknown' });
  });

  it('saves a profile and answers in the language just chosen', async () => {
    const { act, anna, boardB } = await setup();
    const missing = await act(anna, 'profile.submit', { timeZone: 'Europe/Amsterdam', locale: 'en' });
    expect(missing).toMatchObject({
      kind: 'invalid',
      form: { name: 'profile' },
      errors: { board: expect.any(String) },
    });
    const saved = await act(anna, 'profile.submit', {
      board: boardB.id,
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      peerContact: 'true',
    });
    expect(saved).toMatchObject({
      kind: 'done',
      text: say('en', 'teams.profile.saved'),
      member: { locale: 'en', boardId: boardB.id, peerContact: true },
    });
  });

  it('shares a practice in a community channel, and on its own from a channel that is none', async () => {
    const { core, act, anna, coordinator } = await setup();
    await core.linkCommunity(
      { memberId: coordinator.id },
      { workspaceId: anna.workspaceId, channelId: 'C-KWAL', theme: 'onderwijskwaliteit' },
    );
    const form = {
      agendaId: 'po-raad-2022-2026',
      title: 'Leesplan',
      description: 'Elke week vrij lezen.',
      ambitions: 'a1',
      contact: 'anna@example.nl',
    };
    for (const channelId of ['C-KWAL', 'C-ELDERS', null]) {
      const shared = await act(anna, 'practice.submit', form, { channelId });
      if (shared.kind !== 'done') throw new Error(`not done in ${channelId}: ${shared.kind}`);
      expect(shared.shown?.name).toBe('practice-view');
      expect(cardTexts(shared.original?.json)).toEqual(expect.arrayContaining(['Leesplan']));
    }
    const inCommunity = await core.sharePracticeFrom(anna.id, 'C-KWAL', {
      workspaceId: anna.workspaceId,
      title: 'Tweede',
      description: 'x',
      ambitionIds: ['a1'],
      instruments: '',
      contact: 'anna@example.nl',
    });
    expect(inCommunity.communityId).not.toBeNull();
    const elsewhere = await core.sharePracticeFrom(anna.id, 'C-ELDERS', {
      workspaceId: anna.workspaceId,
      agendaId: 'po-raad-2022-2026',
      title: 'Derde',
      description: 'x',
      ambitionIds: ['a1'],
      instruments: '',
      contact: 'anna@example.nl',
    });
    expect(elsewhere.communityId).toBeNull();
    expect(await act(anna, 'practice.submit', { ...form, title: '' })).toMatchObject({
      kind: 'invalid',
      form: { name: 'practice-form' },
      errors: { title: expect.any(String) },
    });
  });

  it('has no check-in message to replace until one was delivered', async () => {
    const { core, cycle, anna } = await setup();
    expect(await core.checkInMessageRef(cycle.id, anna.id)).toBeNull();
  });
});
