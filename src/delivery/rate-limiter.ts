/** A rate: `perSecond` on average, at most `burst` at once. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** The limits of one platform: per workspace (Slack) or tenant (Teams), and per conversation. */
export interface PlatformLimits {
  workspace: RateLimit;
  conversation: RateLimit;
}

/** A burst of a tenth of the rate leaves the platform's own bucket room for network jitter. */
const limit = (perSecond: number): RateLimit => ({
  perSecond,
  burst: Math.max(1, Math.floor(perSecond / 10)),
});

/** Teams: 50 requests per second per app per tenant, 7 per second per conversation. */
export const TEAMS_LIMITS: PlatformLimits = { workspace: limit(50), conversation: limit(7) };

/**
 * Slack chat.postMessage: 1 per second per channel; a workspace-wide rate, by default 300 a minute. Posts to
 * one channel are spaced 1.2 s: a post reserved on time may still arrive late (a busy client, the network),
 * and the next one then closer than a second after it; measured under a fan-out with faults, 2 of 1,000
 * channels saw two posts 0.67 s and 0.997 s apart, each a 429 that pauses the whole workspace.
 */
export function slackLimits(perMinute = 300): PlatformLimits {
  return { workspace: limit(perMinute / 60), conversation: { perSecond: 1 / 1.2, burst: 1 } };
}

/** A bucket to take a token from: its key (a workspace, a conversation) and its rate. */
export interface RateKey {
  key: string;
  limit: RateLimit;
}

/**
 * Rate limits as delivery uses them: one in memory for a single process (TokenBuckets), one in PostgreSQL
 * shared by all replicas (SharedTokenBuckets).
 */
export interface RateLimiter {
  /** Resolves when a send may go: one token taken from each bucket. */
  acquire(keys: readonly RateKey[]): Promise<void>;
  /** Sends to key wait forMs (the platform's Retry-After). */
  pause(key: string, forMs: number): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
  pausedUntil: number;
}

/** Idle buckets are dropped beyond this many: one per conversation adds up over thousands of members. */
const MAX_BUCKETS = 10_000;

/**
 * Token buckets by key (a workspace, a conversation), with an injected clock and sleep so tests are exact.
 * A send takes one token from each of its buckets at once, waiting until all have one; a 429 pauses a key
 * for the Retry-After the platform gave.
 */
export class TokenBuckets implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly nowMs: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  async acquire(keys: readonly RateKey[]): Promise<void> {
    for (;;) {
      const wait = this.tryTake(keys);
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }

  async pause(key: string, forMs: number): Promise<void> {
    const now = this.nowMs();
    const bucket = this.bucket(key, { perSecond: 1, burst: 1 }, now);
    bucket.pausedUntil = Math.max(bucket.pausedUntil, now + forMs);
  }

  /** Takes a token from every bucket and returns 0, or returns how long to wait before trying again. */
  private tryTake(keys: readonly RateKey[]): number {
    const now = this.nowMs();
    let wait = 0;
    const buckets = keys.map(({ key, limit }) => {
      const b = this.bucket(key, limit, now);
      b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) * limit.perSecond) / 1000);
      b.at = now;
      if (b.pausedUntil > now) wait = Math.max(wait, b.pausedUntil - now);
      else if (b.tokens < 1) wait = Math.max(wait, Math.ceil(((1 - b.tokens) * 1000) / limit.perSecond));
      return b;
    });
    if (wait > 0) return wait;
    for (const b of buckets) b.tokens -= 1;
    return 0;
  }

  private bucket(key: string, limit: RateLimit, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropIdle(now);
      b = { tokens: limit.burst, at: now, pausedUntil: 0 };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** A bucket untouched for a minute is full again: forgetting it changes nothing. */
  private dropIdle(now: number): void {
    for (const [key, b] of this.buckets)
      if (now - b.at > 60_000 && b.pausedUntil <= now) this.buckets.delete(key);
  }
}
