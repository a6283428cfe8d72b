import { type Actor, actorId, requireCoordinator } from './access';
import { queueReminder, recipientOf } from './check-in-messages';
import { AppError } from './errors';
import type { CheckIn, Cycle, CycleAudience, ReminderMoment } from './model';
import type { CoreDeps, Repositories } from './ports';
import { closeWithResults } from './results';
import { DEFAULT_CALENDAR, nextWorkingMoment } from './schedule/working-time';

/** Two reminders by default: two and seven days after opening, or two days before closing if that comes first. */
export const DEFAULT_REMINDERS: ReminderMoment[] = [
  { afterOpenDays: 2 },
  { afterOpenDays: 7 },
  { beforeCloseDays: 2 },
];
export const MAX_REMINDERS = 2;

export interface PlanCycleInput {
  agendaId: string;
  name: string;
  /** Ambition and action ids; empty means every ambition of the agenda. */
  scope: string[];
  audience: CycleAudience;
  opensAt: Date;
  closesAt: Date;
  reminders?: ReminderMoment[];
}

async function audit(repos: Repositories, deps: CoreDeps, actor: Actor, action: string, cycle: Cycle) {
  await repos.audit.write({
    at: deps.clock.now(),
    actorId: actorId(actor),
    action,
    target: cycle.id,
    details: { name: cycle.name, via: 'system' in actor ? actor.system : 'chat' },
  });
}

/** Plans a cycle: scheduled to open by itself at opensAt. */
/** A cycle's name is one line in lists, cards and exports. */
export const MAX_CYCLE_NAME = 120;

export async function planCycle(deps: CoreDeps, actor: Actor, input: PlanCycleInput): Promise<Cycle> {
  return deps.store.transaction((repos) => planCycleIn(repos, deps, actor, input));
}

/** Plans a cycle inside the caller's transaction (the rhythm claims its slot in the same one). */
export async function planCycleIn(
  repos: Repositories,
  deps: CoreDeps,
  actor: Actor,
  input: PlanCycleInput,
): Promise<Cycle> {
  const agenda = deps.agendas.get(input.agendaId);
  const scope = input.scope.length > 0 ? input.scope : agenda.ambitions.map((a) => a.id);
  deps.agendas.scopeItems(agenda.id, scope); // refuses unknown ids
  if (scope.length === 0) throw new AppError('CYCLE_EMPTY_SCOPE', 'empty scope');
  if (input.closesAt <= input.opensAt) throw new AppError('CYCLE_BAD_DATES', 'closes before it opens');
  if (input.name.trim().length === 0 || input.name.length > MAX_CYCLE_NAME)
    throw new AppError('INPUT_INVALID', 'cycle name empty or too long', {
      detail: `naam van 1 tot ${MAX_CYCLE_NAME} tekens`,
    });
  await requireCoordinator(repos, actor);
  for (const boardId of input.audience.boards)
    if (!(await repos.boards.get(boardId)))
      throw new AppError('UNKNOWN_BOARD', `no board ${boardId}`, { board: boardId });
  const cycle: Cycle = {
    id: deps.ids(),
    agendaId: agenda.id,
    name: input.name.trim(),
    status: 'scheduled',
    scope,
    audience: input.audience,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    reminders: input.reminders ?? DEFAULT_REMINDERS,
    createdBy: actorId(actor),
    openedAt: null,
    closedAt: null,
  };
  await repos.cycles.insert(cycle);
  await audit(repos, deps, actor, 'cycle.plan', cycle);
  return cycle;
}

export async function getCycle(repos: Repositories, cycleId: string): Promise<Cycle> {
  const cycle = await repos.cycles.get(cycleId);
  if (!cycle) throw new AppError('UNKNOWN_CYCLE', `no cycle ${cycleId}`, { cycle: cycleId });
  return cycle;
}

