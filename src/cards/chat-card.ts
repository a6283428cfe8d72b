import type { ChatReply } from '../adapters/chat/reply';
import type { Core } from '../core/index';
import type { Member } from '../core/model';
import { summaryData } from './member-data';
import { renderCard } from './render/index';
import type { BoundCard } from './template';

/** The card a chat command answers with, bound for the member who asked. */
export async function chatCard(
  core: Core,
  member: Member,
  reply: Extract<ChatReply, { type: 'card' }>,
): Promise<BoundCard> {
  if (reply.card === 'summary') {
    const { agendaId, ambitionId } = reply.data as { agendaId: string; ambitionId: string };
    return renderCard('summary', await summaryData(core, member, agendaId, ambitionId), member.locale);
  }
  throw new Error(`no chat card "${reply.card}"`);
}
