import type { CoreDeps } from '../core/ports';
import { pruneBookkeeping } from '../core/scheduler-runs';
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
  const bookkeeping = await pruneBookkeeping(deps, {
    inboundEvents: new Date(now - INBOUND_EVENTS_KEPT_MS),
    schedulerRuns: new Date(now - SCHEDULER_RUNS_KEPT_MS),
  });
  return {
    ...bookkeeping,
    rateBuckets: rateBuckets ? await pruneRateBuckets(rateBuckets) : 0,
  };
}
