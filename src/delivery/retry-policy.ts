/** How failed sends are retried: exponential backoff with jitter, then the dead-letter queue. */
export interface RetryPolicy {
  /** Attempts (claims) after which a transient failure dead-letters the row. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  /** Injected so the schedule is exact in tests: a number in [0, 1). */
  random: () => number;
}

/**
 * A quick first retry (most failures are one-offs: a 500, a dropped connection), doubling to about four
 * minutes of patience in all before a message is dead-lettered.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseMs: 500,
  maxMs: 15 * 60_000,
  random: Math.random,
};

/**
 * The wait before the next attempt after `attempts` attempts: doubling from baseMs up to maxMs, with
 * "equal jitter" (half fixed, half random) so retries of many rows spread out yet never come at once.
 */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

export type NextStep = { action: 'retry'; at: Date } | { action: 'dead' };

/** After a transient failure of the attempts-th attempt: try again later, or give up. */
export function afterTransientFailure(attempts: number, now: Date, policy: RetryPolicy): NextStep {
  if (attempts >= policy.maxAttempts) return { action: 'dead' };
  return { action: 'retry', at: new Date(now.getTime() + backoffMs(attempts, policy)) };
}
