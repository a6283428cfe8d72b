import { hostname } from 'node:os';
import type { Config } from '../config';
import type { CoreDeps } from '../core/ports';
import type { CycleRhythm } from '../core/schedule/rhythm';
import type { Db } from '../store/db';
import { slackLimits, TEAMS_LIMITS } from './rate-limiter';
import { type RunningScheduler, type SchedulerOptions, startScheduler } from './scheduler';
import type { Sender } from './sender';
import { rateLimiterFor } from './shared-limits';
import { OutboxWorker, type WorkerOptions } from './worker';

export interface DeliverySettings {
  /** Slack's workspace-wide rate (SLACK_MESSAGES_PER_MINUTE). */
  slackPerMinute: number;
  rhythm?: CycleRhythm;
  replica: string;
  /** How often an idle worker looks for due rows between ticks. */
  pollMs?: number;
  cron?: string;
  worker?: Partial<WorkerOptions>;
  /** The database: on a PostgreSQL server the replicas share their rate limits through it. */
  db?: Db;
}

export interface RunningDelivery {
  worker: OutboxWorker;
  scheduler: RunningScheduler;
  stop(): Promise<void>;
}

/** The scheduler and the outbox worker of one process; stop() lets the sends in flight finish. */
export function startDelivery(
  deps: CoreDeps,
  senders: readonly Sender[],
  settings: DeliverySettings,
): RunningDelivery {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const worker = new OutboxWorker(deps, senders, {
    limits: { slack: slackLimits(settings.slackPerMinute), teams: TEAMS_LIMITS },
    replica: settings.replica,
    ...(settings.db
      ? { limiter: rateLimiterFor(settings.db, () => deps.clock.now().getTime(), sleep), sleep }
      : {}),
    ...settings.worker,
  });
  worker.start(settings.pollMs ?? 5_000);
  const options: SchedulerOptions = {
    cron: settings.cron ?? '* * * * *',
    name: 'due',
    replica: settings.replica,
    rhythm: settings.rhythm,
    rateBuckets: settings.db?.kind === 'postgres' ? settings.db : null,
  };
  const scheduler = startScheduler(deps, worker, options);
  return {
    worker,
    scheduler,
    async stop() {
      await scheduler.stop();
      await worker.stop();
    },
  };
}

/**
 * The server's delivery: started only when at least one platform can send (a Sender per enabled
 * platform); a rhythm naming an unknown agenda stops the start with UNKNOWN_AGENDA.
 */
export function startServerDelivery(
  config: Pick<Config, 'delivery'>,
  deps: CoreDeps,
  senders: readonly Sender[],
  db?: Db,
): RunningDelivery | null {
  if (config.delivery.rhythm) deps.agendas.get(config.delivery.rhythm.agendaId);
  if (senders.length === 0) {
    deps.logger.info({}, 'delivery is off: no platform is enabled to send messages');
    return null;
  }
  return startDelivery(deps, senders, {
    slackPerMinute: config.delivery.slackPerMinute,
    rhythm: config.delivery.rhythm,
    replica: `${hostname()}:${process.pid}`,
    pollMs: config.delivery.pollMs,
    db,
    worker: {
      sendTimeoutMs: config.delivery.sendTimeoutMs,
      leaseMs: config.delivery.leaseMs,
    },
  });
}
