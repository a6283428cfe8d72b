import { searchBoards } from './boards';
import { getCycle } from './cycles';
import type { Board, Community, Cycle, Member, Practice } from './model';
import type { CoreDeps } from './ports';
import type { SteeringAnswer } from './steering-model';

/**
 * What the cards show a member, read for them as plain records: src/cards/member-data.ts only shapes
 * these into card data.
 */

/** A cycle as a member's card shows it, with the name of the member's board (null: none chosen). */
export interface MemberCycleView {
  cycle: Cycle;
  boardName: string | null;
}

export interface CheckInView extends MemberCycleView {
  answered: boolean;
  /** The latest earlier closed cycle of the agenda and the answers the board got in it; null: none. */
  earlier: { cycle: Cycle; answers: SteeringAnswer[] } | null;
}

async function boardNameOf(deps: CoreDeps, member: Member): Promise<string | null> {
  return member.boardId ? ((await deps.store.repos.boards.get(member.boardId))?.name ?? null) : null;
}

/** The cycle (UNKNOWN_CYCLE when there is none) and the member's board name. */
export async function memberCycleView(
  deps: CoreDeps,
  member: Member,
  cycleId: string,
): Promise<MemberCycleView> {
  const cycle = await getCycle(deps.store.repos, cycleId);
  return { cycle, boardName: await boardNameOf(deps, member) };
}

/** The answers the member's board got to its steering requests in the latest earlier closed cycle. */
async function earlierAnswers(deps: CoreDeps, member: Member, cycle: Cycle): Promise<CheckInView['earlier']> {
  if (!member.boardId) return null;
  const repos = deps.store.repos;
  const earlier = (await repos.cycles.list()).find(
    (c) =>
      c.id !== cycle.id &&
      c.agendaId === cycle.agendaId &&
      c.status === 'closed' &&
      c.opensAt < cycle.opensAt,
  );
  if (!earlier) return null;
  const answers = await repos.steeringRequests.answersForBoard(earlier.id, member.boardId);
  return answers.length === 0 ? null : { cycle: earlier, answers };
}

/** What a member's check-in card shows: the cycle, whether they answered, and the board's earlier answers. */
export async function checkInView(deps: CoreDeps, member: Member, cycleId: string): Promise<CheckInView> {
  const repos = deps.store.repos;
  const cycle = await getCycle(repos, cycleId);
  const checkIn = await repos.checkIns.get(cycle.id, member.id);
  return {
    cycle,
    boardName: await boardNameOf(deps, member),
    answered: Boolean(checkIn?.answeredAt),
    earlier: await earlierAnswers(deps, member, cycle),
  };
}

/** Who shared a practice: the member's name and their board's (null when not known). */
export async function practiceSharedBy(
  deps: CoreDeps,
  practice: Practice,
): Promise<{ authorName: string | null; boardName: string | null }> {
  const repos = deps.store.repos;
  const author = practice.memberId ? await repos.members.get(practice.memberId) : null;
  const board = practice.boardId ? await repos.boards.get(practice.boardId) : null;
  return { authorName: author?.name || null, boardName: board?.name ?? null };
}

/** The communities of the member's workspace, for the welcome card. */
export function welcomeCommunities(deps: CoreDeps, member: Member): Promise<Community[]> {
  return deps.store.repos.communities.listByWorkspace(member.workspaceId);
}

/** The boards the profile card offers: the member's own first, then the first of all. */
export async function profileBoards(deps: CoreDeps, member: Member): Promise<Board[]> {
  const current = member.boardId ? await deps.store.repos.boards.get(member.boardId) : null;
  const likely = await searchBoards(deps, '', 25);
  return [...(current ? [current] : []), ...likely.filter((b) => b.id !== current?.id)];
}

/** How many of a cycle's check-ins were answered, of how many asked. */
export async function cycleParticipation(
  deps: CoreDeps,
  cycleId: string,
): Promise<{ answered: number; asked: number }> {
  const checkIns = await deps.store.repos.checkIns.listByCycle(cycleId);
  return { answered: checkIns.filter((c) => c.answeredAt).length, asked: checkIns.length };
}

/** The card views bound to their dependencies, for createCore. */
export function cardViews(deps: CoreDeps) {
  return {
    memberCycleView: (member: Member, cycleId: string) => memberCycleView(deps, member, cycleId),
    checkInView: (member: Member, cycleId: string) => checkInView(deps, member, cycleId),
    practiceSharedBy: (practice: Practice) => practiceSharedBy(deps, practice),
    welcomeCommunities: (member: Member) => welcomeCommunities(deps, member),
    profileBoards: (member: Member) => profileBoards(deps, member),
    cycleParticipation: (cycleId: string) => cycleParticipation(deps, cycleId),
  };
}
