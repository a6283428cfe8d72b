import { SCHEDULER } from './access';
import {
  profileKey,
  queueProfilePrompt,
  queuePrompts,
  queueReminder,
  recipientOf,
} from './check-in-messages';
import { MAX_REMINDERS } from './cycles';
import { queueDigests } from './discussion/digests';
import { purgeExpiredTexts } from './discussion/retention';
import { settingsOf } from './discussion/settings';
import type { CheckIn, Cycle, Member, ReminderMoment } from './model';
import type { CoreDeps, Repositories } from './ports';
import { closeWithResults } from './results';
import {
  type BoardDays,
  DEFAULT_CALENDAR,
  nextWorkingMoment,
  type WorkCalendar,
} from './schedule/working-time';
import { remindOverdueRequests } from './steering-requests';
import { addLocalDays, localDate } from './time';

/** What the store holds that decides what is due: the cycles not closed, with their audience and check-ins. */
export interface CycleState {
  cycle: Cycle;
  audience: Member[];
  checkIns: CheckIn[];
}

/** What else decides when a message may go out: the calendar, the boards' days off, who was asked already. */
export interface DueContext {
  calendar: WorkCalendar;
  boards: ReadonlyMap<string, BoardDays>;
  /** Members who have had the profile card already. */
  profilePrompted: ReadonlySet<string>;
}

const NO_CONTEXT: DueContext = { calendar: DEFAULT_CALENDAR, boards: new Map(), profilePrompted: new Set() };

export interface DuePlan {
  open: Cycle[];
  close: Cycle[];
  /** Audience members without a board: the profile card first; their check-in follows once they chose. */
  profilePrompts: { cycle: Cycle; member: Member; notBefore: Date }[];
  checkIns: { cycle: Cycle; member: Member; notBefore: Date }[];
  reminders: { cycle: Cycle; member: Member; checkIn: CheckIn; number: number; notBefore: Date }[];
}

