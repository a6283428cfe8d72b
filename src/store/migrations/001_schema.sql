-- The whole domain: one schema for PGlite and PostgreSQL alike.

CREATE TABLE workspaces (
  id          text PRIMARY KEY,               -- 'slack:T0123' or 'teams:<tenant id>'
  platform    text NOT NULL CHECK (platform IN ('slack', 'teams')),
  external_id text NOT NULL,                  -- Slack team id or Teams tenant id
  name        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform, external_id)
);

CREATE TABLE boards (
  id          text PRIMARY KEY,
  duo_number  text NOT NULL UNIQUE,           -- the bevoegd-gezagnummer DUO gives the board
  name        text NOT NULL,
  region      text NOT NULL CHECK (region IN ('noord', 'midden', 'zuid')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id                 text PRIMARY KEY,
  workspace_id       text NOT NULL REFERENCES workspaces (id),
  external_id        text NOT NULL,           -- Slack user id or Teams user id
  aad_object_id      text,                    -- Teams: the Entra object id
  name               text NOT NULL DEFAULT '',
  locale             text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  time_zone          text NOT NULL DEFAULT 'Europe/Amsterdam',
  board_id           text REFERENCES boards (id),
  board_confirmed    boolean NOT NULL DEFAULT false,
  roles              text[] NOT NULL DEFAULT '{member}',
  away_until         date,
  unreachable_at     timestamptz,
  unreachable_reason text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, external_id)
);
CREATE INDEX members_board ON members (board_id);

CREATE TABLE agendas (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  association  text NOT NULL,
  period_from  integer NOT NULL,
  period_to    integer NOT NULL,
  document     jsonb NOT NULL,               -- the validated agenda file, as loaded
  imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE themes (
  agenda_id  text NOT NULL REFERENCES agendas (id) ON DELETE CASCADE,
  id         text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('theme', 'line')),
  title      text NOT NULL,
  position   integer NOT NULL,
  PRIMARY KEY (agenda_id, id)
);

CREATE TABLE ambitions (
  agenda_id  text NOT NULL REFERENCES agendas (id) ON DELETE CASCADE,
  id         text NOT NULL,
  number     integer NOT NULL,
  theme_id   text,
  title      text NOT NULL,
  tag        text NOT NULL,
  text       text NOT NULL,
  PRIMARY KEY (agenda_id, id)
);

-- Actions of an ambition (a3.2) and of a strategic line (l1.4); goals of a line (l1.g1).
CREATE TABLE agenda_items (
  agenda_id  text NOT NULL REFERENCES agendas (id) ON DELETE CASCADE,
  id         text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('action', 'goal')),
  parent_id  text NOT NULL,
  text       text NOT NULL,
  position   integer NOT NULL,
  PRIMARY KEY (agenda_id, id)
);

CREATE TABLE communities (
  id           text PRIMARY KEY,
  agenda_id    text NOT NULL,
  theme_id     text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  channel_id   text NOT NULL,                -- Slack channel id or Teams channel id
  name         text,
  created_by   text REFERENCES members (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, channel_id),
  FOREIGN KEY (agenda_id, theme_id) REFERENCES themes (agenda_id, id)
);

CREATE TABLE community_members (
  community_id text NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  member_id    text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  joined_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, member_id)
);

