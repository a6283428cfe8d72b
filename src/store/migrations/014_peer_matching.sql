-- Peer matching (issue 18): a board that is behind on an ambition is pointed to boards on track with it,
-- but only to boards whose member agreed to be contacted (off until they say so in their profile).
ALTER TABLE members ADD COLUMN IF NOT EXISTS peer_contact boolean NOT NULL DEFAULT false;

-- A board's request for contact with another board about one ambition: asked once per pair and
-- ambition (a second click finds the first), accepted once by the member it was sent to.
CREATE TABLE IF NOT EXISTS peer_contacts (
  id              text PRIMARY KEY,
  agenda_id       text NOT NULL,
  ambition_id     text NOT NULL,
  cycle_id        text REFERENCES cycles (id) ON DELETE SET NULL,
  from_board_id   text NOT NULL REFERENCES boards (id),
  from_member_id  text REFERENCES members (id) ON DELETE SET NULL,
  to_board_id     text NOT NULL REFERENCES boards (id),
  to_member_id    text REFERENCES members (id) ON DELETE SET NULL,
  status          text NOT NULL CHECK (status IN ('asked', 'accepted')),
  asked_at        timestamptz NOT NULL,
  accepted_at     timestamptz,
  UNIQUE (agenda_id, ambition_id, from_board_id, to_board_id)
);
CREATE INDEX IF NOT EXISTS peer_contacts_ambition ON peer_contacts (agenda_id, ambition_id);
