import { type Actor, isCoordinator, requireMember } from './access';
import type { Agenda, Ambition, Theme } from './agenda/model';
import { type Coverage, cycleCoverage } from './coverage';
import { cycleProgress, listCycles } from './cycles';
import { type CycleStatusSummary, cycleStatus, type Trend, trendOf } from './discussion/summary';
import type { Board, CheckIn, Cycle, Member, Practice, Region, Update } from './model';
import type { CoreDeps, Repositories } from './ports';
import { type SteeringItem, steeringRequests } from './steering-requests';

/**
 * What the dashboard's pages ask: counts and shares for everyone, names of boards and people only for
 * coordinators (the roles are checked here, not in the web door).
 */

export interface AmbitionRow {
  ambition: Ambition;
  /** Per cycle that asked about it (oldest first); the last one with answers is "latest". */
  series: CycleStatusSummary[];
  latest: CycleStatusSummary | null;
  trend: Trend | null;
}

export interface SteeringRow {
  ambition: Ambition;
  itemId: string;
  explanation: string;
  status: Update['status'];
  /** Coordinators only. */
  boardName: string | null;
}

export interface CycleRate {
  cycle: Cycle;
  asked: number;
  answered: number;
}

export interface OverviewData {
  agenda: Agenda;
  themes: { theme: Theme | null; ambitions: AmbitionRow[] }[];
  cycles: CycleRate[];
  /** The latest cycle with check-ins, per region of the boards asked. */
  regions: { cycle: Cycle; rows: { region: Region | null; asked: number; answered: number }[] } | null;
  steering: SteeringRow[];
  practices: (Practice & { boardName: string | null })[];
  ownBoard: { board: Board; cycle: Cycle; updates: Update[] } | null;
  coordinator: boolean;
}

export interface CycleDetail {
  cycle: Cycle;
  rows: { member: Member; boardName: string | null; answeredAt: Date | null; reminders: number }[];
  /** Who the cycle cannot reach yet and why. */
  coverage: Coverage;
}

export interface RequestRow {
  item: SteeringItem;
  boardName: string;
}

const byOpening = (a: Cycle, b: Cycle) => a.opensAt.getTime() - b.opensAt.getTime();

/** The agenda's cycles that opened (open or closed), oldest first. */
async function agendaCycles(deps: CoreDeps, agendaId: string): Promise<Cycle[]> {
  return (await listCycles(deps))
    .filter((c) => c.agendaId === agendaId && (c.status === 'open' || c.status === 'closed'))
    .sort(byOpening);
}

const touches = (cycle: Cycle, ambitionId: string) =>
  cycle.scope.some((item) => item === ambitionId || item.startsWith(`${ambitionId}.`));

async function ambitionRow(repos: Repositories, cycles: readonly Cycle[], ambition: Ambition) {
  const asked = cycles.filter((c) => touches(c, ambition.id));
  const updates = await repos.discussion.currentUpdatesForAmbition(
    ambition.id,
    asked.map((c) => c.id),
  );
  const series = asked.map((c) => cycleStatus(c, updates));
  const answered = series.filter((s) => s.answers > 0);
  return {
    row: { ambition, series, latest: answered.at(-1) ?? null, trend: trendOf(series) } as AmbitionRow,
    updates,
  };
}

/** Asked and answered per region of the boards asked. */
async function regionRows(repos: Repositories, list: readonly CheckIn[]) {
  const members = await repos.members.listByIds(list.map((c) => c.memberId));
  const boards = new Map<string, Board>();
  for (const id of new Set(members.flatMap((m) => (m.boardId ? [m.boardId] : [])))) {
    const board = await repos.boards.get(id);
    if (board) boards.set(id, board);
  }
  const regionOf = new Map(
    members.map((m) => [m.id, m.boardId ? (boards.get(m.boardId)?.region ?? null) : null]),
  );
  const tally = new Map<Region | null, { asked: number; answered: number }>();
  for (const c of list) {
    const key = regionOf.get(c.memberId) ?? null;
    const t = tally.get(key) ?? { asked: 0, answered: 0 };
    t.asked++;
    if (c.answeredAt) t.answered++;
    tally.set(key, t);
  }
  return [...tally].map(([region, t]) => ({ region, ...t }));
}

/** The five newest good practices shared on the agenda's ambitions, with their boards. */
async function newestPractices(repos: Repositories, agenda: Agenda): Promise<OverviewData['practices']> {
  const practices: OverviewData['practices'] = [];
  for (const ambition of agenda.ambitions)
    for (const p of await repos.practices.listByAmbition(agenda.id, ambition.id))
      if (!practices.some((x) => x.id === p.id)) practices.push({ ...p, boardName: null });
  practices.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const shown = practices.slice(0, 5);
  const names = await repos.discussion.boardNames(shown.flatMap((p) => (p.boardId ? [p.boardId] : [])));
  for (const p of shown) p.boardName = p.boardId ? (names.get(p.boardId) ?? null) : null;
  return shown;
}

