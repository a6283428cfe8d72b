import { type RunCoordinator, type ScheduledTask, schedule } from 'node-cron';
import { planFromRhythm } from '../core/cycle-rhythm';
import { runDue } from '../core/due';
import type { CoreDeps } from '../core/ports';
import type { CycleRhythm } from '../core/schedule/rhythm';
import { claimSchedulerRun } from '../core/scheduler-runs';
import { reportError } from '../error-sink';
import type { Queryable } from '../store/db';
import { pruneRecords } from './prune';
import type { OutboxWorker } from './worker';

export interface SchedulerOptions {
  /** node-cron expression; every minute in production (tests tick every second). */
  cron: string;
  /** The run coordinator's name for this schedule (no colon). */
  name: string;
  /** Who claims runs: the process, for scheduler_runs.claimed_by. */
  replica: string;
  rhythm?: CycleRhythm;
  /** When old bookkeeping is pruned (prune.ts); hourly by default. */
  pruneCron?: string;
  /** The shared rate buckets to prune too (PostgreSQL server only). */
  rateBuckets?: Queryable | null;
}

/**
 * node-cron's run coordinator backed by the database: a fire (name, slot) runs where the insert into
 * scheduler_runs succeeds, so it runs once across replicas however many tick.
 */
export function databaseRunCoordinator(deps: CoreDeps, replica: string): RunCoordinator {
  return {
    shouldRun(key) {
      const colon = key.indexOf(':');
      return claimSchedulerRun(deps, key.slice(0, colon), key.slice(colon + 1), replica);
    },
  };
}

/**
 * One tick: plan the rhythm's cycles, carry out what is due, then wake the worker. What is due comes from
 * the stored state and the clock, never from the tick, so ticks missed while no process ran are caught up.
 */
export async function schedulerTick(deps: CoreDeps, options: SchedulerOptions, worker: OutboxWorker | null) {
  try {
    if (options.rhythm) {
      const planned = await planFromRhythm(deps, options.rhythm, options.replica);
      for (const cycle of planned)
        deps.logger.info(
          { cycle: cycle.id, name: cycle.name, opensAt: cycle.opensAt },
          'cycle planned by rhythm',
        );
    }
    const done = await runDue(deps);
    if (Object.values(done).some((n) => n > 0)) deps.logger.info(done, 'scheduler: due work done');
  } catch (err) {
    reportError(deps.logger, err, { phase: 'scheduler' });
  } finally {
    worker?.wake();
  }
}

export interface RunningScheduler {
  /** The catch-up run at start, finished. */
  started: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the ticks, with a catch-up run right away (claimed like a tick, once per minute across replicas). */
export function startScheduler(
  deps: CoreDeps,
  worker: OutboxWorker | null,
  options: SchedulerOptions,
): RunningScheduler {
  let inFlight: Promise<void> = Promise.resolve();
  const run = () => {
    inFlight = schedulerTick(deps, options, worker);
    return inFlight;
  };
  const coordinator = databaseRunCoordinator(deps, options.replica);
  const startSlot = `${options.name}-start:${deps.clock.now().toISOString().slice(0, 16)}`;
  const started = Promise.resolve(coordinator.shouldRun(startSlot, 0)).then(
    (elected) => (elected ? run() : undefined),
    (err: unknown) => reportError(deps.logger, err, { phase: 'scheduler start' }),
  );
  const log = deps.logger;
  const cronOptions = (name: string) => ({
    name,
    distributed: true,
    runCoordinator: coordinator,
    noOverlap: true,
    logger: {
      info: (m: unknown) => log.debug({ cron: name }, String(m)),
      warn: (m: unknown) => log.warn({ cron: name }, String(m)),
      error: (m: unknown, err?: unknown) => log.error({ cron: name, err }, String(m)),
      debug: (m: unknown) => log.debug({ cron: name }, String(m)),
    },
  });
  const task: ScheduledTask = schedule(options.cron, run, cronOptions(options.name));
  const prune = async () => {
    try {
      const pruned = await pruneRecords(deps, options.rateBuckets ?? null);
      log.info(pruned, 'pruned old delivery bookkeeping');
    } catch (err) {
      reportError(log, err, { phase: 'prune' });
    }
  };
  const pruneTask = schedule(options.pruneCron ?? '7 * * * *', prune, cronOptions(`${options.name}-prune`));
  return {
    started,
    async stop() {
      await pruneTask.destroy();
      await task.destroy();
      await started;
      await inFlight;
    },
  };
}
