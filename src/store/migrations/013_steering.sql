-- Steering decisions (issue 18): after a cycle closes, the coordinators decide per ambition in its scope
-- whether to continue, adjust (what changes, who, by when) or escalate to the association's board. Every
-- decision is kept: a later one for the same cycle and ambition supersedes the earlier one in the views,
-- and the history stays.
CREATE TABLE IF NOT EXISTS steering_decisions (
  id           text PRIMARY KEY,
  cycle_id     text NOT NULL REFERENCES cycles (id),
  agenda_id    text NOT NULL,
  ambition_id  text NOT NULL,
  decision     text NOT NULL CHECK (decision IN ('continue', 'adjust', 'escalate')),
  rationale    text NOT NULL,
  change_what  text NOT NULL DEFAULT '',
  change_who   text NOT NULL DEFAULT '',
  change_by    text NOT NULL DEFAULT '',
  decided_by   text REFERENCES members (id) ON DELETE SET NULL,
  decided_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS steering_decisions_ambition ON steering_decisions (agenda_id, ambition_id, decided_at);
CREATE INDEX IF NOT EXISTS steering_decisions_cycle ON steering_decisions (cycle_id, decided_at);

-- Every steering request answered: a board's current update with "steering needed" is an open request
-- until a coordinator answers it here (once per cycle, board and item; the version answered is kept).
CREATE TABLE IF NOT EXISTS steering_answers (
  id           text PRIMARY KEY,
  cycle_id     text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
  board_id     text NOT NULL REFERENCES boards (id),
  item_id      text NOT NULL,
  update_id    text NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
  answer       text NOT NULL,
  answered_by  text REFERENCES members (id) ON DELETE SET NULL,
  answered_at  timestamptz NOT NULL,
  UNIQUE (cycle_id, board_id, item_id)
);
CREATE INDEX IF NOT EXISTS steering_answers_board ON steering_answers (board_id, answered_at);
