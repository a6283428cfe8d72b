import { type Actor, actorId, requireCoordinator, requireMember } from './access';
import { AppError } from './errors';
import type { Community } from './model';
import type { CoreDeps } from './ports';

/**
 * Links a channel to a theme (coordinators only) and queues the welcome with the theme's ambitions.
 */
export async function linkCommunity(
  deps: CoreDeps,
  actor: Actor,
  input: { workspaceId: string; channelId: string; channelName?: string; theme: string; agendaId?: string },
): Promise<Community> {
  const { agenda, theme } = deps.agendas.findTheme(input.theme, input.agendaId);
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const existing = await repos.communities.findByChannel(input.workspaceId, input.channelId);
    if (existing) {
      const linked = deps.agendas.get(existing.agendaId).themes.find((t) => t.id === existing.themeId);
      throw new AppError('COMMUNITY_EXISTS', `channel ${input.channelId} is linked already`, {
        theme: linked?.title ?? existing.themeId,
      });
    }
    const workspace = await repos.workspaces.get(input.workspaceId);
    if (!workspace) throw new AppError('UNKNOWN_COMMUNITY', `no workspace ${input.workspaceId}`);
    const community: Community = {
      id: deps.ids(),
      agendaId: agenda.id,
      themeId: theme.id,
      workspaceId: input.workspaceId,
      channelId: input.channelId,
      name: input.channelName ?? null,
    };
    const now = deps.clock.now();
    await repos.communities.create(community, actorId(actor) ?? (null as unknown as string));
    await repos.outbox.enqueue(
      {
        dedupeKey: `community.welcome:${community.id}`,
        platform: workspace.platform,
        workspaceId: workspace.id,
        memberId: null,
        conversationId: community.channelId,
        kind: 'community.welcome',
        payload: { communityId: community.id, agendaId: agenda.id, themeId: theme.id },
        notBefore: now,
      },
      deps.ids(),
      now,
    );
    await repos.audit.write({
      at: now,
      actorId: actorId(actor),
      action: 'community.link',
      target: community.id,
      details: { channelId: community.channelId, agendaId: agenda.id, themeId: theme.id },
    });
    return community;
  });
}

export async function communityOfChannel(
  deps: CoreDeps,
  workspaceId: string,
  channelId: string,
): Promise<Community> {
  const community = await deps.store.repos.communities.findByChannel(workspaceId, channelId);
  if (!community) throw new AppError('NOT_A_COMMUNITY_CHANNEL', `channel ${channelId} is no community`);
  return community;
}

/** Joins (true) or leaves (false) the community of a channel; returns whether anything changed. */
export async function setMembership(
  deps: CoreDeps,
  memberId: string,
  workspaceId: string,
  channelId: string,
  join: boolean,
): Promise<{ community: Community; changed: boolean }> {
  const community = await communityOfChannel(deps, workspaceId, channelId);
  return deps.store.transaction(async (repos) => {
    await requireMember(repos, memberId);
    const changed = join
      ? await repos.communities.join(community.id, memberId, deps.clock.now())
      : await repos.communities.leave(community.id, memberId);
    return { community, changed };
  });
}
