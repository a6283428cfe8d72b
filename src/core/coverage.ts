import { type Actor, requireCoordinator } from './access';
import { getCycle } from './cycles';
import { resolveAudience } from './due';
import type { Member } from './model';
import type { CoreDeps, Repositories } from './ports';
import { localDate } from './time';

/** Why a member of a cycle's audience cannot be asked (yet). */
export type CoverageReason = 'no_board' | 'no_chat' | 'unreachable' | 'away';

export interface Coverage {
  /** Members the cycle asks. */
  audience: number;
  /** Of them, who can get the check-in now. */
  reachable: number;
  /** Who cannot, and why; members without a board for a cycle of every board too. */
  gaps: { member: Member; reason: CoverageReason }[];
  /** Boards of the audience without any known member: nobody there is asked. */
  emptyBoards: string[];
}

async function reasonFor(repos: Repositories, member: Member, today: string): Promise<CoverageReason | null> {
  if (member.unreachableAt) return 'unreachable';
  // Teams can only write into a chat it knows, or create one for someone it met in a team's roster.
  if (
    member.platform === 'teams' &&
    !(await repos.teams.personalConversationRef(member.id)) &&
    !(await repos.teams.user(member.id))
  )
    return 'no_chat';
  if (!member.boardId) return 'no_board';
  if (member.awayUntil && member.awayUntil >= today) return 'away';
  return null;
}

/**
 * Who a cycle reaches: per member of its audience whether the check-in can reach them and, if not, why
 * (no board chosen, no chat with the bot, the bot removed, away); and the boards nobody is known of.
 */
export async function cycleCoverage(deps: CoreDeps, actor: Actor, cycleId: string): Promise<Coverage> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await getCycle(repos, cycleId);
  const audience = await resolveAudience(repos, cycle);
  const everyBoard = cycle.audience.boards.length === 0 && cycle.audience.members.length === 0;
  // A cycle of every board also misses those who never chose one (coordinators aside).
  const withoutBoard = everyBoard
    ? (await repos.members.listWithoutBoard()).filter((m) => !m.roles.includes('coordinator'))
    : [];
  const gaps: Coverage['gaps'] = [];
  for (const member of [...audience, ...withoutBoard]) {
    const reason = await reasonFor(repos, member, localDate(deps.clock.now(), member.timeZone));
    if (reason) gaps.push({ member, reason });
  }
  const emptyBoards: string[] = [];
  for (const boardId of cycle.audience.boards)
    if (!audience.some((m) => m.boardId === boardId)) {
      const board = await repos.boards.get(boardId);
      emptyBoards.push(board?.name ?? boardId);
    }
  const total = audience.length + withoutBoard.length;
  return { audience: total, reachable: total - gaps.length, gaps, emptyBoards };
}
