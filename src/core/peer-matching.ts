import { requireMember } from './access';
import { AppError } from './errors';
import type { Board, Cycle, Member, Update } from './model';
import type { CoreDeps, Repositories } from './ports';

/**
 * Peer matching (issue 18): a board that reports `behind` or `attention` on an ambition is offered, in
 * private, the practices shared on it and the boards on track with it whose member agreed to be
 * contacted. Nothing about a board is shown to another without that consent; a request for contact
 * reaches the consenting member, and only they can accept it.
 */

/** How many practices and how many boards an offer shows. */
export const OFFER_LIMIT = 3;
export const NEEDS_HELP = new Set(['behind', 'attention']);

export interface OfferedPractice {
  id: string;
  title: string;
  boardName: string | null;
  /** The first line of the description. */
  line: string;
}

export interface OfferedBoard {
  boardId: string;
  name: string;
  region: Board['region'];
  sameRegion: boolean;
  reportedAt: Date;
}

export interface PeerOffer {
  agendaId: string;
  ambitionId: string;
  cycleId: string | null;
  practices: OfferedPractice[];
  boards: OfferedBoard[];
}

interface Candidate {
  board: Board;
  update: Update;
  contact: Member;
}

/** The boards on track with the ambition (their latest answer) with a member who agreed to be contacted. */
export async function candidates(
  repos: Repositories,
  agendaId: string,
  ambitionId: string,
  own: Board,
): Promise<Candidate[]> {
  const onTrack = (await repos.peerContacts.latestByBoard(agendaId, ambitionId)).filter(
    (u) => u.status === 'on_track' && u.boardId !== own.id,
  );
  if (onTrack.length === 0) return [];
  const members = await repos.members.listByBoards(onTrack.map((u) => u.boardId));
  const found: Candidate[] = [];
  for (const update of onTrack) {
    const willing = members.filter((m) => m.boardId === update.boardId && m.peerContact && !m.unreachableAt);
    const contact = willing.find((m) => m.id === update.memberId) ?? willing[0];
    const board = contact ? await repos.boards.get(update.boardId) : null;
    if (contact && board) found.push({ board, update, contact });
  }
  // The same region first, then the most recent answer.
  return found.sort(
    (a, b) =>
      Number(b.board.region === own.region) - Number(a.board.region === own.region) ||
      b.update.createdAt.getTime() - a.update.createdAt.getTime(),
  );
}

export function ambitionOf(deps: CoreDeps, agendaId: string, ambitionId: string) {
  const ambition = deps.agendas.get(agendaId).ambitions.find((a) => a.id === ambitionId);
  if (!ambition)
    throw new AppError('UNKNOWN_AMBITION', `no ambition ${ambitionId}`, { ambition: ambitionId });
  return ambition;
}

export async function ownBoard(repos: Repositories, member: Member): Promise<Board> {
  const board = member.boardId ? await repos.boards.get(member.boardId) : null;
  if (!board) throw new AppError('NO_BOARD_CHOSEN', `member ${member.id} has no board`);
  return board;
}

async function buildOffer(
  deps: CoreDeps,
  repos: Repositories,
  member: Member,
  agendaId: string,
  ambitionId: string,
  cycleId: string | null,
): Promise<PeerOffer> {
  ambitionOf(deps, agendaId, ambitionId);
  const own = await ownBoard(repos, member);
  const practices: OfferedPractice[] = [];
  for (const p of (await repos.practices.listByAmbition(agendaId, ambitionId)).slice(0, OFFER_LIMIT)) {
    const board = p.boardId ? await repos.boards.get(p.boardId) : null;
    const line = p.description.split('\n')[0]?.trim() ?? '';
    practices.push({ id: p.id, title: p.title, boardName: board?.name ?? null, line });
  }
  const boards = (await candidates(repos, agendaId, ambitionId, own)).slice(0, OFFER_LIMIT).map((c) => ({
    boardId: c.board.id,
    name: c.board.name,
    region: c.board.region,
    sameRegion: c.board.region === own.region,
    reportedAt: c.update.createdAt,
  }));
  return { agendaId, ambitionId, cycleId, practices, boards };
}

/** What the member's board is offered on the ambition now (read when the offer is shown, so consent is current). */
export async function peerOffer(
  deps: CoreDeps,
  memberId: string,
  input: { agendaId: string; ambitionId: string; cycleId?: string | null },
): Promise<PeerOffer> {
  const repos = deps.store.repos;
  const member = await requireMember(repos, memberId);
  return buildOffer(deps, repos, member, input.agendaId, input.ambitionId, input.cycleId ?? null);
}

/**
 * Inside submitUpdate's transaction: for each ambition answered `behind` or `attention`, queues the
 * offer for the member, once per cycle, board and ambition, when there is something to offer.
 */
export async function queuePeerOffers(
  deps: CoreDeps,
  repos: Repositories,
  member: Member,
  cycle: Cycle,
  answers: readonly Update[],
  now: Date,
): Promise<void> {
  const ambitions = new Set(deps.agendas.get(cycle.agendaId).ambitions.map((a) => a.id));
  for (const answer of answers) {
    if (!NEEDS_HELP.has(answer.status) || !ambitions.has(answer.itemId)) continue;
    const offer = await buildOffer(deps, repos, member, cycle.agendaId, answer.itemId, cycle.id);
    if (offer.practices.length === 0 && offer.boards.length === 0) continue;
    await repos.outbox.enqueue(
      {
        dedupeKey: `peer.offer:${cycle.id}:${answer.boardId}:${answer.itemId}`,
        platform: member.platform,
        workspaceId: member.workspaceId,
        memberId: member.id,
        conversationId: null,
        kind: 'peer.offer',
        payload: { agendaId: cycle.agendaId, ambitionId: answer.itemId, cycleId: cycle.id },
        notBefore: now,
      },
      deps.ids(),
      now,
    );
  }
}
