import { AppError } from './errors';
import type { Member } from './model';
import type { Repositories } from './ports';

/** Who asks: a member (whose roles the core looks up itself) or the system (CLI, scheduler). */
export type Actor = { memberId: string } | { system: 'cli' | 'scheduler' };

export const CLI: Actor = { system: 'cli' };
export const SCHEDULER: Actor = { system: 'scheduler' };

export function actorId(actor: Actor): string | null {
  return 'memberId' in actor ? actor.memberId : null;
}

export async function requireMember(repos: Repositories, memberId: string): Promise<Member> {
  const member = await repos.members.get(memberId);
  if (!member) throw new AppError('UNKNOWN_MEMBER', `no member ${memberId}`);
  return member;
}

export const isCoordinator = (member: Member) => member.roles.includes('coordinator');

/** The system acts as coordinator; a member must hold the role. */
export async function requireCoordinator(repos: Repositories, actor: Actor): Promise<Member | null> {
  if (!('memberId' in actor)) return null;
  const member = await requireMember(repos, actor.memberId);
  if (!isCoordinator(member))
    throw new AppError('NOT_COORDINATOR', `member ${member.id} is not a coordinator`, { member: member.id });
  return member;
}
