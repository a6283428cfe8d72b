import { type Actor, actorId, requireCoordinator } from './access';
import { defaultTimeZone, namedCoordinator } from './members';
import type { Member, Platform } from './model';
import type { CoreDeps, Repositories } from './ports';

/** One person of an audience as a platform knows them: a channel's members, a roster, a row of a CSV. */
export interface AudienceEntry {
  platform: Platform;
  /** The Slack team id or Teams tenant id. */
  workspace: string;
  userId: string;
  name?: string;
}

/**
 * Meets every person of an audience (creating the member at first sight) and returns them, for the
 * `members` of a cycle's audience. Someone without a board gets the profile card before the check-in.
 */
export async function enrolAudience(
  deps: CoreDeps,
  actor: Actor,
  entries: readonly AudienceEntry[],
  source: string,
): Promise<Member[]> {
  return deps.store.transaction((repos) => enrolAudienceIn(repos, deps, actor, entries, source));
}

/** The same inside the caller's transaction (a cycle planned with its audience is all or nothing). */
export async function enrolAudienceIn(
  repos: Repositories,
  deps: CoreDeps,
  actor: Actor,
  entries: readonly AudienceEntry[],
  source: string,
): Promise<Member[]> {
  await requireCoordinator(repos, actor);
  const members = new Map<string, Member>();
  for (const e of entries) {
    const workspace = await repos.workspaces.upsert(e.platform, e.workspace);
    const roles = namedCoordinator(deps.coordinators, e.platform, e.workspace, e.userId)
      ? ['member', 'coordinator']
      : ['member'];
    const member = await repos.members.upsert(
      { workspaceId: workspace.id, externalId: e.userId, name: e.name },
      deps.ids,
      roles as Member['roles'],
      defaultTimeZone(deps),
    );
    members.set(member.id, member);
  }
  await repos.audit.write({
    at: deps.clock.now(),
    actorId: actorId(actor),
    action: 'audience.enrol',
    target: null,
    details: { source, people: members.size, via: 'system' in actor ? actor.system : 'chat' },
  });
  return [...members.values()];
}
