import { requireCoordinator } from '../access';
import { AppError } from '../errors';
import type { DiscussionMessage } from '../model';
import type { CoreDeps } from '../ports';
import { correctLinks } from './record';

/**
 * A coordinator corrects a message's ambitions from the dashboard: afterwards it is linked to exactly
 * these, by hand (manual links, so the classifier learns them as labelled examples, as it does from the
 * "Koppel aan ambitie" shortcut); every other link goes. Only a coordinator of a workspace that works on
 * the message's agenda may.
 */
export async function correctMessageAmbitions(
  deps: CoreDeps,
  memberId: string,
  input: { messageId: string; ambitions: readonly string[] },
): Promise<DiscussionMessage> {
  const repos = deps.store.repos;
  const coordinator = await requireCoordinator(repos, { memberId });
  const message = await repos.messages.get(input.messageId);
  const community = message ? await repos.communities.get(message.communityId) : null;
  if (!message || !community)
    throw new AppError('UNKNOWN_MESSAGE', `message ${input.messageId} not recorded`, {
      message: input.messageId,
    });
  const own = await repos.communities.listByWorkspace(coordinator?.workspaceId ?? '');
  if (!own.some((c) => c.agendaId === community.agendaId))
    throw new AppError('NOT_COORDINATOR', `member ${memberId} coordinates no community of this agenda`, {
      member: memberId,
    });
  if (input.ambitions.length === 0)
    throw new AppError('UNKNOWN_AMBITION', 'a correction names at least one ambition', { ambition: '' });
  const add = input.ambitions.map((a) => deps.agendas.findAmbition(a, community.agendaId).ambition.id);
  return correctLinks(deps, memberId, {
    workspaceId: community.workspaceId,
    channelId: community.channelId,
    externalId: message.externalId,
    add,
    remove: message.links.map((l) => l.ambitionId).filter((a) => !add.includes(a)),
  });
}
