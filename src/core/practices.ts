import { requireMember } from './access';
import { AppError } from './errors';
import type { Practice } from './model';
import type { CoreDeps } from './ports';

export interface SharePracticeInput {
  workspaceId: string;
  /** The community channel it is shared in; when absent the agenda must be given. */
  channelId?: string;
  /**
   * A channel that is no community: refused (the default), or the practice is shared on its own, as from
   * a form opened in an unlinked channel.
   */
  otherChannel?: 'refuse' | 'alone';
  agendaId?: string;
  title: string;
  description: string;
  ambitionIds: string[];
  instruments: string;
  contact: string;
}

/** Stores a practice and queues its card for the community channel. */
export async function sharePractice(
  deps: CoreDeps,
  memberId: string,
  input: SharePracticeInput,
): Promise<Practice> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const member = await requireMember(repos, memberId);
    const community = input.channelId
      ? await repos.communities.findByChannel(input.workspaceId, input.channelId)
      : null;
    if (input.channelId && !community && input.otherChannel !== 'alone')
      throw new AppError('NOT_A_COMMUNITY_CHANNEL', `channel ${input.channelId} is no community`);
    const agendaId = community?.agendaId ?? input.agendaId;
    if (!agendaId) throw new AppError('UNKNOWN_AGENDA', 'no agenda for the practice', { agenda: '' });
    for (const id of input.ambitionIds) deps.agendas.findAmbition(id, agendaId);
    const practice: Practice = {
      id: deps.ids(),
      agendaId,
      communityId: community?.id ?? null,
      memberId: member.id,
      boardId: member.boardId,
      title: input.title,
      description: input.description,
      ambitionIds: input.ambitionIds,
      instruments: input.instruments,
      contact: input.contact,
      createdAt: now,
    };
    await repos.practices.insert(practice);
    if (community)
      await repos.outbox.enqueue(
        {
          dedupeKey: `practice:${practice.id}`,
          platform: member.platform,
          workspaceId: community.workspaceId,
          memberId: null,
          conversationId: community.channelId,
          kind: 'practice.posted',
          payload: { practiceId: practice.id },
          notBefore: now,
        },
        deps.ids(),
        now,
      );
    return practice;
  });
}
