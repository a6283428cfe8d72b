import type { CoreDeps } from '../core/ports';
import type { Queryable } from '../store/db';
import { pruneRateBuckets } from './shared-limits';

/** Slack retries an event for about an hour, Teams resends within seconds: a day is ample. */
export const INBOUND_EVENTS_KEPT_MS = 24 * 3_600_000;
/** A run slot matters only while replicas may still tick it; a week keeps a trail to read. */
export const SCHEDULER_RUNS_KEPT_MS = 7 * 24 * 3_600_000;

export interface Pruned {
  inboundEvents: number;
  schedulerRuns: number;
  rateBuckets: number;
}

/** Deletes the bookkeeping nobody needs any more; run hourly by the scheduler, once across replicas. */
export async function pruneRecords(deps: CoreDeps, rateBuckets: Queryable | null): Promise<Pruned> {
  const now = deps.clock.now().getTime();
  const repos = deps.store.repos;
  return {
    inboundEvents: await repos.inboundEvents.prune(new Date(now - INBOUND_EVENTS_KEPT_MS)),
    schedulerRuns: await repos.schedulerRuns.prune(new Date(now - SCHEDULER_RUNS_KEPT_MS)),
    rateBuckets: rateBuckets ? await pruneRateBuckets(rateBuckets) : 0,
  };
}
