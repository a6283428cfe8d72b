-- Summaries over many messages read one narrow table: each link carries the facts of its message a
-- summary counts and filters on (where and when it was posted, by whom, whether its text is still held,
-- analysed, asks for steering). Kept in step by triggers, whichever code writes the link or the message,
-- so a summary never scans the wide message rows.
ALTER TABLE message_ambitions
  ADD COLUMN community_id text,
  ADD COLUMN posted_at    timestamptz,
  ADD COLUMN member_id    text,
  ADD COLUMN board_id     text,
  ADD COLUMN has_text     boolean NOT NULL DEFAULT true,
  ADD COLUMN analysed     boolean NOT NULL DEFAULT false,
  ADD COLUMN steering     boolean NOT NULL DEFAULT false;

UPDATE message_ambitions ma
SET community_id = dm.community_id, posted_at = dm.posted_at, member_id = dm.member_id,
  board_id = dm.board_id, has_text = dm.text IS NOT NULL, analysed = dm.analysed, steering = dm.steering
FROM discussion_messages dm WHERE dm.id = ma.message_id;

-- A link written without its message's facts (a person's link, a thread's) takes them from the message;
-- the batch insert of recordMessages gives them and skips the look-up.
CREATE FUNCTION message_ambitions_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT dm.community_id, dm.posted_at, dm.member_id, dm.board_id, dm.text IS NOT NULL, dm.analysed, dm.steering
  INTO NEW.community_id, NEW.posted_at, NEW.member_id, NEW.board_id, NEW.has_text, NEW.analysed, NEW.steering
  FROM discussion_messages dm WHERE dm.id = NEW.message_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER message_ambitions_fill BEFORE INSERT ON message_ambitions
  FOR EACH ROW WHEN (NEW.posted_at IS NULL) EXECUTE FUNCTION message_ambitions_fill();

-- An edit, a purge, an erase or a new analysis changes the message's facts: its links follow.
CREATE FUNCTION discussion_messages_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.member_id IS DISTINCT FROM OLD.member_id OR NEW.board_id IS DISTINCT FROM OLD.board_id
    OR (NEW.text IS NULL) <> (OLD.text IS NULL) OR NEW.analysed <> OLD.analysed
    OR NEW.steering <> OLD.steering OR NEW.posted_at <> OLD.posted_at THEN
    UPDATE message_ambitions
    SET member_id = NEW.member_id, board_id = NEW.board_id, has_text = NEW.text IS NOT NULL,
      analysed = NEW.analysed, steering = NEW.steering, posted_at = NEW.posted_at
    WHERE message_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER discussion_messages_facts_changed AFTER UPDATE ON discussion_messages
  FOR EACH ROW EXECUTE FUNCTION discussion_messages_facts_changed();

-- A summary's scope: one ambition in an agenda's few communities over a period, a few ranges of this
-- index, which holds all a summary counts and picks by (read from the index alone where the table is
-- vacuumed). It serves every look-up by ambition the old index did.
CREATE INDEX message_ambitions_scope ON message_ambitions (ambition_id, community_id, posted_at)
  INCLUDE (message_id, source, score, board_id, member_id, has_text, analysed, steering);
DROP INDEX message_ambitions_ambition;
