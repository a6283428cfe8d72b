-- Teams: what the Bot Framework needs beyond the domain. Conversation references live in
-- conversation_refs (001); resends are recognised through inbound_events (005).

-- The Bot Framework user id (29:…) of a member and where it was seen, to open a 1:1 chat with someone
-- who never wrote to the bot (createConversation needs the user id, the tenant and a service URL).
CREATE TABLE teams_users (
  member_id   text PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  user_id     text NOT NULL,
  tenant_id   text NOT NULL,
  team_id     text,
  service_url text NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- The answer given to an invoke, so that a resend (Teams resends after 15 s) gets the same answer
-- without the action being done twice.
CREATE TABLE teams_invoke_responses (
  activity_key text PRIMARY KEY,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX teams_invoke_responses_created ON teams_invoke_responses (created_at);
