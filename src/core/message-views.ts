import type { Cycle, Practice } from './model';
import type { CoreDeps } from './ports';
import type { SteeringDecision, SteeringRequest } from './steering-model';

/**
 * What an outbox message shows, read for src/cards/outbox-content.ts and steering-text.ts as plain
 * records: one read each, as when the cards read the store themselves.
 */

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
    postedPractice: (practiceId: string) => postedPractice(deps, practiceId),
    postedDecision: (decisionId: string) => postedDecision(deps, decisionId),
    overdueRequestView: (updateId: unknown) => overdueRequestView(deps, updateId),
  };
}
