import type { Cycle, Update } from '../model';
import { UPDATE_STATUSES, type UpdateStatus } from '../model';
import type { AuthorActivity } from './ports';
import type { BoardParticipation, CycleStatusSummary, Participation, Trend } from './summary-model';

/** The parts of a summary that are counted rather than read: cycles, their trend, participation. */

/** Average progress must move this many points between two cycles to count as a trend. */
const TREND_POINTS = 5;

function touches(cycle: Cycle, ambitionId: string) {
  return cycle.scope.some((item) => item === ambitionId || item.startsWith(`${ambitionId}.`));
}

/** Cycles overlapping the period, and the last one before it (for the trend, or when none overlaps). */
export function cyclesInView(
  cycles: readonly Cycle[],
  agendaId: string,
  ambitionId: string,
  from: Date,
  to: Date,
) {
  const relevant = cycles
    .filter((c) => c.agendaId === agendaId && (c.status === 'open' || c.status === 'closed'))
    .filter((c) => touches(c, ambitionId) && c.opensAt < to)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const overlapping = relevant.filter((c) => c.closesAt > from);
  const before = relevant.filter((c) => c.closesAt <= from).at(-1);
  return { view: before ? [before, ...overlapping] : overlapping, overlapping };
}

export function cycleStatus(cycle: Cycle, updates: readonly Update[]): CycleStatusSummary {
  const mine = updates.filter((u) => u.cycleId === cycle.id);
  const counts = Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>;
  for (const u of mine) counts[u.status]++;
  return {
    cycleId: cycle.id,
    name: cycle.name,
    opensAt: cycle.opensAt,
    closesAt: cycle.closesAt,
    open: cycle.status === 'open',
    boards: new Set(mine.map((u) => u.boardId)).size,
    answers: mine.length,
    counts,
    averageProgress: mine.length
      ? Math.round(mine.reduce((sum, u) => sum + u.progress, 0) / mine.length)
      : null,
  };
}

export function trendOf(cycles: readonly CycleStatusSummary[]): Trend | null {
  const measured = cycles.filter((c) => c.averageProgress !== null);
  const [previous, last] = measured.slice(-2);
  if (!previous || !last) return null;
  const delta = (last.averageProgress as number) - (previous.averageProgress as number);
  return delta >= TREND_POINTS ? 'improving' : delta <= -TREND_POINTS ? 'declining' : 'stable';
}

export function participation(
  activity: readonly AuthorActivity[],
  boardNames: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string> | null,
): Participation {
  const byBoard = new Map<string | null, { messages: number; members: Set<string> }>();
  for (const a of activity) {
    const b = byBoard.get(a.boardId) ?? { messages: 0, members: new Set<string>() };
    b.messages += a.messages;
    if (a.memberId) b.members.add(a.memberId);
    byBoard.set(a.boardId, b);
  }
  const boards = [...byBoard].map(([boardId, b]): BoardParticipation => {
    const row: BoardParticipation = {
      boardId,
      boardName: boardId ? (boardNames.get(boardId) ?? null) : null,
      messages: b.messages,
      members: b.members.size,
    };
    if (names)
      row.names = [...b.members]
        .map((id) => names.get(id))
        .filter((n): n is string => Boolean(n))
        .sort((x, y) => x.localeCompare(y, 'nl'));
    return row;
  });
  boards.sort(
    (a, b) => b.messages - a.messages || (a.boardName ?? '~').localeCompare(b.boardName ?? '~', 'nl'),
  );
  return {
    messages: activity.reduce((n, a) => n + a.messages, 0),
    members: new Set(activity.flatMap((a) => (a.memberId ? [a.memberId] : []))).size,
    boards,
    namesShown: names !== null,
  };
}
