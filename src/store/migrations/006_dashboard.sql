-- The dashboard: single-use sign-in links and the sessions they (or Teams SSO) open. In the database, so
-- every replica knows them.

CREATE TABLE dashboard_links (
  nonce      text PRIMARY KEY,                 -- from the signed link; a second use finds the row
  member_id  text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  used_at    timestamptz NOT NULL
);

CREATE TABLE dashboard_sessions (
  id_hash    text PRIMARY KEY,                 -- SHA-256 of the cookie value; the value itself is not stored
  member_id  text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  csrf       text NOT NULL,                    -- the per-session token every form posts back
  via        text NOT NULL CHECK (via IN ('link', 'teams')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);
