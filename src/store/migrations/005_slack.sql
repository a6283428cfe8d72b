-- Events a platform may deliver more than once (Slack retries, Teams resends), by their own id.
CREATE TABLE IF NOT EXISTS inbound_events (
  platform    text NOT NULL,
  event_id    text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, event_id)
);
CREATE INDEX IF NOT EXISTS inbound_events_received ON inbound_events (received_at);

-- Slack OAuth installations, one per workspace (or per enterprise for org-wide installs).
CREATE TABLE slack_installations (
  id            text PRIMARY KEY,               -- 'E…' for an org install, else the team id
  installation  jsonb NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
