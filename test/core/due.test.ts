import { computeDue, reminderInstants } from '../../src/core/due';
import type { CheckIn, Cycle, Member } from '../../src/core/model';
import { must, seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

const DAY = 86_400_000;
const cycle: Cycle = {
  id: 'c1',
  agendaId: 'po-raad-2022-2026',
  name: 'Voorjaar 2027',
  status: 'open',
  scope: ['a1'],
  audience: { boards: [], members: [] },
  opensAt: new Date('2027-03-01T08:00:00Z'),
  closesAt: new Date('2027-03-21T22:00:00Z'),
  reminders: [{ afterOpenDays: 2 }, { afterOpenDays: 7 }, { beforeCloseDays: 2 }],
  createdBy: null,
  openedAt: null,
  closedAt: null,
};
const member = (id: string, over: Partial<Member> = {}): Member => ({
  id,
  workspaceId: 'slack:T1',
  platform: 'slack',
  externalId: id,
  name: id,
  locale: 'nl',
  timeZone: 'Europe/Amsterdam',
  boardId: 'b1',
  boardConfirmed: true,
  roles: ['member'],
  awayUntil: null,
  unreachableAt: null,
  ...over,
});
const checkIn = (memberId: string, over: Partial<CheckIn> = {}): CheckIn => ({
  id: `k-${memberId}`,
  cycleId: 'c1',
  memberId,
  createdAt: cycle.opensAt,
  answeredAt: null,
  remindersSent: 0,
  lastRemindedAt: null,
  ...over,
});
const at = (days: number) => new Date(cycle.opensAt.getTime() + days * DAY);

describe('what is due (pure)', () => {
  it('orders the reminder moments and keeps those inside the cycle', () => {
    expect(reminderInstants(cycle).map((d) => d.toISOString())).toEqual([
      '2027-03-03T08:00:00.000Z',
      '2027-03-08T08:00:00.000Z',
      '2027-03-19T22:00:00.000Z',
    ]);
  });

  it('asks every audience member once, and nobody who has a check-in or cannot be reached', () => {
    const plan = computeDue(at(0), [
      {
        cycle,
        audience: [member('m1'), member('m2'), member('m3', { unreachableAt: new Date() })],
        checkIns: [checkIn('m2')],
      },
    ]);
    expect(plan.checkIns.map((c) => c.member.id)).toEqual(['m1']);
    expect(plan.reminders).toEqual([]);
  });

  it('reminds only those without an answer, once per moment, never a third time', () => {
    const audience = [member('m1'), member('m2')];
    const first = computeDue(at(2), [
      { cycle, audience, checkIns: [checkIn('m1'), checkIn('m2', { answeredAt: at(1) })] },
    ]);
    expect(first.reminders.map((r) => [r.member.id, r.number])).toEqual([['m1', 1]]);
    const again = computeDue(at(3), [
      { cycle, audience, checkIns: [checkIn('m1', { remindersSent: 1, lastRemindedAt: at(2) })] },
    ]);
    expect(again.reminders).toEqual([]);
    const second = computeDue(at(7), [
      { cycle, audience, checkIns: [checkIn('m1', { remindersSent: 1, lastRemindedAt: at(2) })] },
    ]);
    expect(second.reminders.map((r) => r.number)).toEqual([2]);
    const third = computeDue(at(19), [
      { cycle, audience, checkIns: [checkIn('m1', { remindersSent: 2, lastRemindedAt: at(7) })] },
    ]);
    expect(third.reminders).toEqual([]);
  });

  it('catches up once after downtime instead of sending every missed reminder', () => {
    const plan = computeDue(at(10), [{ cycle, audience: [member('m1')], checkIns: [checkIn('m1')] }]);
    expect(plan.reminders.map((r) => r.number)).toEqual([1]);
  });

  it('does not remind for a moment that passed before the check-in was sent', () => {
    const late = checkIn('m1', { createdAt: at(2.5) });
    expect(computeDue(at(3), [{ cycle, audience: [member('m1')], checkIns: [late] }]).reminders).toEqual([]);
  });

  it('lets reminders wait while a member is away, in their own time zone', () => {
    const away = member('m1', { awayUntil: '2027-03-03' });
    expect(computeDue(at(2), [{ cycle, audience: [away], checkIns: [checkIn('m1')] }]).reminders).toEqual([]);
    expect(
      computeDue(at(3), [{ cycle, audience: [away], checkIns: [checkIn('m1')] }]).reminders,
    ).toHaveLength(1);
  });

  it('opens a scheduled cycle at its opening and closes it at its closing', () => {
    const scheduled = { ...cycle, status: 'scheduled' as const };
    expect(computeDue(at(-1), [{ cycle: scheduled, audience: [member('m1')], checkIns: [] }])).toMatchObject({
      open: [],
      checkIns: [],
    });
    expect(computeDue(at(0), [{ cycle: scheduled, audience: [], checkIns: [] }]).open).toEqual([scheduled]);
    expect(computeDue(cycle.closesAt, [{ cycle, audience: [member('m1')], checkIns: [] }])).toMatchObject({
      close: [cycle],
      checkIns: [],
    });
  });
});

describe('running what is due', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('opens the cycle, queues one check-in per member and at most two reminders, then closes', async () => {
    const { core, clock, repos } = await testCore(t.db, '2027-02-28T08:00:00Z');
    const { coordinator, anna, boardA } = await seedPeople(core);
    const cycle = await core.planCycle(
      { memberId: coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Voorjaar 2027',
        scope: ['a1'],
        audience: { boards: [boardA.id], members: [] },
        opensAt: new Date('2027-03-01T08:00:00Z'),
        closesAt: new Date('2027-03-21T22:00:00Z'),
      },
    );
    expect(await core.runDue()).toEqual({
      opened: 0,
      closed: 0,
      checkIns: 0,
      reminders: 0,
      digests: 0,
      purged: 0,
      steeringReminders: 0,
    });
    clock.set('2027-03-01T08:00:00Z');
    expect(await core.runDue()).toEqual({
      opened: 1,
      closed: 0,
      checkIns: 2,
      reminders: 0,
      digests: 0,
      purged: 0,
      steeringReminders: 0,
    });
    expect(await core.runDue()).toEqual({
      opened: 0,
      closed: 0,
      checkIns: 0,
      reminders: 0,
      digests: 0,
      purged: 0,
      steeringReminders: 0,
    });
    await core.submitUpdate(anna.id, {
      cycleId: cycle.id,
      answers: [
        {
          itemId: 'a1',
          status: 'on_track',
          progress: 60,
          done: 'x',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
      ],
    });
    for (const day of ['03', '08', '20']) {
      clock.set(`2027-03-${day}T09:00:00Z`);
      await core.runDue();
    }
    clock.set('2027-03-22T00:00:00Z');
    expect((await core.runDue()).closed).toBe(1);
    const sent = await t.db.query<{ dedupe_key: string }>(
      "SELECT dedupe_key FROM outbox WHERE kind LIKE 'checkin.%' ORDER BY dedupe_key",
    );
    const bram = must(await repos.members.findByExternal(anna.workspaceId, 'UBRAM'), 'Bram');
    expect(sent.rows.map((r) => r.dedupe_key)).toEqual(
      [
        `checkin:${cycle.id}:${anna.id}:prompt`,
        `checkin:${cycle.id}:${bram.id}:prompt`,
        `checkin:${cycle.id}:${bram.id}:reminder1`,
        `checkin:${cycle.id}:${bram.id}:reminder2`,
      ].sort(),
    );
    expect((await repos.cycles.get(cycle.id))?.status).toBe('closed');
  });
});
