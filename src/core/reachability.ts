import { noteDeliveryProblem } from './delivery-problems';
import type { CoreDeps, Repositories } from './ports';

/** Why a member can no longer be reached, for the audit entry. */
export interface Unreachable {
  memberId: string;
  reason: string;
  /** Who noticed: null for the platform telling us (the bot was removed), else the scheduler's actor. */
  actorId: string | null;
  details: Record<string, unknown>;
}

/**
 * Marks a member unreachable inside the caller's transaction (what is queued for them is cancelled) and
 * writes the audit entry; false when they already were. Delivery (a 403 on a send) and the Teams door
 * (the bot removed from a 1:1 chat) both come here, so the rule lives in one place.
 */
export async function markUnreachableIn(repos: Repositories, at: Date, who: Unreachable): Promise<boolean> {
  if (!(await repos.delivery.markMemberUnreachable(who.memberId, who.reason, at))) return false;
  await repos.audit.write({
    at,
    actorId: who.actorId,
    action: 'member.unreachable',
    target: who.memberId,
    details: who.details,
  });
  return true;
}

/** The same in a transaction of its own, and the coordinators get the hourly notice. */
export async function markUnreachable(deps: CoreDeps, who: Unreachable): Promise<boolean> {
  const now = deps.clock.now();
  const marked = await deps.store.transaction((repos) => markUnreachableIn(repos, now, who));
  if (marked) await noteDeliveryProblem(deps, now, 'member.unreachable');
  return marked;
}
