import { type Actor, requireCoordinator } from './access';
import { type Agenda, scopeItems } from './agenda/model';
import { type AudienceEntry, enrolAudienceIn } from './audience';
import { type PlanCycleInput, planCycleIn } from './cycles';
import { AppError } from './errors';
import type { Board, Cycle, Platform } from './model';
import type { CoreDeps } from './ports';

/** A cycle by its id or by an unambiguous start of it (as `cycle status 3f2a` on the command line). */
export async function findCycle(deps: CoreDeps, idOrPrefix: string): Promise<Cycle> {
  const wanted = idOrPrefix.trim().toLowerCase();
  const cycles = await deps.store.repos.cycles.list();
  const exact = cycles.find((c) => c.id === wanted);
  if (exact) return exact;
  const matches = wanted ? cycles.filter((c) => c.id.startsWith(wanted)) : [];
  if (matches.length === 1) return matches[0] as Cycle;
  if (matches.length > 1)
    throw new AppError('AMBIGUOUS_ID', `"${idOrPrefix}" is the start of ${matches.length} cycles`, {
      id: idOrPrefix,
      count: matches.length,
    });
  throw new AppError('UNKNOWN_CYCLE', `no cycle ${idOrPrefix}`, { cycle: idOrPrefix });
}

export interface PlanWithAudienceInput extends Omit<PlanCycleInput, 'audience'> {
  /** DUO numbers of the boards asked. */
  boardDuos: string[];
  /** People asked besides the boards (a CSV's rows); met and created as members. */
  people: readonly AudienceEntry[];
  /** Where the people came from, for the audit (`csv:FILE`). */
  source: string;
}

/** Plans a cycle with its audience in one transaction: a refusal leaves no member or board change behind. */
export async function planCycleWithAudience(
  deps: CoreDeps,
  actor: Actor,
  input: PlanWithAudienceInput,
): Promise<Cycle> {
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const boards: string[] = [];
    for (const duo of input.boardDuos) {
      const board = await repos.boards.findByDuo(duo);
      if (!board) throw new AppError('UNKNOWN_BOARD', `no board with DUO number ${duo}`, { board: duo });
      boards.push(board.id);
    }
    const members = input.people.length
      ? (await enrolAudienceIn(repos, deps, actor, input.people, input.source)).map((m) => m.id)
      : [];
    const { boardDuos: _b, people: _p, source: _s, ...plan } = input;
    return planCycleIn(repos, deps, actor, { ...plan, audience: { boards, members } });
  });
}

export interface PersonWaiting {
  name: string;
  platform: Platform;
  board: string | null;
  reminders: number;
  unreachable: boolean;
}

export interface BoardResponse {
  board: string;
  asked: number;
  answered: number;
}

export interface CycleReport {
  cycle: Cycle;
  agendaName: string;
  asked: number;
  answered: number;
  /** 0..1; 0 when nobody was asked yet. */
  responseRate: number;
  byBoard: BoardResponse[];
  notAnswered: PersonWaiting[];
}

/** Where a cycle stands, for a coordinator: response per board and who has not answered. */
export async function cycleReport(deps: CoreDeps, actor: Actor, idOrPrefix: string): Promise<CycleReport> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await findCycle(deps, idOrPrefix);
  const checkIns = await repos.checkIns.listByCycle(cycle.id);
  const members = new Map(
    (await repos.members.listByIds(checkIns.map((c) => c.memberId))).map((m) => [m.id, m]),
  );
  const boardNames = new Map<string, string>();
  for (const m of members.values())
    if (m.boardId && !boardNames.has(m.boardId))
      boardNames.set(m.boardId, (await repos.boards.get(m.boardId))?.name ?? m.boardId);
  const byBoard = new Map<string, BoardResponse>();
  const notAnswered: PersonWaiting[] = [];
  for (const c of checkIns) {
    const member = members.get(c.memberId);
    const board = member?.boardId ? (boardNames.get(member.boardId) ?? null) : null;
    const row = byBoard.get(board ?? '') ?? { board: board ?? '', asked: 0, answered: 0 };
    row.asked++;
    if (c.answeredAt) row.answered++;
    byBoard.set(row.board, row);
    if (!c.answeredAt)
      notAnswered.push({
        name: member?.name ?? c.memberId,
        platform: member?.platform ?? 'slack',
        board,
        reminders: c.remindersSent,
        unreachable: Boolean(member?.unreachableAt),
      });
  }
  const answered = checkIns.filter((c) => c.answeredAt).length;
  const byName = (a: { board: string }, b: { board: string }) => a.board.localeCompare(b.board, 'nl');
  return {
    cycle,
    agendaName: deps.agendas.agendas.find((a) => a.id === cycle.agendaId)?.name ?? cycle.agendaId,
    asked: checkIns.length,
    answered,
    responseRate: checkIns.length ? answered / checkIns.length : 0,
    byBoard: [...byBoard.values()].sort(byName),
    notAnswered: notAnswered.sort(
      (a, b) => (a.board ?? '').localeCompare(b.board ?? '', 'nl') || a.name.localeCompare(b.name, 'nl'),
    ),
  };
}

export interface BoardListing extends Board {
  members: number;
}

/** The member boards with how many people each has, optionally of one region or only those without anyone. */
export async function listBoards(
  deps: CoreDeps,
  filter: { region?: Board['region']; withoutMembers?: boolean } = {},
): Promise<BoardListing[]> {
  const repos = deps.store.repos;
  const boards = await repos.boards.search('', Number.MAX_SAFE_INTEGER);
  const counts = new Map<string, number>();
  for (const m of await repos.members.listWithBoard())
    if (m.boardId) counts.set(m.boardId, (counts.get(m.boardId) ?? 0) + 1);
  return boards
    .map((b) => ({ ...b, members: counts.get(b.id) ?? 0 }))
    .filter((b) => !filter.region || b.region === filter.region)
    .filter((b) => !filter.withoutMembers || b.members === 0);
}

/**
 * Refuses to replace or remove an agenda while cycles that are not closed ask about items the agenda
 * that remains (`replacement`, or none) would no longer have: the scheduler could not send them.
 */
export async function refuseIfAgendaInUse(deps: CoreDeps, agendaId: string, replacement: Agenda | null) {
  const kept = new Set(replacement ? scopeItems(replacement).map((i) => i.id) : []);
  const cycles = (await deps.store.repos.cycles.list()).filter(
    (c) => c.agendaId === agendaId && c.status !== 'closed',
  );
  const lost = [...new Set(cycles.flatMap((c) => c.scope.filter((id) => !kept.has(id))))];
  if (lost.length)
    throw new AppError(
      'AGENDA_IN_USE',
      `${agendaId} is used by ${cycles.map((c) => `"${c.name}"`).join(', ')}, which ask about ${lost.join(', ')}`,
      { agenda: agendaId, items: lost.join(', ') },
    );
}
