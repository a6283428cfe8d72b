import { type Actor, actorId, requireCoordinator } from './access';
import { AppError } from './errors';
import type { CoreDeps } from './ports';
import type { Holiday } from './schedule/holidays';

/**
 * A board's own school holiday (its schools set their herfst- or voorjaarsvakantie themselves): it replaces
 * the region's holiday of the same name and school year for the members of that board.
 */
export async function setBoardHoliday(deps: CoreDeps, actor: Actor, boardId: string, holiday: Holiday) {
  if (holiday.to < holiday.from)
    throw new AppError('INPUT_INVALID', 'holiday ends before it starts', {
      detail: `${holiday.from} > ${holiday.to}`,
    });
  await deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    if (!(await repos.boards.get(boardId)))
      throw new AppError('UNKNOWN_BOARD', `no board ${boardId}`, { board: boardId });
    await repos.boardCalendars.setHoliday(boardId, holiday);
    await repos.audit.write({
      at: deps.clock.now(),
      actorId: actorId(actor),
      action: 'board.holiday.set',
      target: boardId,
      details: { ...holiday },
    });
  });
}

export async function removeBoardHoliday(
  deps: CoreDeps,
  actor: Actor,
  boardId: string,
  schoolYear: string,
  name: string,
): Promise<boolean> {
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const removed = await repos.boardCalendars.removeHoliday(boardId, schoolYear, name);
    if (removed)
      await repos.audit.write({
        at: deps.clock.now(),
        actorId: actorId(actor),
        action: 'board.holiday.remove',
        target: boardId,
        details: { schoolYear, name },
      });
    return removed;
  });
}