/** The reminder moments inside the cycle, counted in calendar days of the association's time zone. */
export function reminderInstants(cycle: Cycle, timeZone = DEFAULT_CALENDAR.timeZone): Date[] {
  return cycle.reminders
    .map((m: ReminderMoment) =>
      'afterOpenDays' in m
        ? addLocalDays(cycle.opensAt, m.afterOpenDays, timeZone)
        : addLocalDays(cycle.closesAt, -m.beforeCloseDays, timeZone),
    )
    .filter((d) => d > cycle.opensAt && d < cycle.closesAt)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Decides, from state and clock alone, what is due at `now`: so a tick missed while the service was down
 * is caught up by the next one. A reminder is due when a reminder moment has passed since the check-in's
 * prompt and the last reminder, the member has not answered, is not away, and had fewer than the maximum.
 * Each message gets the first working moment of its recipient (working hours in their own time zone,
 * working days, outside their board's school holidays; reminders also after their away date); one that
 * could only go out after the cycle closes is not sent at all.
 */
export function computeDue(
  now: Date,
  states: readonly CycleState[],
  context: DueContext = NO_CONTEXT,
): DuePlan {
  const plan: DuePlan = { open: [], close: [], profilePrompts: [], checkIns: [], reminders: [] };
  const { calendar, boards } = context;
  const profiled = new Set(context.profilePrompted);
  for (const { cycle, audience, checkIns } of states) {
    const shouldBeOpen = now >= cycle.opensAt && now < cycle.closesAt;
    if (now >= cycle.closesAt) {
      if (cycle.status !== 'closed') plan.close.push(cycle);
      continue;
    }
    if (!shouldBeOpen) continue;
    if (cycle.status === 'scheduled') plan.open.push(cycle);
    if (cycle.status !== 'open' && cycle.status !== 'scheduled') continue;
    const byMember = new Map(checkIns.map((c) => [c.memberId, c]));
    const moments = reminderInstants(cycle, calendar.timeZone).filter((d) => d <= now);
    const latestMoment = moments[moments.length - 1];
    const inTime = (at: Date) => at < cycle.closesAt;
    for (const member of audience) {
      if (member.unreachableAt) continue;
      const checkIn = byMember.get(member.id);
      if (!checkIn && !member.boardId) {
        if (profiled.has(member.id)) continue;
        profiled.add(member.id);
        const notBefore = nextWorkingMoment(now, recipientOf(member, boards, false), calendar);
        if (inTime(notBefore)) plan.profilePrompts.push({ cycle, member, notBefore });
        continue;
      }
      if (!checkIn) {
        const notBefore = nextWorkingMoment(now, recipientOf(member, boards, false), calendar);
        if (inTime(notBefore)) plan.checkIns.push({ cycle, member, notBefore });
        continue;
      }
      if (checkIn.answeredAt || !latestMoment || checkIn.remindersSent >= MAX_REMINDERS) continue;
      const since = checkIn.lastRemindedAt ?? checkIn.createdAt;
      if (latestMoment <= since) continue;
      if (member.awayUntil && member.awayUntil >= localDate(now, member.timeZone)) continue;
      const notBefore = nextWorkingMoment(now, recipientOf(member, boards, true), calendar);
      if (inTime(notBefore))
        plan.reminders.push({ cycle, member, checkIn, number: checkIn.remindersSent + 1, notBefore });
    }
  }
  return plan;
}

/** The members a cycle asks: those of its boards and those named; no boards and no names means every board. */
export async function resolveAudience(repos: Repositories, cycle: Cycle): Promise<Member[]> {
  const { boards, members } = cycle.audience;
  if (boards.length === 0 && members.length === 0) return repos.members.listWithBoard();
  const found = new Map<string, Member>();
  for (const m of await repos.members.listByBoards(boards)) found.set(m.id, m);
  for (const m of await repos.members.listByIds(members)) found.set(m.id, m);
  return [...found.values()];
}

export async function loadCycleStates(repos: Repositories): Promise<CycleState[]> {
  const cycles = await repos.cycles.listByStatus(['scheduled', 'open']);
  const states: CycleState[] = [];
  for (const cycle of cycles)
    states.push({
      cycle,
      audience: await resolveAudience(repos, cycle),
      checkIns: await repos.checkIns.listByCycle(cycle.id),
    });
  return states;
}

/** The boards' days off and the profile cards sent, for the members of these states. */
export async function loadDueContext(
  repos: Repositories,
  states: readonly CycleState[],
  calendar: WorkCalendar,
): Promise<DueContext> {
  const members = states.flatMap((s) => s.audience);
  const boardIds = [...new Set(members.flatMap((m) => (m.boardId ? [m.boardId] : [])))];
  const withoutBoard = [...new Set(members.filter((m) => !m.boardId).map((m) => m.id))];
  const sent = withoutBoard.length
    ? await repos.delivery.existingKeys(withoutBoard.map(profileKey))
    : new Set();
  return {
    calendar,
    boards: boardIds.length ? await repos.boardCalendars.daysOf(boardIds) : new Map(),
    profilePrompted: new Set(withoutBoard.filter((id) => sent.has(profileKey(id)))),
  };
}

export async function whatIsDue(deps: CoreDeps, now = deps.clock.now()): Promise<DuePlan> {
  const repos = deps.store.repos;
  const states = await loadCycleStates(repos);
  return computeDue(now, states, await loadDueContext(repos, states, deps.calendar ?? DEFAULT_CALENDAR));
}

/** Message texts past retention are purged once a day: the first run after local midnight claims the day. */
async function purgeOncePerDay(deps: CoreDeps, now: Date): Promise<number> {
  const day = localDate(now, settingsOf(deps).timeZone);
  if (!(await deps.store.repos.schedulerRuns.claim('purge', day, 'runDue', now))) return 0;
  return (await purgeExpiredTexts(deps, now)).purged;
}

/**
 * Carries out what is due: opens and closes cycles (closing queues the results), creates check-ins and
 * reminders and queues their messages, queues the communities' digests (after the closes, so a cycle's
 * digest goes with its close) and purges texts past retention once a day. Each step is guarded by a
 * unique key or a conditional update, so two replicas doing this at once produce each message once.
 */
export async function runDue(deps: CoreDeps): Promise<{
  opened: number;
  closed: number;
  checkIns: number;
  reminders: number;
  digests: number;
  purged: number;
  steeringReminders: number;
}> {
  const now = deps.clock.now();
  const plan = await whatIsDue(deps, now);
  const result = {
    opened: 0,
    closed: 0,
    checkIns: 0,
    reminders: 0,
    digests: 0,
    purged: 0,
    steeringReminders: 0,
  };
  for (const cycle of plan.open)
    if (await deps.store.repos.cycles.transition(cycle.id, ['scheduled'], 'open', now)) {
      await deps.store.repos.audit.write({
        at: now,
        actorId: null,
        action: 'cycle.open',
        target: cycle.id,
        details: { name: cycle.name, via: 'scheduler' },
      });
      result.opened++;
    }
  for (const { cycle, member, notBefore } of plan.profilePrompts)
    await queueProfilePrompt(deps.store.repos, deps, member, cycle.id, notBefore);
  result.checkIns += await queuePrompts(deps, plan.checkIns);
  for (const { cycle, member, checkIn, notBefore } of plan.reminders)
    if (await queueReminder(deps, cycle, member, checkIn, notBefore)) result.reminders++;
  for (const cycle of plan.close)
    if (await deps.store.transaction((repos) => closeWithResults(repos, deps, SCHEDULER, cycle)))
      result.closed++;
  result.digests = (await queueDigests(deps, now)).length;
  result.purged = await purgeOncePerDay(deps, now);
  result.steeringReminders = await remindOverdueRequests(deps);
  return result;
}