CREATE TABLE cycles (
  id          text PRIMARY KEY,
  agenda_id   text NOT NULL REFERENCES agendas (id),
  name        text NOT NULL,
  status      text NOT NULL CHECK (status IN ('draft', 'scheduled', 'open', 'closed')),
  scope       text[] NOT NULL,               -- ambition and action ids asked about
  audience    jsonb NOT NULL,                -- {"boards": [...], "members": [...]}
  opens_at    timestamptz NOT NULL,
  closes_at   timestamptz NOT NULL,
  reminders   jsonb NOT NULL,                -- reminder moments, see core/cycles
  created_by  text REFERENCES members (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  opened_at   timestamptz,
  closed_at   timestamptz,
  CHECK (closes_at > opens_at)
);
CREATE INDEX cycles_status ON cycles (status);

CREATE TABLE check_ins (
  id               text PRIMARY KEY,
  cycle_id         text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
  member_id        text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL,
  answered_at      timestamptz,
  reminders_sent   integer NOT NULL DEFAULT 0,
  last_reminded_at timestamptz,
  message_ref      jsonb,                    -- where the prompt was posted, to update it in place
  UNIQUE (cycle_id, member_id)
);

-- Every submission is kept: an edit writes a new version and marks the old one superseded.
CREATE TABLE updates (
  id                   text PRIMARY KEY,
  cycle_id             text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
  board_id             text NOT NULL REFERENCES boards (id),
  member_id            text REFERENCES members (id) ON DELETE SET NULL,
  item_id              text NOT NULL,        -- ambition or action id
  version              integer NOT NULL,
  status               text NOT NULL CHECK (status IN ('on_track', 'attention', 'behind', 'not_started')),
  progress             integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  done                 text NOT NULL DEFAULT '',
  steering_needed      boolean NOT NULL,
  steering_explanation text NOT NULL DEFAULT '',
  link                 text,
  created_at           timestamptz NOT NULL,
  superseded_at        timestamptz,
  UNIQUE (cycle_id, board_id, item_id, version)
);
CREATE UNIQUE INDEX updates_current ON updates (cycle_id, board_id, item_id) WHERE superseded_at IS NULL;

CREATE TABLE practices (
  id           text PRIMARY KEY,
  agenda_id    text NOT NULL REFERENCES agendas (id),
  community_id text REFERENCES communities (id) ON DELETE SET NULL,
  member_id    text REFERENCES members (id) ON DELETE SET NULL,
  board_id     text REFERENCES boards (id),
  title        text NOT NULL,
  description  text NOT NULL,
  ambition_ids text[] NOT NULL,
  instruments  text NOT NULL DEFAULT '',    -- instruments, approach, benchmarks
  contact      text NOT NULL DEFAULT '',
  message_ref  jsonb,
  created_at   timestamptz NOT NULL
);

CREATE TABLE discussion_messages (
  id                 text PRIMARY KEY,
  community_id       text NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  external_id        text NOT NULL,          -- Slack ts or Teams activity id
  thread_external_id text,                   -- the thread's root, when a reply
  member_id          text REFERENCES members (id) ON DELETE SET NULL,
  board_id           text REFERENCES boards (id),
  text               text,                   -- null once purged or erased; the row stays for the counts
  posted_at          timestamptz NOT NULL,
  edited_at          timestamptz,
  erased_at          timestamptz,
  UNIQUE (community_id, external_id)
);
CREATE INDEX discussion_messages_posted ON discussion_messages (community_id, posted_at);

CREATE TABLE message_ambitions (
  message_id  text NOT NULL REFERENCES discussion_messages (id) ON DELETE CASCADE,
  ambition_id text NOT NULL,
  source      text NOT NULL CHECK (source IN ('tag', 'manual', 'thread', 'auto')),
  score       real,
  linked_by   text REFERENCES members (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (message_id, ambition_id)
);
CREATE INDEX message_ambitions_ambition ON message_ambitions (ambition_id);

-- Everything to send goes here first; the unique dedupe key makes a second send impossible.
CREATE TABLE outbox (
  id              text PRIMARY KEY,
  dedupe_key      text NOT NULL UNIQUE,
  platform        text NOT NULL CHECK (platform IN ('slack', 'teams')),
  workspace_id    text NOT NULL REFERENCES workspaces (id),
  member_id       text REFERENCES members (id) ON DELETE SET NULL,
  conversation_id text,                      -- a channel, or null for the member's 1:1 chat
  kind            text NOT NULL,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  not_before      timestamptz NOT NULL,
  claimed_until   timestamptz,
  last_error      text,
  result          jsonb,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (status, not_before);

CREATE TABLE conversation_refs (
  workspace_id    text NOT NULL REFERENCES workspaces (id),
  conversation_id text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
  member_id       text REFERENCES members (id) ON DELETE CASCADE,
  team_id         text,
  reference       jsonb NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id)
);
CREATE INDEX conversation_refs_member ON conversation_refs (member_id) WHERE kind = 'personal';

CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor_id  text REFERENCES members (id) ON DELETE SET NULL,
  action    text NOT NULL,
  target    text,
  details   jsonb NOT NULL DEFAULT '{}'
);
