import type { CoreDeps } from './ports';

/** The scheduler's bookkeeping across replicas: who runs a slot, and forgetting what nobody needs. */

/** Claims a run (name, slot) by insert: true for exactly one caller across replicas. */
export function claimSchedulerRun(deps: CoreDeps, name: string, slot: string, by: string): Promise<boolean> {
  return deps.store.repos.schedulerRuns.claim(name, slot, by, deps.clock.now());
}

/** Forgets inbound events received, and scheduler runs claimed, before the given times; returns how many. */
export async function pruneBookkeeping(
  deps: CoreDeps,
  before: { inboundEvents: Date; schedulerRuns: Date },
): Promise<{ inboundEvents: number; schedulerRuns: number }> {
  const repos = deps.store.repos;
  return {
    inboundEvents: await repos.inboundEvents.prune(before.inboundEvents),
    schedulerRuns: await repos.schedulerRuns.prune(before.schedulerRuns),
  };
}
