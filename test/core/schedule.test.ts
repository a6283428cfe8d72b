import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { computeDue, type DueContext, reminderInstants } from '../../src/core/due';
import type { CheckIn, Cycle, Member } from '../../src/core/model';
import { parseRhythm, rhythmCyclesDue } from '../../src/core/schedule/rhythm';
import {
  type BoardDays,
  DEFAULT_CALENDAR,
  nextWorkingMoment,
  type WorkCalendar,
} from '../../src/core/schedule/working-time';
import { HOLIDAYS_FILE, loadHolidayFile, loadWorkCalendar } from '../../src/store/holiday-file';

const calendar: WorkCalendar = loadWorkCalendar('Europe/Amsterdam');
const zuid: BoardDays = { region: 'zuid', overrides: [] };
const noord: BoardDays = { region: 'noord', overrides: [] };
const amsterdam = { timeZone: 'Europe/Amsterdam', board: noord };
const iso = (d: Date) => d.toISOString();

describe('the school holidays file', () => {
  it('holds the five holidays of 2025-2026 to 2027-2028 for each region, as the Rijksoverheid published them', () => {
    const holidays = loadHolidayFile();
    for (const region of ['noord', 'midden', 'zuid'] as const) expect(holidays[region]).toHaveLength(15);
    expect(holidays.zuid.find((h) => h.schoolYear === '2026-2027' && h.name === 'voorjaarsvakantie')).toEqual(
      {
        name: 'voorjaarsvakantie',
        schoolYear: '2026-2027',
        from: '2027-02-13',
        to: '2027-02-21',
      },
    );
    expect(
      holidays.midden.find((h) => h.schoolYear === '2027-2028' && h.name === 'zomervakantie'),
    ).toMatchObject({
      from: '2028-07-08',
      to: '2028-08-20',
    });
    expect(fs.readFileSync(HOLIDAYS_FILE, 'utf8')).toContain('source: https://www.rijksoverheid.nl/');
  });

  it('refuses a file with a period that ends before it starts, naming the place', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-')), 'bad.yaml');
    fs.writeFileSync(
      bad,
      fs
        .readFileSync(HOLIDAYS_FILE, 'utf8')
        .replace('zuid: { from: 2027-02-13, to: 2027-02-21 }', 'zuid: { from: 2027-02-13, to: 2027-02-01 }'),
    );
    expect(() => loadHolidayFile(bad)).toThrow(
      `${bad}: schoolYears.2026-2027.voorjaarsvakantie.zuid: a period whose "to" is not before its "from"`,
    );
  });
});

