-- Answers with links (issue 18): a coordinator's answer to a steering request may point to a practice
-- shared in a learning community, or to a board to get in touch with. Both optional; a practice or board
-- removed later leaves the answer without its link.
ALTER TABLE steering_answers ADD COLUMN IF NOT EXISTS practice_id text REFERENCES practices (id) ON DELETE SET NULL;
ALTER TABLE steering_answers ADD COLUMN IF NOT EXISTS contact_board_id text REFERENCES boards (id) ON DELETE SET NULL;
