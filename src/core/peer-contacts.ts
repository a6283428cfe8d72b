import { type Actor, requireCoordinator, requireMember } from './access';
import { AppError } from './errors';
import type { Board, Member } from './model';
import { ambitionOf, candidates, NEEDS_HELP, ownBoard } from './peer-matching';
import type { PeerContact } from './peer-model';
import type { CoreDeps } from './ports';

/**
 * Requests for contact between boards (issue 18): asked by a board behind on an ambition of a board that
 * was offered to it, accepted only by the consenting member it was sent to, each message exactly once.
 */

export interface AskInput {
  agendaId: string;
  ambitionId: string;
  boardId: string;
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
      // The cycle of the board's answer that asks for help (never one the button names).
      cycleId: mine.cycleId,
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
