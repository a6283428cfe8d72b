import { type Actor, requireCoordinator, requireMember } from './access';
import { AppError } from './errors';
import type { Board, Cycle, Member, Update } from './model';
import type { PeerContact } from './peer-model';
import type { CoreDeps, Repositories } from './ports';

/**
 * Peer matching (issue 18): a board that reports `behind` or `attention` on an ambition is offered, in
 * private, the practices shared on it and the boards on track with it whose member agreed to be
 * contacted. Nothing about a board is shown to another without that consent; a request for contact
 * reaches the consenting member, and only they can accept it.
 */

/** How many practices and how many boards an offer shows. */
export const OFFER_LIMIT = 3;
const NEEDS_HELP = new Set(['behind', 'attention']);

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
async function candidates(
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

function ambitionOf(deps: CoreDeps, agendaId: string, ambitionId: string) {
  const ambition = deps.agendas.get(agendaId).ambitions.find((a) => a.id === ambitionId);
  if (!ambition) throw new AppError('UNKNOWN_AMBITION', `no ambition ${ambitionId}`, { ambition: ambitionId });
  return ambition;
}

async function ownBoard(repos: Repositories, member: Member): Promise<Board> {
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

export interface AskInput {
  agendaId: string;
  ambitionId: string;
  boardId: string;
  cycleId?: string | null;
}

/**
 * Asks a board offered on the ambition for contact: refused unless the member's board is behind or needs
 * attention there and the other board is on track with a consenting member. A second ask finds the first.
 */
export async function askPeerContact(
  deps: CoreDeps,
  memberId: string,
  input: AskInput,
): Promise<{ contact: PeerContact; created: boolean }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const member = await requireMember(repos, memberId);
    ambitionOf(deps, input.agendaId, input.ambitionId);
    const own = await ownBoard(repos, member);
    const latest = await repos.peerContacts.latestByBoard(input.agendaId, input.ambitionId);
    const mine = latest.find((u) => u.boardId === own.id);
    const match = (await candidates(repos, input.agendaId, input.ambitionId, own)).find(
      (c) => c.board.id === input.boardId,
    );
    if (!mine || !NEEDS_HELP.has(mine.status) || !match)
      throw new AppError('PEER_NOT_OFFERED', `board ${input.boardId} not offered to ${member.id}`, {
        board: input.boardId,
      });
    const stored = await repos.peerContacts.ask({
      id: deps.ids(),
      agendaId: input.agendaId,
      ambitionId: input.ambitionId,
      cycleId: input.cycleId ?? mine.cycleId,
      fromBoardId: own.id,
      fromMemberId: member.id,
      toBoardId: match.board.id,
      toMemberId: match.contact.id,
      status: 'asked',
      askedAt: now,
      acceptedAt: null,
    });
    if (!stored.created) return stored;
    const { contact } = stored;
    await repos.audit.write({
      at: now,
      actorId: member.id,
      action: 'peer.ask',
      target: contact.id,
      details: { ambitionId: contact.ambitionId, fromBoardId: own.id, toBoardId: contact.toBoardId },
    });
    await repos.outbox.enqueue(
      {
        dedupeKey: `peer.request:${contact.id}`,
        platform: match.contact.platform,
        workspaceId: match.contact.workspaceId,
        memberId: match.contact.id,
        conversationId: null,
        kind: 'peer.request',
        payload: { contactId: contact.id },
        notBefore: now,
      },
      deps.ids(),
      now,
    );
    return stored;
  });
}

/**
 * The member a request was sent to accepts it: both then receive each other's name and where to reach
 * them, exactly once (a second click or a replay queues nothing new).
 */
export async function acceptPeerContact(
  deps: CoreDeps,
  memberId: string,
  contactId: string,
): Promise<{ contact: PeerContact; accepted: boolean }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const member = await requireMember(repos, memberId);
    const found = await repos.peerContacts.get(contactId);
    if (!found) throw new AppError('UNKNOWN_CONTACT_REQUEST', `no contact request ${contactId}`);
    if (found.toMemberId !== member.id)
      throw new AppError('NOT_YOUR_CONTACT_REQUEST', `request ${contactId} is not for ${member.id}`);
    const accepted = await repos.peerContacts.accept(contactId, now);
    if (accepted)
      await repos.audit.write({
        at: now,
        actorId: member.id,
        action: 'peer.accept',
        target: contactId,
        details: { ambitionId: found.ambitionId },
      });
    const people = await repos.members.listByIds(
      [found.fromMemberId, found.toMemberId].filter((id): id is string => id !== null),
    );
    for (const person of people)
      await repos.outbox.enqueue(
        {
          dedupeKey: `peer.accepted:${contactId}:${person.id}`,
          platform: person.platform,
          workspaceId: person.workspaceId,
          memberId: person.id,
          conversationId: null,
          kind: 'peer.accepted',
          payload: { contactId },
          notBefore: now,
        },
        deps.ids(),
        now,
      );
    return { contact: (await repos.peerContacts.get(contactId)) ?? found, accepted };
  });
}

export interface PeerContactView {
  contact: PeerContact;
  fromBoard: Board | null;
  toBoard: Board | null;
  fromMember: Member | null;
  toMember: Member | null;
}

/** A request with its boards and people, for the messages about it (delivery renders them). */
export async function peerContactView(deps: CoreDeps, contactId: string): Promise<PeerContactView | null> {
  const repos = deps.store.repos;
  const contact = await repos.peerContacts.get(contactId);
  if (!contact) return null;
  const member = (id: string | null) => (id ? repos.members.get(id) : Promise.resolve(null));
  return {
    contact,
    fromBoard: await repos.boards.get(contact.fromBoardId),
    toBoard: await repos.boards.get(contact.toBoardId),
    fromMember: await member(contact.fromMemberId),
    toMember: await member(contact.toMemberId),
  };
}

/** Matches made on an ambition: requests asked and accepted (coordinators only). */
export async function peerMatches(
  deps: CoreDeps,
  actor: Actor,
  agendaId: string,
  ambitionId: string,
): Promise<{ asked: number; accepted: number }> {
  await requireCoordinator(deps.store.repos, actor);
  const contacts = await deps.store.repos.peerContacts.listByAmbition(agendaId, ambitionId);
  return { asked: contacts.length, accepted: contacts.filter((c) => c.status === 'accepted').length };
}
