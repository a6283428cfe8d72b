import { type Actor, actorId, requireCoordinator, requireMember } from './access';
import type { Member, Platform, Role } from './model';
import type { CoreDeps, MemberIdentity } from './ports';
import { DEFAULT_CALENDAR } from './schedule/working-time';

/** The installation's time zone (TIMEZONE), for members whose platform does not say theirs. */
export const defaultTimeZone = (deps: CoreDeps) => (deps.calendar ?? DEFAULT_CALENDAR).timeZone;

/**
 * Whether the coordinators setting names this person: `platform:workspace:user`, or the short
 * `platform:user` that the wiring keeps only where one workspace makes it unambiguous.
 */
export function namedCoordinator(
  names: ReadonlySet<string>,
  platform: Platform,
  workspaceExternalId: string,
  userId: string,
): boolean {
  return names.has(`${platform}:${workspaceExternalId}:${userId}`) || names.has(`${platform}:${userId}`);
}

/**
 * Meets a person on a platform: creates the workspace and the member at first contact. People named in
 * the coordinators setting (platform:user id) start as coordinators.
 */
export async function meetMember(
  deps: CoreDeps,
  platform: Platform,
  workspaceExternalId: string,
  identity: Omit<MemberIdentity, 'workspaceId'>,
): Promise<Member> {
  const known = await deps.store.repos.members.unchanged(platform, workspaceExternalId, identity);
  if (known) return known;
  return deps.store.transaction(async (repos) => {
    const workspace = await repos.workspaces.upsert(platform, workspaceExternalId);
    const roles: Role[] = namedCoordinator(
      deps.coordinators,
      platform,
      workspaceExternalId,
      identity.externalId,
    )
      ? ['member', 'coordinator']
      : ['member'];
    return repos.members.upsert(
      { ...identity, workspaceId: workspace.id },
      deps.ids,
      roles,
      defaultTimeZone(deps),
    );
  });
}

export async function setProfile(
  deps: CoreDeps,
  memberId: string,
  profile: {
    locale?: 'nl' | 'en';
    timeZone?: string;
    awayUntil?: string | null;
    peerContact?: boolean;
  },
): Promise<Member> {
  return deps.store.transaction(async (repos) => {
    await requireMember(repos, memberId);
    await repos.members.setProfile(memberId, profile);
    return requireMember(repos, memberId);
  });
}

/** Grants or withdraws the coordinator role; coordinators and the CLI only. */
export async function setCoordinator(deps: CoreDeps, actor: Actor, memberId: string, coordinator: boolean) {
  await deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const member = await requireMember(repos, memberId);
    const roles: Role[] = coordinator ? ['member', 'coordinator'] : ['member'];
    await repos.members.setRoles(member.id, roles);
    await repos.audit.write({
      at: deps.clock.now(),
      actorId: actorId(actor),
      action: coordinator ? 'member.coordinator.grant' : 'member.coordinator.revoke',
      target: member.id,
      details: {},
    });
  });
}
