-- A row's place in line: when it first came due. A retry keeps it (queued_at is set on the first retry),
-- so once its wait is over it is claimed before the rows that came due after it. Before, a retry went to
-- the back of a fan-out: a check-in whose post failed in the first second of a thousand waited for all
-- the others, and the retries of the whole fan-out came at its end.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS queued_at timestamptz;
CREATE INDEX IF NOT EXISTS outbox_pending_line ON outbox ((coalesce(queued_at, not_before)), id)
  WHERE status = 'pending';
