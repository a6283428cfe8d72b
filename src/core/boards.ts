import { type Actor, actorId, requireCoordinator, requireMember } from './access';
import { AppError } from './errors';
import type { Board } from './model';
import type { CoreDeps, NewBoard } from './ports';

/** Boards written per step of an import; progress is told after each. */
const IMPORT_STEP = 200;

/**
 * Registers or updates boards (by DUO number) in one transaction; coordinators and the CLI only.
 * `onProgress` hears how many are done after each step, for a long file.
 */
export async function registerBoards(
  deps: CoreDeps,
  actor: Actor,
  boards: readonly NewBoard[],
  onProgress?: (done: number, total: number) => void,
) {
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const counts = { inserted: 0, updated: 0 };
    for (let i = 0; i < boards.length; i += IMPORT_STEP) {
      const step = await repos.boards.upsertMany(boards.slice(i, i + IMPORT_STEP), deps.ids);
      counts.inserted += step.inserted;
      counts.updated += step.updated;
      onProgress?.(Math.min(i + IMPORT_STEP, boards.length), boards.length);
    }
    await repos.audit.write({
      at: deps.clock.now(),
      actorId: actorId(actor),
      action: 'boards.register',
      target: null,
      details: { ...counts, via: 'system' in actor ? actor.system : 'chat' },
    });
    return counts;
  });
}

export function searchBoards(deps: CoreDeps, query: string, limit = 50): Promise<Board[]> {
  return deps.store.repos.boards.search(query.trim(), limit);
}

export function findBoardByDuo(deps: CoreDeps, duoNumber: string): Promise<Board | null> {
  return deps.store.repos.boards.findByDuo(duoNumber.trim());
}

/** A member chooses their board at first contact; it stays unconfirmed until a coordinator confirms. */
export async function chooseBoard(deps: CoreDeps, memberId: string, boardId: string): Promise<Board> {
  return deps.store.transaction(async (repos) => {
    const member = await requireMember(repos, memberId);
    const board = await repos.boards.get(boardId);
    if (!board) throw new AppError('UNKNOWN_BOARD', `no board ${boardId}`, { board: boardId });
    if (member.boardId !== boardId || !member.boardConfirmed)
      await repos.members.setBoard(memberId, boardId, false);
    return board;
  });
}

/** A coordinator confirms or corrects the board of a member. */
export async function confirmBoard(deps: CoreDeps, actor: Actor, memberId: string, boardId: string) {
  await deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    await requireMember(repos, memberId);
    if (!(await repos.boards.get(boardId)))
      throw new AppError('UNKNOWN_BOARD', `no board ${boardId}`, { board: boardId });
    await repos.members.setBoard(memberId, boardId, true);
    await repos.audit.write({
      at: deps.clock.now(),
      actorId: actorId(actor),
      action: 'member.board.confirm',
      target: memberId,
      details: { boardId },
    });
  });
}
