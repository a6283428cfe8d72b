import type { Core } from '../core/index';
import type { Member } from '../core/model';
import { t } from '../i18n/index';
import type { PeerOfferData, PeerRequestData } from './data';
import { memberText } from './member-text';
import { renderCard } from './render/index';
import type { BoundCard } from './template';

/** The messages of peer matching (issue 18), rendered when delivered so that consent is read fresh. */

const ambitionChoice = (core: Core, agendaId: string, ambitionId: string) => {
  const { ambition } = core.agendas.findAmbition(ambitionId, agendaId);
  return { id: ambition.id, number: ambition.number, title: ambition.title };
};

/**
 * The offer to a board behind on an ambition, read now: a board that withdrew its consent since the offer
 * was queued is left out (and the card says so when no board is left).
 */
export async function peerOfferCard(
  core: Core,
  payload: Record<string, unknown>,
  member: Member,
): Promise<BoundCard> {
  const agendaId = String(payload.agendaId);
  const offer = await core.peerOffer(member.id, {
    agendaId,
    ambitionId: String(payload.ambitionId),
    cycleId: payload.cycleId ? String(payload.cycleId) : null,
  });
  const data: PeerOfferData = {
    agendaId,
    ambition: ambitionChoice(core, agendaId, offer.ambitionId),
    cycleId: offer.cycleId,
    practices: offer.practices,
    boards: offer.boards,
    timeZone: member.timeZone,
  };
  return renderCard('peer-offer', data, member.locale);
}

/** The request, for the member of the board on track it was sent to. */
export async function peerRequestCard(
  core: Core,
  payload: Record<string, unknown>,
  member: Member,
): Promise<BoundCard | null> {
  const view = await core.peerContactView(String(payload.contactId));
  if (!view || view.contact.toMemberId !== member.id) return null;
  const data: PeerRequestData = {
    contactId: view.contact.id,
    fromBoard: view.fromBoard?.name ?? '?',
    ambition: ambitionChoice(core, view.contact.agendaId, view.contact.ambitionId),
    open: view.contact.status === 'asked',
  };
  return renderCard('peer-request', data, member.locale);
}

/** Where the other person is reached: a mention in the same Slack workspace, else their platform. */
function whereToReach(member: Member, other: Member): string {
  if (other.platform === 'slack' && member.platform === 'slack' && other.workspaceId === member.workspaceId)
    return t(member.locale, 'peer.where.mention', { mention: `<@${other.externalId}>` });
  return t(member.locale, 'peer.where.platform', {
    platform: t(member.locale, `peer.platform.${other.platform}`),
  });
}

/** After the accept: the other person's name, board and where to reach them, for each of the two. */
export async function peerAcceptedText(
  core: Core,
  payload: Record<string, unknown>,
  member: Member,
): Promise<string | null> {
  const view = await core.peerContactView(String(payload.contactId));
  if (view?.contact.status !== 'accepted') return null;
  const mine = view.contact.fromMemberId === member.id;
  const other = mine ? view.toMember : view.fromMember;
  const board = mine ? view.toBoard : view.fromBoard;
  if (!other || !board || (!mine && view.contact.toMemberId !== member.id)) return null;
  const ambition = ambitionChoice(core, view.contact.agendaId, view.contact.ambitionId);
  return t(member.locale, 'peer.accepted.message', {
    number: ambition.number,
    title: ambition.title,
    name: memberText(other.name || '?'),
    board: memberText(board.name),
    where: whereToReach(member, other),
  });
}
