import { type RunCoordinator, type ScheduledTask, schedule } from 'node-cron';
import { planFromRhythm } from '../core/cycle-rhythm';
import { runDue } from '../core/due';
import type { CoreDeps } from '../core/ports';
import type { CycleRhythm } from '../core/schedule/rhythm';
import { reportError } from '../error-sink';
import type { OutboxWorker } from './worker';

export interface SchedulerOptions {
  /** node-cron expression; every minute in production (tests tick every second). */
  cron: string;
  /** The run coordinator's name for this schedule (no colon). */
  name: string;
  /** Who claims runs: the process, for scheduler_runs.claimed_by. */
  replica: string;
  rhythm?: CycleRhythm;
}

/**
 * node-cron's run coordinator backed by the database: a fire (name, slot) runs where the insert into
 * scheduler_runs succeeds, so it runs once across replicas however many tick.
 */
export function databaseRunCoordinator(deps: CoreDeps, replica: string): RunCoordinator {
  return {
    shouldRun(key) {
      const colon = key.indexOf(':');
      return deps.store.repos.schedulerRuns.claim(
        key.slice(0, colon),
        key.slice(colon + 1),
        replica,
        deps.clock.now(),
      );
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
  const task: ScheduledTask = schedule(options.cron, run, {
    name: options.name,
    distributed: true,
    runCoordinator: coordinator,
    noOverlap: true,
    logger: {
      info: (m) => log.debug({ cron: options.name }, String(m)),
      warn: (m) => log.warn({ cron: options.name }, String(m)),
      error: (m, err) => log.error({ cron: options.name, err }, String(m)),
      debug: (m) => log.debug({ cron: options.name }, String(m)),
    },
  });
  return {
    started,
    async stop() {
      await task.destroy();
      await started;
      await inFlight;
    },
  };
}