/** Opens a scheduled cycle now (a coordinator's "start"); check-ins follow from what is due. */
export async function openCycle(deps: CoreDeps, actor: Actor, cycleId: string): Promise<Cycle> {
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const cycle = await getCycle(repos, cycleId);
    if (!(await repos.cycles.transition(cycle.id, ['draft', 'scheduled'], 'open', deps.clock.now())))
      throw new AppError('CYCLE_BAD_STATE', `cycle ${cycle.id} is ${cycle.status}`, {
        cycle: cycle.name,
        status: cycle.status,
      });
    await audit(repos, deps, actor, 'cycle.open', cycle);
    return getCycle(repos, cycle.id);
  });
}

/** Closes a cycle and queues its results; answers after this are refused. */
export async function closeCycle(deps: CoreDeps, actor: Actor, cycleId: string): Promise<Cycle> {
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const cycle = await getCycle(repos, cycleId);
    if (!(await closeWithResults(repos, deps, actor, cycle)))
      throw new AppError('CYCLE_BAD_STATE', `cycle ${cycle.id} is ${cycle.status}`, {
        cycle: cycle.name,
        status: cycle.status,
      });
    return getCycle(repos, cycle.id);
  });
}

export interface RemindResult {
  /** Reminders queued now (each goes out at the member's next working moment). */
  queued: number;
  /** Members without an answer who had the maximum of reminders already. */
  atMaximum: number;
  /** Members without an answer whose next working moment falls after the closing. */
  tooLate: number;
}

/**
 * A coordinator's "herinner": queues a reminder now to everyone asked who has not answered, within the
 * same maximum of reminders per cycle as the scheduled ones (they share the dedupe keys).
 */
export async function remindNow(deps: CoreDeps, actor: Actor, cycleId: string): Promise<RemindResult> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await getCycle(repos, cycleId);
  const now = deps.clock.now();
  if (cycle.status === 'closed' || now >= cycle.closesAt)
    throw new AppError('CYCLE_CLOSED', `cycle ${cycle.id} closed`, { cycle: cycle.name });
  if (cycle.status !== 'open')
    throw new AppError('CYCLE_NOT_OPEN', `cycle ${cycle.id} is ${cycle.status}`, { cycle: cycle.name });
  const calendar = deps.calendar ?? DEFAULT_CALENDAR;
  const open = (await repos.checkIns.listByCycle(cycle.id)).filter((c) => !c.answeredAt);
  const members = new Map((await repos.members.listByIds(open.map((c) => c.memberId))).map((m) => [m.id, m]));
  const boardIds = [...new Set([...members.values()].flatMap((m) => (m.boardId ? [m.boardId] : [])))];
  const boards = boardIds.length ? await repos.boardCalendars.daysOf(boardIds) : new Map();
  const result: RemindResult = { queued: 0, atMaximum: 0, tooLate: 0 };
  for (const checkIn of open) {
    const member = members.get(checkIn.memberId);
    if (!member || member.unreachableAt) continue;
    if (checkIn.remindersSent >= MAX_REMINDERS) {
      result.atMaximum++;
      continue;
    }
    const notBefore = nextWorkingMoment(now, recipientOf(member, boards, true), calendar);
    if (notBefore >= cycle.closesAt) result.tooLate++;
    else if (await queueReminder(deps, cycle, member, checkIn, notBefore)) result.queued++;
  }
  await repos.audit.write({
    at: now,
    actorId: actorId(actor),
    action: 'cycle.remind',
    target: cycle.id,
    details: { name: cycle.name, via: 'system' in actor ? actor.system : 'chat', ...result },
  });
  return result;
}

export interface CycleProgress {
  cycle: Cycle;
  checkIns: CheckIn[];
  answered: number;
  responseRate: number;
}

export async function cycleProgress(deps: CoreDeps, actor: Actor, cycleId: string): Promise<CycleProgress> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await getCycle(repos, cycleId);
  const checkIns = await repos.checkIns.listByCycle(cycle.id);
  const answered = checkIns.filter((c) => c.answeredAt).length;
  return { cycle, checkIns, answered, responseRate: checkIns.length ? answered / checkIns.length : 0 };
}

export async function listCycles(deps: CoreDeps): Promise<Cycle[]> {
  return deps.store.repos.cycles.list();
}
