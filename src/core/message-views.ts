import type { Cycle, Member, Practice } from './model';
import type { CoreDeps } from './ports';
import type { SteeringDecision, SteeringRequest } from './steering-model';

/**
 * What an outbox message shows, read for src/cards/outbox-content.ts and steering-text.ts as plain
 * records: one read each, as when the cards read the store themselves.
 */

/** The member a message goes to; null for a channel message or a member who is gone. */
export async function messageRecipient(deps: CoreDeps, memberId: string | null): Promise<Member | null> {
  return memberId ? deps.store.repos.members.get(memberId) : null;
}

/** A cycle's name; null when the cycle is gone. */
export async function cycleName(deps: CoreDeps, cycleId: string): Promise<string | null> {
  return (await deps.store.repos.cycles.get(cycleId))?.name ?? null;
}

export function postedPractice(deps: CoreDeps, practiceId: string): Promise<Practice | null> {
  return deps.store.repos.practices.get(practiceId);
}

export function postedDecision(deps: CoreDeps, decisionId: string): Promise<SteeringDecision | null> {
  return deps.store.repos.steeringDecisions.get(decisionId);
}

export interface OverdueRequestView {
  request: SteeringRequest;
  cycle: Cycle;
  boardName: string | null;
}

/** A steering request still unanswered (by the id of its update), with its cycle and board; else null. */
export async function overdueRequestView(
  deps: CoreDeps,
  updateId: unknown,
): Promise<OverdueRequestView | null> {
  const repos = deps.store.repos;
  const request = (await repos.steeringRequests.list()).find((r) => r.update.id === updateId);
  if (!request || request.answer) return null;
  const cycle = await repos.cycles.get(request.update.cycleId);
  const board = await repos.boards.get(request.update.boardId);
  return cycle ? { request, cycle, boardName: board?.name ?? null } : null;
}

/** The message views bound to their dependencies, for createCore. */
export function messageViews(deps: CoreDeps) {
  return {
    messageRecipient: (memberId: string | null) => messageRecipient(deps, memberId),
    cycleName: (cycleId: string) => cycleName(deps, cycleId),
    postedPractice: (practiceId: string) => postedPractice(deps, practiceId),
    postedDecision: (decisionId: string) => postedDecision(deps, decisionId),
    overdueRequestView: (updateId: unknown) => overdueRequestView(deps, updateId),
  };
}
