import { requireMember } from './access';
import { getCycle } from './cycles';
import { resolveAudience } from './due';
import { AppError } from './errors';
import type { Update, UpdateAnswer } from './model';
import { queuePeerOffers } from './peer-matching';
import type { CoreDeps } from './ports';

export interface SubmitUpdateInput {
  cycleId: string;
  /** The board the form was filled in for; must be the member's own. */
  boardId?: string;
  answers: UpdateAnswer[];
}

/**
 * Stores a member's answers for their own board while the cycle is open. Editing is submitting again:
 * each answer gets a new version and the history stays.
 */
export async function submitUpdate(
  deps: CoreDeps,
  memberId: string,
  input: SubmitUpdateInput,
): Promise<Update[]> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const member = await requireMember(repos, memberId);
    const cycle = await getCycle(repos, input.cycleId);
    if (cycle.status === 'closed' || now >= cycle.closesAt)
      throw new AppError('CYCLE_CLOSED', `cycle ${cycle.id} closed`, { cycle: cycle.name });
    if (cycle.status !== 'open' || now < cycle.opensAt)
      throw new AppError('CYCLE_NOT_OPEN', `cycle ${cycle.id} is ${cycle.status}`, { cycle: cycle.name });
    if (!member.boardId) throw new AppError('NO_BOARD_CHOSEN', `member ${member.id} has no board`);
    if (input.boardId && input.boardId !== member.boardId)
      throw new AppError('NOT_OWN_BOARD', `member ${member.id} answered for board ${input.boardId}`);
    const inAudience =
      (await repos.checkIns.get(cycle.id, member.id)) !== null ||
      (await resolveAudience(repos, cycle)).some((m) => m.id === member.id);
    if (!inAudience) throw new AppError('NOT_IN_AUDIENCE', `member ${member.id} not asked in ${cycle.id}`);
    for (const answer of input.answers)
      if (!cycle.scope.includes(answer.itemId))
        throw new AppError('UNKNOWN_SCOPE_ITEM', `item ${answer.itemId} not in ${cycle.id}`, {
          item: answer.itemId,
        });
    const stored = await repos.updates.save(
      cycle.id,
      member.boardId,
      member.id,
      input.answers,
      now,
      deps.ids,
    );
    await repos.checkIns.markAnswered(cycle.id, member.id, now);
    await queuePeerOffers(deps, repos, member, cycle, stored, now);
    return stored;
  });
}

/** The current answers of the member's board in a cycle, to pre-fill the form. */
export async function currentUpdates(deps: CoreDeps, memberId: string, cycleId: string): Promise<Update[]> {
  const member = await requireMember(deps.store.repos, memberId);
  if (!member.boardId) return [];
  return deps.store.repos.updates.current(cycleId, member.boardId);
}
