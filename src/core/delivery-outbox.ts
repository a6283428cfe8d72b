import { actorId, SCHEDULER } from './access';
import type { ClaimedMessage, ClaimRequest } from './delivery-ports';
import type { CoreDeps } from './ports';
import { markUnreachableIn } from './reachability';

/**
 * The outbox as the delivery worker (src/delivery/worker.ts) sees it: claim due rows, keep the lease, and
 * settle each claimed row. Every settling call holds only while the row's claim token does: false means
 * another worker owns the row now and nothing was changed.
 */

/** Claims due rows (and rows whose lease ran out) in one statement, FOR UPDATE SKIP LOCKED. */
export function claimDue(deps: CoreDeps, request: ClaimRequest): Promise<ClaimedMessage[]> {
  return deps.store.repos.delivery.claim(request);
}

/** Extends the lease of a batch's rows still being sent under token; returns how many. */
export function renewLease(deps: CoreDeps, token: string, until: Date): Promise<number> {
  return deps.store.repos.delivery.renew(token, until);
}

/** The message is no longer wanted. */
export function settleCancelled(deps: CoreDeps, message: ClaimedMessage, reason: string): Promise<boolean> {
  return deps.store.repos.delivery.cancel(message.id, message.claimToken, reason);
}

/**
 * Back to pending until notBefore; a wait (the member away, the platform's 429) does not count as an
 * attempt. `uncertain`: the platform may have taken it.
 */
export function settleRetry(
  deps: CoreDeps,
  message: ClaimedMessage,
  retry: { notBefore: Date; reason: string; countsAsAttempt: boolean; uncertain?: boolean },
): Promise<boolean> {
  const { notBefore, reason, countsAsAttempt, uncertain } = retry;
  return deps.store.repos.delivery.retry(
    message.id,
    message.claimToken,
    notBefore,
    reason,
    countsAsAttempt,
    uncertain,
  );
}

/** Sent: in the same transaction a check-in prompt's place is kept, so it can be updated in place. */
export function settleSent(
  deps: CoreDeps,
  message: ClaimedMessage,
  at: Date,
  ref: Record<string, unknown>,
): Promise<boolean> {
  return deps.store.transaction(async (repos) => {
    if (!(await repos.delivery.markSent(message.id, message.claimToken, at, ref))) return false;
    const payload = message.payload as { cycleId?: string; memberId?: string };
    if (message.kind === 'checkin.prompt' && payload.cycleId && payload.memberId)
      await repos.delivery.recordPromptRef(payload.cycleId, payload.memberId, ref);
    return true;
  });
}

/** Dead-lettered: given up on. */
export function settleDead(
  deps: CoreDeps,
  message: ClaimedMessage,
  at: Date,
  reason: string,
): Promise<boolean> {
  return deps.store.repos.delivery.markDead(message.id, message.claimToken, at, reason);
}

/**
 * The platform refused the message for good: dead-lettered, and in the same transaction the member it went
 * to (`goneMemberId`, their 1:1 chat is gone) marked unreachable.
 */
export async function settleRefused(
  deps: CoreDeps,
  message: ClaimedMessage,
  at: Date,
  reason: string,
  goneMemberId: string | null,
): Promise<{ dead: boolean; unreachable: boolean }> {
  return deps.store.transaction(async (repos) => {
    if (!(await repos.delivery.markDead(message.id, message.claimToken, at, `refused: ${reason}`)))
      return { dead: false, unreachable: false };
    const who = { reason, actorId: actorId(SCHEDULER), details: { reason, kind: message.kind } };
    const unreachable = goneMemberId
      ? await markUnreachableIn(repos, at, { ...who, memberId: goneMemberId })
      : false;
    return { dead: true, unreachable };
  });
}
