-- Discussion per ambition: edits, retention, personal-data requests and summaries over many messages.

-- When the retention job emptied the text (erased_at is for a member's own erase request).
ALTER TABLE discussion_messages ADD COLUMN purged_at timestamptz;

-- The retention job looks for texts still held, oldest first.
CREATE INDEX discussion_messages_retention ON discussion_messages (posted_at) WHERE text IS NOT NULL;
-- A member's export and erase.
CREATE INDEX discussion_messages_member ON discussion_messages (member_id) WHERE member_id IS NOT NULL;
-- Replies of a thread, to tell an open question from an answered one.
CREATE INDEX discussion_messages_thread ON discussion_messages (community_id, thread_external_id)
  WHERE thread_external_id IS NOT NULL;
-- Links a member made, for export and erase.
CREATE INDEX message_ambitions_linked_by ON message_ambitions (linked_by) WHERE linked_by IS NOT NULL;
-- Summaries read the current updates of an ambition and its actions per cycle.
CREATE INDEX updates_cycle_item_current ON updates (cycle_id, item_id) WHERE superseded_at IS NULL;
CREATE INDEX practices_member ON practices (member_id) WHERE member_id IS NOT NULL;
