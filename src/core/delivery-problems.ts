import { type Actor, requireCoordinator } from './access';
import type { DeadLetter } from './delivery-ports';
import type { Member } from './model';
import type { CoreDeps } from './ports';

export const DELIVERY_NOTICE = 'notice.delivery';
const HOUR_MS = 3_600_000;

/**
 * Tells the coordinators that messages could not be delivered (dead-lettered, or a member who removed the
 * bot): one notice per coordinator per hour, sent at the end of that hour and listing what went wrong in it
 * (the platform adapter renders it from deliveryProblems). Notices about notices are never sent.
 */
export async function noteDeliveryProblem(deps: CoreDeps, at: Date, kind: string): Promise<void> {
  if (kind === DELIVERY_NOTICE) return;
  const from = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const to = new Date(from.getTime() + HOUR_MS);
  const repos = deps.store.repos;
  for (const coordinator of await repos.cycleResults.coordinators())
    await repos.outbox.enqueue(
      {
        dedupeKey: `${DELIVERY_NOTICE}:${coordinator.id}:${from.toISOString()}`,
        platform: coordinator.platform,
        workspaceId: coordinator.workspaceId,
        memberId: coordinator.id,
        conversationId: null,
        kind: DELIVERY_NOTICE,
        payload: { from: from.toISOString(), to: to.toISOString() },
        notBefore: to,
      },
      deps.ids(),
      at,
    );
}

export interface DeliveryProblems {
  dead: DeadLetter[];
  unreachable: Member[];
}

/** Dead-lettered messages and members marked unreachable in [from, to): for a notice or the dashboard. */
export async function deliveryProblems(
  deps: CoreDeps,
  actor: Actor,
  from: Date,
  to: Date,
): Promise<DeliveryProblems> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  return {
    dead: await repos.delivery.deadBetween(from, to),
    unreachable: await repos.cycleResults.unreachableBetween(from, to),
  };
}
