import { CLI } from '../../src/core/access';
import { planFromRhythm } from '../../src/core/cycle-rhythm';
import type { AppError } from '../../src/core/errors';
import { createCore } from '../../src/core/index';
import { parseRhythm } from '../../src/core/schedule/rhythm';
import { t } from '../../src/i18n/index';
import { loadWorkCalendar } from '../../src/store/holiday-file';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

const answer = (itemId: string, status: 'on_track' | 'behind', steeringNeeded = false) => ({
  itemId,
  status,
  progress: 50,
  done: 'Gedaan.',
  steeringNeeded,
  steeringExplanation: '',
  link: null,
});

describe('review cycles with the calendar, reminders and results', () => {
  let t0: TestDatabase;
  beforeAll(async () => {
    t0 = await pgliteDatabase();
  });
  afterAll(() => t0.close());

  /** A core with the real school holidays, people of a noord and a zuid board, and a planned cycle. */
  async function setUp(opens: string, closes: string, at: string) {
    await t0.reset();
    const base = await testCore(t0.db, at);
    const core = createCore({ ...base.core.deps, calendar: loadWorkCalendar('Europe/Amsterdam') });
    const people = await seedPeople(core);
    const cycle = await core.planCycle(
      { memberId: people.coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Voorjaar 2027',
        scope: ['a1', 'a2', 'a4'],
        audience: { boards: [], members: [] },
        opensAt: new Date(opens),
        closesAt: new Date(closes),
      },
    );
    return { core, clock: base.clock, repos: base.repos, cycle, ...people };
  }

  const outbox = async (kind: string) =>
    (
      await t0.db.query<{ dedupe_key: string; not_before: Date; member_id: string | null; payload: unknown }>(
        'SELECT dedupe_key, not_before, member_id, payload FROM outbox WHERE kind = $1 ORDER BY dedupe_key',
        [kind],
      )
    ).rows;

  it('asks the zuid board after its voorjaarsvakantie and the noord board at once', async () => {
    const { core, clock, anna, carla } = await setUp(
      '2027-02-14T23:00:00Z', // Monday 15 February 2027: zuid is on holiday 13-21 February
      '2027-03-07T22:59:00Z',
      '2027-02-10T09:00:00Z',
    );
    clock.set('2027-02-14T23:00:00Z');
    expect(await core.runDue()).toMatchObject({ opened: 1, checkIns: 3 });
    const prompts = await outbox('checkin.prompt');
    const when = (id: string) => prompts.find((p) => p.member_id === id)?.not_before.toISOString();
    expect(when(anna.id)).toBe('2027-02-15T08:00:00.000Z');
    expect(when(carla.id)).toBe('2027-02-22T08:00:00.000Z');
  });

  it('reminds on a coordinator’s word only those without an answer, at most twice in all', async () => {
    const { core, clock, repos, cycle, coordinator, anna, bram, carla } = await setUp(
      '2027-02-28T23:00:00Z',
      '2027-03-21T22:59:00Z',
      '2027-02-20T09:00:00Z',
    );
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    await core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1', 'on_track')] });
    clock.set('2027-03-02T10:00:00Z');
    const actor = { memberId: coordinator.id };
    expect(await core.remindNow(actor, cycle.id)).toEqual({ queued: 2, atMaximum: 0, tooLate: 0 });
    await expect(core.remindNow({ memberId: bram.id }, cycle.id)).rejects.toMatchObject({
      code: 'NOT_COORDINATOR',
    });
    clock.set('2027-03-03T10:00:00Z'); // the scheduled moment two days after opening gives the second
    expect((await core.runDue()).reminders).toBe(2);
    expect(await core.remindNow(actor, cycle.id)).toEqual({ queued: 0, atMaximum: 2, tooLate: 0 });
    clock.set('2027-03-10T10:00:00Z');
    expect((await core.runDue()).reminders).toBe(0);
    const reminders = await outbox('checkin.reminder');
    expect(reminders.map((r) => r.dedupe_key)).toEqual(
      [bram.id, carla.id].flatMap((id) => [1, 2].map((n) => `checkin:${cycle.id}:${id}:reminder${n}`)).sort(),
    );
    expect(reminders.some((r) => r.member_id === anna.id)).toBe(false);
    expect((await repos.audit.list(20)).filter((e) => e.action === 'cycle.remind')).toHaveLength(2);
  });

  it('closes by itself, refuses a late answer with a clear message and posts the results', async () => {
    const { core, clock, repos, cycle, coordinator, anna, carla } = await setUp(
      '2027-02-28T23:00:00Z',
      '2027-03-21T22:59:00Z',
      '2027-02-20T09:00:00Z',
    );
    const community = await core.linkCommunity(
      { memberId: coordinator.id },
      { workspaceId: anna.workspaceId, channelId: 'C-ONDERWIJSKWALITEIT', theme: 't1' },
    );
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    await core.submitUpdate(anna.id, {
      cycleId: cycle.id,
      answers: [answer('a1', 'behind', true), answer('a2', 'on_track')],
    });
    await core.submitUpdate(carla.id, { cycleId: cycle.id, answers: [answer('a1', 'on_track')] });
    clock.set('2027-03-21T23:00:00Z');
    expect((await core.runDue()).closed).toBe(1);
    const late = core.submitUpdate(carla.id, { cycleId: cycle.id, answers: [answer('a1', 'behind')] });
    await expect(late).rejects.toMatchObject({ code: 'CYCLE_CLOSED', params: { cycle: 'Voorjaar 2027' } });
    const err = await late.then(
      () => {
        throw new Error('a late answer was accepted');
      },
      (e: AppError) => e,
    );
    expect(t('nl', `error.${err.code}`, err.params)).toBe(
      'De cyclus "Voorjaar 2027" is gesloten; antwoorden worden niet meer aangenomen. Neem contact op met de coördinator als je nog iets wilt delen.',
    );
    const results = await outbox('cycle.results');
    expect(results.map((r) => r.dedupe_key)).toEqual([
      `cycle.results:${cycle.id}:community:${community.id}`,
      `cycle.results:${cycle.id}:coordinator:${coordinator.id}`,
    ]);
    const thread = results[0]?.payload as { scope: string; items: { itemId: string; byStatus: object }[] };
    // a1 and a2 are theme t1 (the community's); a4 belongs to another theme and goes to coordinators only.
    expect(thread.scope).toBe('theme');
    expect(thread.items.map((i) => i.itemId)).toEqual(['a1', 'a2']);
    expect(thread.items[0]).toMatchObject({
      boards: 2,
      steeringNeeded: 1,
      byStatus: { on_track: 1, behind: 1 },
    });
    const full = results[1]?.payload as { scope: string; asked: number; answered: number; items: unknown[] };
    expect(full).toMatchObject({ scope: 'all', asked: 3, answered: 2 });
    expect(full.items).toHaveLength(3);
    expect(results[1]?.not_before.toISOString()).toBe('2027-03-22T08:00:00.000Z'); // Monday 09:00
    expect((await repos.audit.list(50)).filter((e) => e.action === 'cycle.close')).toHaveLength(1);
    expect((await core.runDue()).closed).toBe(0);
  });

  it('gives someone of a CSV audience without a board the profile card first, the check-in once they chose', async () => {
    const { core, clock, boardA, coordinator } = await setUp(
      '2027-02-28T23:00:00Z',
      '2027-03-21T22:59:00Z',
      '2027-02-20T09:00:00Z',
    );
    const [dirk] = await core.enrolAudience(
      CLI,
      [{ platform: 'slack', workspace: 'T1', userId: 'UDIRK', name: 'Dirk' }],
      'csv:test',
    );
    if (!dirk) throw new Error('no member enrolled');
    const cycle = await core.planCycle(
      { memberId: coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Extra',
        scope: ['a1'],
        audience: { boards: [], members: [dirk.id] },
        opensAt: new Date('2027-02-28T23:00:00Z'),
        closesAt: new Date('2027-03-21T22:59:00Z'),
      },
    );
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    await core.runDue();
    expect((await outbox('profile.prompt')).map((r) => r.dedupe_key)).toEqual([`profile:${dirk.id}`]);
    expect((await outbox('checkin.prompt')).some((r) => r.member_id === dirk.id)).toBe(false);
    await core.chooseBoard(dirk.id, boardA.id);
    clock.set('2027-03-01T08:05:00Z');
    await core.runDue();
    // Now of board A, Dirk is also in the audience of the first cycle (every board).
    const prompts = (await outbox('checkin.prompt')).filter((r) => r.member_id === dirk.id);
    expect(prompts.map((r) => r.dedupe_key)).toContain(`checkin:${cycle.id}:${dirk.id}:prompt`);
    expect(prompts).toHaveLength(2);
  });

  it('plans each cycle of the rhythm once, however many replicas ask', async () => {
    const { core, clock, repos } = await setUp(
      '2027-02-28T23:00:00Z',
      '2027-03-21T22:59:00Z',
      '2027-05-20T09:00:00Z',
    );
    const rhythm = parseRhythm('agenda=po-raad-2022-2026; opens=06-01,10-01; days=21; ahead=14');
    clock.set('2027-05-18T22:00:00Z'); // 19 May 00:00 CEST: the planning day of 1 June
    const [a, b] = await Promise.all([
      planFromRhythm(core.deps, rhythm, 'replica-a'),
      planFromRhythm(core.deps, rhythm, 'replica-b'),
    ]);
    expect([...(a ?? []), ...(b ?? [])].map((c) => [c.name, c.status, c.opensAt.toISOString()])).toEqual([
      ['Zomer 2027', 'scheduled', '2027-05-31T22:00:00.000Z'],
    ]);
    expect(await planFromRhythm(core.deps, rhythm, 'replica-a')).toEqual([]);
    expect((await repos.cycles.list()).filter((c) => c.name === 'Zomer 2027')).toHaveLength(1);
  });
});
