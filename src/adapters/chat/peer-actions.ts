import { z } from 'zod';
import { peerRequestCard } from '../../cards/peer-content';
import type { BoundCard } from '../../cards/template';
import { AppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';

/** The buttons of peer matching (issue 18), the same on Slack and Teams: the data parsed, the core asked. */

const id = z.string().min(1).max(200);
const askData = z.object({
  agendaId: id,
  ambitionId: z.string().regex(/^a\d{1,3}$/),
  boardId: id,
});
const acceptData = z.object({ contactId: id });

export const PEER_VERBS = ['peer.ask', 'peer.accept'] as const;
export type PeerVerb = (typeof PEER_VERBS)[number];

export const isPeerVerb = (verb: string): verb is PeerVerb =>
  (PEER_VERBS as readonly string[]).includes(verb);

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError('INPUT_INVALID', 'unreadable button data', { detail: 'data' });
  return parsed.data;
}

/**
 * `peer.ask` ("Vraag contact aan" on the offer) and `peer.accept` ("Contact accepteren" on the request):
 * returns what the person who pressed sees, and after an accept the request as it is now (without its
 * button) to show in place of the one pressed. Refusals (not offered, not yours) are AppErrors for the door.
 */
export async function runPeerAction(
  core: Core,
  member: Member,
  verb: PeerVerb,
  data: Record<string, unknown>,
): Promise<{ text: string; card: BoundCard | null }> {
  if (verb === 'peer.ask') {
    const input = parse(askData, data);
    const { contact, created } = await core.askPeerContact(member.id, input);
    const view = await core.peerContactView(contact.id);
    const board = view?.toBoard?.name ?? '?';
    const key = created
      ? 'peer.asked'
      : contact.status === 'accepted'
        ? 'peer.askedAccepted'
        : 'peer.askedAlready';
    return { text: t(member.locale, key, { board }), card: null };
  }
  const { contactId } = parse(acceptData, data);
  await core.acceptPeerContact(member.id, contactId);
  return {
    text: t(member.locale, 'peer.acceptedReply'),
    card: await peerRequestCard(core, { contactId }, member),
  };
}
