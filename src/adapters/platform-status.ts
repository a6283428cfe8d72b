import type { Logger } from '../core/ports';
import { reportError } from '../error-sink';

export type PlatformState = 'connecting' | 'connected' | 'down';

export interface PlatformDetail {
  state: PlatformState;
  since: string;
  /** Why it is down, as the platform said it (never a secret: tokens are not in error messages). */
  error?: string;
  /** When the next attempt is made, while it is down. */
  retryAt?: string;
}

/** How each outgoing platform connection is doing, for /readyz and the log; readiness itself does not wait for them. */
export class PlatformStatus {
  private readonly states = new Map<string, PlatformDetail>();
  constructor(private readonly now: () => Date = () => new Date()) {}

  set(platform: string, state: PlatformState, extra: { error?: string; retryInMs?: number } = {}): void {
    const now = this.now();
    this.states.set(platform, {
      state,
      since: now.toISOString(),
      ...(extra.error ? { error: extra.error } : {}),
      ...(extra.retryInMs !== undefined
        ? { retryAt: new Date(now.getTime() + extra.retryInMs).toISOString() }
        : {}),
    });
  }

  snapshot(): Record<string, PlatformDetail> {
    return Object.fromEntries(this.states);
  }
}

export interface BackoffOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Waits between attempts; tests pass a faster one. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Connects in the background: the server is ready without it. A failure is logged through the error
 * sink, shown as `down` with the next attempt's time, and retried with doubling delays (1 s … 5 min).
 */
export function connectInBackground(
  platform: string,
  connect: () => Promise<unknown>,
  status: PlatformStatus,
  logger: Logger,
  { firstDelayMs = 1000, maxDelayMs = 300_000, sleep = defaultSleep }: BackoffOptions = {},
): { stop(): void; settled: Promise<void> } {
  let stopped = false;
  const run = async () => {
    let delay = firstDelayMs;
    while (!stopped) {
      status.set(platform, 'connecting');
      try {
        await connect();
        if (stopped) return;
        status.set(platform, 'connected');
        logger.info({ platform }, `${platform} is connected`);
        return;
      } catch (err) {
        if (stopped) return;
        reportError(logger, err, { platform, retryInMs: delay });
        status.set(platform, 'down', {
          error: err instanceof Error ? err.message : String(err),
          retryInMs: delay,
        });
        await sleep(delay);
        delay = Math.min(delay * 2, maxDelayMs);
      }
    }
  };
  return {
    stop() {
      stopped = true;
    },
    settled: run(),
  };
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });
