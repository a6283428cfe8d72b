-- Delivery: the scheduler's run coordinator, leases on outbox rows, and boards' own school holidays.

-- One row per scheduled run: the replica whose insert of (name, slot) succeeds runs it, the others skip.
CREATE TABLE IF NOT EXISTS scheduler_runs (
  name       text NOT NULL,
  slot       text NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (name, slot)
);

-- 'cancelled': no longer wanted when its turn came (answered meanwhile, cycle closed, member unreachable).
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'cancelled'));
-- The claim that holds the lease: a worker whose lease ran out cannot settle a row another worker took.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claim_token text;
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS dead_at timestamptz;
-- Once a claim's lease ran out without an outcome, an earlier send may have reached the platform: the row
-- stays uncertain through later retries, so every later attempt looks before it posts.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS uncertain boolean NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (not_before) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_leased ON outbox (claimed_until) WHERE status = 'sending';
CREATE INDEX IF NOT EXISTS outbox_dead ON outbox (dead_at) WHERE status = 'dead';

-- A board's own holiday replaces its region's holiday of the same name and school year.
CREATE TABLE IF NOT EXISTS board_holidays (
  board_id    text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  school_year text NOT NULL,
  name        text NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  CHECK (ends_on >= starts_on),
  PRIMARY KEY (board_id, school_year, name)
);