describe('the next working moment', () => {
  it('is 09:00 on the next working day, in summer time after the clocks go forward', () => {
    // Friday 26 March 2027, 18:00 CET; the clocks go forward on Sunday 28 March.
    const from = new Date('2027-03-26T17:00:00Z');
    expect(iso(nextWorkingMoment(from, amsterdam, calendar))).toBe('2027-03-29T07:00:00.000Z');
  });

  it('is 09:00 in winter time after the clocks go back', () => {
    // Friday 29 October 2027, 18:00 CEST; the clocks go back on Sunday 31 October.
    const from = new Date('2027-10-29T16:00:00Z');
    expect(iso(nextWorkingMoment(from, amsterdam, calendar))).toBe('2027-11-01T08:00:00.000Z');
  });

  it('is exact on the very days of the switch when those are working days', () => {
    const everyDay = { ...calendar, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    expect(iso(nextWorkingMoment(new Date('2027-03-28T00:30:00Z'), amsterdam, everyDay))).toBe(
      '2027-03-28T07:00:00.000Z',
    );
    expect(iso(nextWorkingMoment(new Date('2027-10-31T00:30:00Z'), amsterdam, everyDay))).toBe(
      '2027-10-31T08:00:00.000Z',
    );
  });

  it('is now within working hours, and 09:00 the next day after them', () => {
    const monday1030 = new Date('2027-03-01T09:30:00Z');
    expect(nextWorkingMoment(monday1030, amsterdam, calendar)).toEqual(monday1030);
    expect(iso(nextWorkingMoment(new Date('2027-03-01T16:00:00Z'), amsterdam, calendar))).toBe(
      '2027-03-02T08:00:00.000Z',
    );
  });

  it('follows the member’s own time zone', () => {
    const curacao = { timeZone: 'America/Curacao', board: null };
    expect(iso(nextWorkingMoment(new Date('2027-03-01T08:00:00Z'), curacao, calendar))).toBe(
      '2027-03-01T13:00:00.000Z',
    );
  });

  it('waits until the school holiday of the member’s region is over', () => {
    const monday = new Date('2027-02-15T08:00:00Z'); // zuid has voorjaarsvakantie 13-21 February 2027
    expect(iso(nextWorkingMoment(monday, { timeZone: 'Europe/Amsterdam', board: zuid }, calendar))).toBe(
      '2027-02-22T08:00:00.000Z',
    );
    expect(nextWorkingMoment(monday, amsterdam, calendar)).toEqual(monday);
  });

  it('uses a board’s own holiday instead of its region’s', () => {
    const own: BoardDays = {
      region: 'zuid',
      overrides: [
        { name: 'voorjaarsvakantie', schoolYear: '2026-2027', from: '2027-02-20', to: '2027-02-28' },
      ],
    };
    const who = { timeZone: 'Europe/Amsterdam', board: own };
    expect(iso(nextWorkingMoment(new Date('2027-02-15T08:00:00Z'), who, calendar))).toBe(
      '2027-02-15T08:00:00.000Z',
    );
    expect(iso(nextWorkingMoment(new Date('2027-02-22T08:00:00Z'), who, calendar))).toBe(
      '2027-03-01T08:00:00.000Z',
    );
  });

  it('waits until the day after a member’s away date', () => {
    const who = { ...amsterdam, awayUntil: '2027-03-03' };
    expect(iso(nextWorkingMoment(new Date('2027-03-01T08:00:00Z'), who, calendar))).toBe(
      '2027-03-04T08:00:00.000Z',
    );
  });

  it('refuses a calendar without working days instead of searching for ever', () => {
    expect(() => nextWorkingMoment(new Date(), amsterdam, { ...DEFAULT_CALENDAR, workingDays: [] })).toThrow(
      'no working moment within 366 days',
    );
  });
});

const DAY = 86_400_000;
const cycle: Cycle = {
  id: 'c1',
  agendaId: 'po-raad-2022-2026',
  name: 'Voorjaar 2027',
  status: 'open',
  scope: ['a1'],
  audience: { boards: [], members: [] },
  opensAt: new Date('2027-02-14T23:00:00Z'), // Monday 15 February 2027, 00:00 CET
  closesAt: new Date('2027-03-07T22:59:00Z'), // Sunday 7 March, 23:59 CET
  reminders: [{ afterOpenDays: 2 }, { afterOpenDays: 7 }, { beforeCloseDays: 2 }],
  createdBy: null,
  openedAt: null,
  closedAt: null,
};
const member = (id: string, boardId: string, over: Partial<Member> = {}): Member => ({
  id,
  workspaceId: 'slack:T1',
  platform: 'slack',
  externalId: id,
  name: id,
  locale: 'nl',
  timeZone: 'Europe/Amsterdam',
  boardId,
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
  createdAt: new Date('2027-02-15T08:00:00Z'),
  answeredAt: null,
  remindersSent: 0,
  lastRemindedAt: null,
  ...over,
});
const context: DueContext = {
  calendar,
  boards: new Map([
    ['bn', noord],
    ['bz', zuid],
  ]),
  profilePrompted: new Set(),
};

describe('what is due, with the calendar', () => {
  it('counts reminder moments in calendar days across the switch to summer time', () => {
    const spring: Cycle = {
      ...cycle,
      opensAt: new Date('2027-03-21T23:00:00Z'), // Monday 22 March 00:00 CET
      closesAt: new Date('2027-04-11T21:59:00Z'), // Sunday 11 April 23:59 CEST
    };
    expect(reminderInstants(spring).map(iso)).toEqual([
      '2027-03-23T23:00:00.000Z', // Wednesday 24 March 00:00 CET
      '2027-03-28T22:00:00.000Z', // Monday 29 March 00:00 CEST, not 01:00
      '2027-04-09T21:59:00.000Z', // Friday 9 April 23:59 CEST
    ]);
  });

  it('opens in a school holiday of one region: that region is asked when it is over, the others at once', () => {
    const plan = computeDue(
      new Date('2027-02-15T08:00:00Z'),
      [{ cycle, audience: [member('north', 'bn'), member('south', 'bz')], checkIns: [] }],
      context,
    );
    expect(plan.checkIns.map((c) => [c.member.id, iso(c.notBefore)])).toEqual([
      ['north', '2027-02-15T08:00:00.000Z'],
      ['south', '2027-02-22T08:00:00.000Z'],
    ]);
  });

  it('lets a reminder moment inside a holiday wait until the holiday is over', () => {
    // noord has voorjaarsvakantie 20-28 February: the second moment (22 February) waits until 1 March.
    const plan = computeDue(
      new Date('2027-02-22T08:00:00Z'),
      [
        {
          cycle,
          audience: [member('north', 'bn')],
          checkIns: [
            checkIn('north', { remindersSent: 1, lastRemindedAt: new Date('2027-02-17T08:00:00Z') }),
          ],
        },
      ],
      context,
    );
    expect(plan.reminders.map((r) => [r.number, iso(r.notBefore)])).toEqual([
      [2, '2027-03-01T08:00:00.000Z'],
    ]);
  });

  it('reminds only members without an answer, and never a third time', () => {
    const audience = [member('a', 'bn'), member('b', 'bn'), member('c', 'bn')];
    const plan = computeDue(
      new Date('2027-03-05T23:30:00Z'), // after the moment two days before closing
      [
        {
          cycle,
          audience,
          checkIns: [
            checkIn('a', { answeredAt: new Date('2027-02-16T10:00:00Z') }),
            checkIn('b', { remindersSent: 2, lastRemindedAt: new Date('2027-03-01T08:00:00Z') }),
            checkIn('c', { remindersSent: 1, lastRemindedAt: new Date('2027-03-01T08:00:00Z') }),
          ],
        },
      ],
      { ...context, calendar: { ...calendar, workingDays: [1, 2, 3, 4, 5, 6, 7] } },
    );
    expect(plan.reminders.map((r) => [r.member.id, r.number])).toEqual([['c', 2]]);
  });

  it('does not queue what could only go out after the closing', () => {
    // Friday 5 March 18:00: the next working moment, Monday 8 March, is after the closing.
    const plan = computeDue(
      new Date('2027-03-05T17:00:00Z'),
      [{ cycle, audience: [member('late', 'bn')], checkIns: [checkIn('late')] }],
      context,
    );
    expect(plan.reminders).toEqual([]);
  });

  it('lets a member’s reminders wait until after the day they said they are away until', () => {
    const away = member('away', 'bn', { awayUntil: '2027-02-18' });
    const state = { cycle, audience: [away], checkIns: [checkIn('away')] };
    expect(computeDue(new Date('2027-02-17T08:00:00Z'), [state], context).reminders).toEqual([]);
    const after = computeDue(new Date('2027-02-19T08:00:00Z'), [state], context).reminders;
    expect(after.map((r) => iso(r.notBefore))).toEqual(['2027-02-19T08:00:00.000Z']);
  });

  it('sends the profile card, once, to someone of the audience who has no board yet', () => {
    const newcomer = member('new', '', { boardId: null });
    const state = { cycle, audience: [newcomer], checkIns: [] };
    const first = computeDue(
      new Date('2027-02-15T08:00:00Z'),
      [state, { ...state, cycle: { ...cycle, id: 'c2' } }],
      context,
    );
    expect(first.profilePrompts.map((p) => p.member.id)).toEqual(['new']);
    expect(first.checkIns).toEqual([]);
    const later = computeDue(new Date('2027-02-16T08:00:00Z'), [state], {
      ...context,
      profilePrompted: new Set(['new']),
    });
    expect(later.profilePrompts).toEqual([]);
  });
});

describe('the recurring rhythm', () => {
  it('reads the configured rhythm and says what is wrong with a bad one', () => {
    expect(parseRhythm('agenda=po-raad-2022-2026; opens=10-01,02-01,06-01; days=21; ahead=14')).toEqual({
      agendaId: 'po-raad-2022-2026',
      opens: ['02-01', '06-01', '10-01'],
      days: 21,
      ahead: 14,
    });
    expect(parseRhythm('agenda=vo-raad-2020-2025;opens=03-01')).toMatchObject({ days: 21, ahead: 14 });
    expect(() => parseRhythm('agenda=x; opens=13-01')).toThrow('expected opening days as MM-DD');
    expect(() => parseRhythm('opens=03-01')).toThrow('agenda=ID of a known agenda is required');
    expect(() => parseRhythm('agenda=x; opens=03-01,03-10; days=21')).toThrow('would overlap');
    expect(() => parseRhythm('agenda=x; opens=03-01; every=week')).toThrow('"every=week" is not one of');
  });

  it('comes from CYCLE_RHYTHM, and a wrong one stops the start naming the variable', () => {
    expect(loadConfig({}).delivery).toEqual({
      slackPerMinute: 300,
      rhythm: undefined,
      sendTimeoutMs: 10_000,
      leaseMs: 15_000,
      pollMs: 5_000,
    });
    expect(loadConfig({ CYCLE_RHYTHM: 'agenda=vo-raad-2020-2025; opens=09-15' }).delivery.rhythm).toEqual({
      agendaId: 'vo-raad-2020-2025',
      opens: ['09-15'],
      days: 21,
      ahead: 14,
    });
    expect(() => loadConfig({ CYCLE_RHYTHM: 'agenda=vo-raad-2020-2025; opens=15 September' })).toThrow(
      'CYCLE_RHYTHM: expected a rhythm like "agenda=po-raad-2022-2026; opens=02-01,06-01,10-01; days=21; ahead=14"',
    );
    expect(() => loadConfig({ SLACK_MESSAGES_PER_MINUTE: 'veel' })).toThrow(
      'SLACK_MESSAGES_PER_MINUTE: expected',
    );
  });

  it('plans each cycle from its planning day until it opens, and not after', () => {
    const rhythm = parseRhythm('agenda=po-raad-2022-2026; opens=03-01; days=21; ahead=14');
    const tz = 'Europe/Amsterdam';
    expect(rhythmCyclesDue(rhythm, new Date('2027-02-14T22:59:00Z'), tz)).toEqual([]);
    expect(rhythmCyclesDue(rhythm, new Date('2027-02-14T23:00:00Z'), tz)).toEqual([
      {
        slot: 'po-raad-2022-2026:2027-03-01',
        name: 'Voorjaar 2027',
        opensAt: new Date('2027-02-28T23:00:00Z'),
        closesAt: new Date('2027-03-21T22:59:00Z'),
      },
    ]);
    expect(rhythmCyclesDue(rhythm, new Date(Date.UTC(2027, 1, 28, 23) - DAY / 24), tz)).toHaveLength(1);
    expect(rhythmCyclesDue(rhythm, new Date('2027-02-28T23:00:00Z'), tz)).toEqual([]);
  });
});
