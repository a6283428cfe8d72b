import type { Db, Queryable } from '../store/db';
import { type RateKey, type RateLimiter, TokenBuckets } from './rate-limiter';

/**
 * Token buckets in PostgreSQL (rate_buckets, migration 009), shared by every replica: three replicas
 * together send no faster than one. A send reserves its moment in all its buckets with one statement
 * (reserve_rate_slot) and sleeps until then. A pause (429) set by one replica holds for every later
 * reservation; each reservation also brings back the pauses it saw, so a send whose moment came during a
 * pause this process has heard of reserves again after it, without asking the database once more.
 */
export class SharedTokenBuckets implements RateLimiter {
  /** Pauses heard of, by key: until when, on this process's clock. */
  private readonly paused = new Map<string, number>();
  private readonly turns = new Turns();

  constructor(
    private readonly db: Queryable,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  async acquire(keys: readonly RateKey[]): Promise<void> {
    const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const names = sorted.map((k) => k.key);
    const intervals = sorted.map((k) => 1000 / k.limit.perSecond);
    const tolerances = sorted.map((k) => (Math.max(1, k.limit.burst) - 1) * (1000 / k.limit.perSecond));
    // In key order, as the statement locks them: two sends never wait for each other's turns.
    for (const k of sorted) await this.turns.take(k.key, Math.max(1, Math.ceil(k.limit.perSecond * AHEAD_S)));
    try {
      await this.reserve(names, intervals, tolerances);
    } finally {
      for (const k of sorted) this.turns.give(k.key);
    }
  }

  private async reserve(names: string[], intervals: number[], tolerances: number[]): Promise<void> {
    for (;;) {
      const res = await this.db.query<{ wait_ms: number; paused_ms: number }>(
        'SELECT wait_ms, paused_ms FROM reserve_rate_slot($1::text[], $2::float8[], $3::float8[])',
        [names, intervals, tolerances],
      );
      const row = res.rows[0];
      // Which of the keys is paused does not matter here: this send waits for the pause it saw.
      if (row && Number(row.paused_ms) > 0) for (const key of names) this.heard(key, Number(row.paused_ms));
      const wait = Number(row?.wait_ms ?? 0);
      if (wait > 0) await this.sleep(Math.ceil(wait));
      const now = Date.now();
      if (!names.some((key) => (this.paused.get(key) ?? 0) > now)) return;
    }
  }

  async pause(key: string, forMs: number): Promise<void> {
    this.heard(key, forMs);
    await this.db.query(
      `INSERT INTO rate_buckets (key, tat, paused_until)
       VALUES ($1, '-infinity', clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET paused_until = greatest(rate_buckets.paused_until, EXCLUDED.paused_until)`,
      [key, forMs],
    );
  }

  private heard(key: string, forMs: number): void {
    const until = Date.now() + forMs;
    if ((this.paused.get(key) ?? 0) < until) this.paused.set(key, until);
    if (this.paused.size > 1_000) {
      const now = Date.now();
      for (const [k, t] of this.paused) if (t <= now) this.paused.delete(k);
    }
  }
}

/**
 * How far ahead a process reserves a bucket's slots, in seconds of its rate. A slot reserved is spent even
 * when the process dies before its moment: with every send of its batches reserving at once, a SIGKILLed
 * replica had taken 1.5 s of a workspace's slots, and the other replicas posted nothing for 0.9 s. Its other
 * sends wait their turn in the process instead.
 */
const AHEAD_S = 0.1;

/** Per key, at most `max` holders at once; the others queue in order. */
class Turns {
  private readonly keys = new Map<string, { holders: number; queue: (() => void)[] }>();

  async take(key: string, max: number): Promise<void> {
    const turn = this.keys.get(key) ?? { holders: 0, queue: [] };
    this.keys.set(key, turn);
    if (turn.holders < max) {
      turn.holders++;
      return;
    }
    // Handed over by give(), which keeps the holder count.
    await new Promise<void>((resolve) => turn.queue.push(resolve));
  }

  give(key: string): void {
    const turn = this.keys.get(key);
    if (!turn) return;
    const next = turn.queue.shift();
    if (next) next();
    else if (--turn.holders === 0) this.keys.delete(key);
  }
}

/** Buckets idle for an hour are full again: dropping them changes nothing. */
export async function pruneRateBuckets(db: Queryable): Promise<number> {
  const res = await db.query(
    `DELETE FROM rate_buckets
     WHERE tat < clock_timestamp() - interval '1 hour' AND paused_until < clock_timestamp()`,
  );
  return res.rowCount;
}

/**
 * The one place that decides where rate limits live: in PostgreSQL when replicas may share the database
 * (a PostgreSQL server), in memory when one process owns it (the embedded database).
 */
export function rateLimiterFor(
  db: Db,
  nowMs: () => number,
  sleep: (ms: number) => Promise<void>,
): RateLimiter {
  return db.kind === 'postgres' ? new SharedTokenBuckets(db, sleep) : new TokenBuckets(nowMs, sleep);
}
