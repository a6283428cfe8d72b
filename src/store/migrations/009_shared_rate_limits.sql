-- Rate limits shared by every replica on one PostgreSQL server: one row per bucket (a workspace or tenant,
-- a conversation). Each send reserves its moment with reserve_rate_slot, the generic cell rate algorithm:
-- `tat` is when the bucket is next "empty"; a send may go from tat minus the burst's tolerance, and moves
-- tat on by one interval. Waiters sleep until their moment instead of asking again, so a send costs one
-- short statement however many replicas wait. Times come from the server's clock, the one all share.
CREATE TABLE IF NOT EXISTS rate_buckets (
  key          text PRIMARY KEY,
  tat          timestamptz NOT NULL,
  paused_until timestamptz NOT NULL DEFAULT '-infinity'
);
CREATE INDEX IF NOT EXISTS rate_buckets_tat ON rate_buckets (tat);

-- Reserves one send in every bucket of p_keys (sorted by the caller, so takers never deadlock) and returns
-- the milliseconds to wait before sending (0: now), and for how long any of the buckets is paused (a 429).
CREATE OR REPLACE FUNCTION reserve_rate_slot(
  p_keys text[], p_intervals_ms double precision[], p_tolerances_ms double precision[],
  OUT wait_ms double precision, OUT paused_ms double precision
) LANGUAGE plpgsql AS $$
DECLARE
  now_ts timestamptz;
  at_ts timestamptz;
  paused_ts timestamptz := '-infinity';
  r record;
BEGIN
  INSERT INTO rate_buckets (key, tat) SELECT k, '-infinity' FROM unnest(p_keys) AS k ORDER BY k
    ON CONFLICT (key) DO NOTHING;
  PERFORM 1 FROM rate_buckets WHERE key = ANY (p_keys) ORDER BY key FOR UPDATE;
  now_ts := clock_timestamp();
  at_ts := now_ts;
  FOR r IN
    SELECT b.tat, b.paused_until, t.tolerance_ms
    FROM rate_buckets b JOIN unnest(p_keys, p_tolerances_ms) AS t(k, tolerance_ms) ON b.key = t.k
  LOOP
    at_ts := greatest(at_ts, r.paused_until, r.tat - make_interval(secs => r.tolerance_ms / 1000));
    paused_ts := greatest(paused_ts, r.paused_until);
  END LOOP;
  UPDATE rate_buckets b SET tat = greatest(b.tat, at_ts) + make_interval(secs => t.interval_ms / 1000)
    FROM unnest(p_keys, p_intervals_ms) AS t(k, interval_ms) WHERE b.key = t.k;
  wait_ms := greatest(0, extract(epoch FROM at_ts - now_ts) * 1000);
  paused_ms := CASE WHEN paused_ts > now_ts THEN extract(epoch FROM paused_ts - now_ts) * 1000 ELSE 0 END;
END $$;

-- The hourly prune (delivery/prune.ts) deletes old scheduler runs by when they were claimed.
CREATE INDEX IF NOT EXISTS scheduler_runs_claimed ON scheduler_runs (claimed_at);