/** The overview page of an agenda as the viewer may see it. */
async function dashboardOverview(deps: CoreDeps, viewerId: string, agendaId: string): Promise<OverviewData> {
  const repos = deps.store.repos;
  const viewer = await requireMember(repos, viewerId);
  const agenda = deps.agendas.get(agendaId);
  const coordinator = isCoordinator(viewer);
  const cycles = await agendaCycles(deps, agenda.id);
  const checkIns = new Map<string, CheckIn[]>();
  for (const c of cycles) checkIns.set(c.id, await repos.checkIns.listByCycle(c.id));

  const rows = new Map<string, AmbitionRow>();
  const steeringUpdates: { ambition: Ambition; update: Update }[] = [];
  const latestCycle = cycles.at(-1) ?? null;
  for (const ambition of agenda.ambitions) {
    const { row, updates } = await ambitionRow(repos, cycles, ambition);
    rows.set(ambition.id, row);
    for (const u of updates)
      if (u.steeringNeeded && u.cycleId === latestCycle?.id) steeringUpdates.push({ ambition, update: u });
  }
  const themes: OverviewData['themes'] = [];
  const apart = agenda.ambitions.filter((a) => !a.theme);
  if (apart.length) themes.push({ theme: null, ambitions: apart.map((a) => rows.get(a.id) as AmbitionRow) });
  for (const theme of agenda.themes) {
    const own = agenda.ambitions.filter((a) => a.theme === theme.id);
    if (own.length) themes.push({ theme, ambitions: own.map((a) => rows.get(a.id) as AmbitionRow) });
  }

  const boardIds = [...new Set(steeringUpdates.map((s) => s.update.boardId))];
  const boardNames = boardIds.length
    ? await repos.discussion.boardNames(boardIds)
    : new Map<string, string>();
  const steering = steeringUpdates.map(({ ambition, update }) => ({
    ambition,
    itemId: update.itemId,
    explanation: update.steeringExplanation,
    status: update.status,
    boardName: coordinator ? (boardNames.get(update.boardId) ?? null) : null,
  }));

  const withCheckIns = [...cycles].reverse().find((c) => (checkIns.get(c.id) ?? []).length > 0);
  const regions = withCheckIns
    ? { cycle: withCheckIns, rows: await regionRows(repos, checkIns.get(withCheckIns.id) ?? []) }
    : null;

  let ownBoard: OverviewData['ownBoard'] = null;
  const latestAnswered = [...cycles].reverse().find((c) => c.id);
  if (viewer.boardId && latestAnswered) {
    const board = await repos.boards.get(viewer.boardId);
    if (board)
      ownBoard = {
        board,
        cycle: latestAnswered,
        updates: await repos.updates.current(latestAnswered.id, board.id),
      };
  }

  return {
    agenda,
    themes,
    cycles: cycles.map((cycle) => {
      const list = checkIns.get(cycle.id) ?? [];
      return { cycle, asked: list.length, answered: list.filter((c) => c.answeredAt).length };
    }),
    regions,
    steering,
    practices: await newestPractices(repos, agenda),
    ownBoard,
    coordinator,
  };
}

/** Who has and has not answered a cycle, unanswered first: for coordinators (cycleProgress refuses others). */
async function cycleAnswers(deps: CoreDeps, actor: Actor, cycleId: string): Promise<CycleDetail> {
  const progress = await cycleProgress(deps, actor, cycleId);
  const repos = deps.store.repos;
  const members = new Map(
    (await repos.members.listByIds(progress.checkIns.map((c) => c.memberId))).map((m) => [m.id, m]),
  );
  const names = await repos.discussion.boardNames(
    [...members.values()].flatMap((m) => (m.boardId ? [m.boardId] : [])),
  );
  const rows = progress.checkIns.flatMap((c) => {
    const member = members.get(c.memberId);
    return member
      ? [
          {
            member,
            boardName: member.boardId ? (names.get(member.boardId) ?? null) : null,
            answeredAt: c.answeredAt,
            reminders: c.remindersSent,
          },
        ]
      : [];
  });
  rows.sort(
    (a, b) =>
      Number(a.answeredAt !== null) - Number(b.answeredAt !== null) ||
      a.member.name.localeCompare(b.member.name),
  );
  return { cycle: progress.cycle, rows, coverage: await cycleCoverage(deps, actor, cycleId) };
}

/** The steering requests of a cycle with their boards' names (coordinators only: steeringRequests checks). */
async function cycleSteeringRequests(deps: CoreDeps, actor: Actor, cycleId: string): Promise<RequestRow[]> {
  const items = (await steeringRequests(deps, actor)).filter((i) => i.update.cycleId === cycleId);
  const rows: RequestRow[] = [];
  for (const item of items)
    rows.push({ item, boardName: (await deps.store.repos.boards.get(item.update.boardId))?.name ?? '?' });
  return rows;
}

/** The dashboard's queries bound to their dependencies, for createCore. */
export function dashboardViews(deps: CoreDeps) {
  return {
    /** The member a dashboard session belongs to; null when they are no longer there. */
    dashboardOverview: (viewerId: string, agendaId: string) => dashboardOverview(deps, viewerId, agendaId),
    cycleAnswers: (actor: Actor, cycleId: string) => cycleAnswers(deps, actor, cycleId),
    cycleSteeringRequests: (actor: Actor, cycleId: string) => cycleSteeringRequests(deps, actor, cycleId),
  };
}
