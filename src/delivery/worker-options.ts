/** How the outbox worker runs, and what it reports. */
import type { Platform } from '../core/model';
import { type PlatformLimits, type RateLimiter, slackLimits, TEAMS_LIMITS } from './rate-limiter';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy';

export interface WorkerOptions {
  /** Rows claimed at once; they are sent concurrently within the rate limits. */
  batchSize: number;
  /**
   * Batches in flight at once per platform (start()): a batch settles when its slowest send does, so one
   * send that hangs until its timeout holds only its own batch while the others keep the rate. Each
   * platform has lanes of its own: Slack's rows never wait behind a batch kept at Teams' rate.
   */
  lanes: number;
  /**
   * How long a claim holds a row; renewed every heartbeatMs while the batch runs, so a crashed worker's rows
   * are claimed again (as uncertain) soon after it.
   */
  leaseMs: number;
  heartbeatMs: number;
  /** The longest a sender takes to answer (senders time out by themselves); no send starts later in a lease. */
  sendTimeoutMs: number;
  retry: RetryPolicy;
  limits: Record<Platform, PlatformLimits>;
  /** Where the limits are kept: shared by the replicas on PostgreSQL (shared-limits.ts), else in memory. */
  limiter?: RateLimiter;
  /** Waits for the rate limiter: injected so tests with a hand-moved clock stay exact. */
  sleep: (ms: number) => Promise<void>;
  /** Names this process in the logs. */
  replica: string;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  batchSize: 25,
  lanes: 3,
  leaseMs: 15_000,
  heartbeatMs: 5_000,
  sendTimeoutMs: 10_000,
  retry: DEFAULT_RETRY,
  limits: { slack: slackLimits(), teams: TEAMS_LIMITS },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  replica: `worker-${process.pid}`,
};

export interface DeliveryTally {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  cancelled: number;
  unreachable: number;
  /** Maybe taken by the platform (5xx, timeout, dropped connection, a sender that threw): retried as uncertain. */
  uncertain: number;
}

export const emptyTally = (): DeliveryTally => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  dead: 0,
  cancelled: 0,
  unreachable: 0,
  uncertain: 0,
});
