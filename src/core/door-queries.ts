import type { Board, Community, Cycle, Member, Platform } from './model';
import type { CoreDeps } from './ports';

/**
 * What the doors ask of the core before or beside a command: whether an inbound event is new, who or
 * what a platform id stands for, and the records (member, board, cycle) a reply or a card names.
 */
export function doorQueries(deps: CoreDeps) {
  return {
    /**
     * Claims an inbound event (a Slack event id, a Teams activity id): true for its first delivery, false
     * for a retry or a resend the platform makes.
     */
    claimInbound: (platform: Platform, eventId: string): Promise<boolean> =>
      deps.store.repos.inboundEvents.claim(platform, eventId, deps.clock.now()),
    /** Releases a claim when handling failed before anything was written, so the retry is acted on. */
    releaseInbound: (platform: Platform, eventId: string): Promise<void> =>
      deps.store.repos.inboundEvents.forget(platform, eventId),
    /** The member with this platform id in the workspace, without meeting (creating) them. */
    memberByExternal: (workspaceId: string, externalId: string): Promise<Member | null> =>
      deps.store.repos.members.findByExternal(workspaceId, externalId),
    /** The community a channel is linked to; null for any other channel. */
    communityOfChannel: (workspaceId: string, channelId: string): Promise<Community | null> =>
      deps.store.repos.communities.findByChannel(workspaceId, channelId),
    /** The reachable coordinators of a workspace. */
    async coordinatorsOf(workspaceId: string): Promise<Member[]> {
      const all = await deps.store.repos.cycleResults.coordinators();
      return all.filter((c) => c.workspaceId === workspaceId);
    },
    /** Records a workspace (a Slack team, a Teams tenant) the bot was installed in, once. */
    async knowWorkspace(platform: Platform, externalId: string): Promise<void> {
      await deps.store.repos.workspaces.upsert(platform, externalId);
    },
    // Names and records a reply, a card, an outbox message or a dashboard session shows; null when gone.
    memberById: (memberId: string): Promise<Member | null> => deps.store.repos.members.get(memberId),
    boardById: (boardId: string): Promise<Board | null> => deps.store.repos.boards.get(boardId),
    cycleById: (cycleId: string): Promise<Cycle | null> => deps.store.repos.cycles.get(cycleId),
  };
}
