-- Per-message work done once, at ingestion: the sentences of a message with their content terms and
-- whether each is a question or leans on the one before ("Dat …", "Daarom …"); summaries read these
-- instead of splitting and stemming every message again.
CREATE TABLE message_sentences (
  message_id text NOT NULL REFERENCES discussion_messages (id) ON DELETE CASCADE,
  position   integer NOT NULL,
  text       text NOT NULL,
  terms      text[] NOT NULL,           -- Snowball stems of the content words, in order
  term_count integer NOT NULL,
  question   boolean NOT NULL,
  context    text,                      -- the sentence before, when this one leans on it ("Dat …")
  PRIMARY KEY (message_id, position)
);

-- Whether the sentences are stored (messages from before this migration are analysed when summarised),
-- and whether the message asks for help or steering.
ALTER TABLE discussion_messages ADD COLUMN analysed boolean NOT NULL DEFAULT false;
ALTER TABLE discussion_messages ADD COLUMN steering boolean NOT NULL DEFAULT false;

-- A new text (an edit) or none (purged, erased) makes the stored sentences wrong: they go with it, in
-- the same statement, whichever code changed the text.
CREATE FUNCTION discussion_messages_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.text IS DISTINCT FROM OLD.text THEN
    DELETE FROM message_sentences WHERE message_id = OLD.id;
    NEW.analysed := false;
    NEW.steering := false;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER discussion_messages_text_changed BEFORE UPDATE OF text ON discussion_messages
  FOR EACH ROW EXECUTE FUNCTION discussion_messages_text_changed();
