import type { SteeringAnswer, SteeringRequestRepository } from '../../core/steering-model';
import type { Queryable } from '../db';
import { updateFromRow } from './rows';

interface AnswerRow {
  id: string;
  cycle_id: string;
  board_id: string;
  item_id: string;
  update_id: string;
  answer: string;
  practice_id: string | null;
  contact_board_id: string | null;
  answered_by: string | null;
  answered_at: Date;
}

const answerFromRow = (r: AnswerRow): SteeringAnswer => ({
  id: r.id,
  cycleId: r.cycle_id,
  boardId: r.board_id,
  itemId: r.item_id,
  updateId: r.update_id,
  answer: r.answer,
  practiceId: r.practice_id ?? null,
  contactBoardId: r.contact_board_id ?? null,
  answeredBy: r.answered_by,
  answeredAt: new Date(r.answered_at),
});

export function steeringRequestRepository(db: Queryable): SteeringRequestRepository {
  return {
    async list() {
      const updates = await db.query(
        `SELECT * FROM updates WHERE superseded_at IS NULL AND steering_needed ORDER BY created_at, id`,
      );
      const answers = await db.query<AnswerRow>('SELECT * FROM steering_answers');
      const key = (c: string, b: string, i: string) => `${c}|${b}|${i}`;
      const byKey = new Map(
        answers.rows.map((a) => [key(a.cycle_id, a.board_id, a.item_id), answerFromRow(a)]),
      );
      return updates.rows.map((row) => {
        const update = updateFromRow(row);
        return { update, answer: byKey.get(key(update.cycleId, update.boardId, update.itemId)) ?? null };
      });
    },
    async answer(a) {
      const res = await db.query(
        `INSERT INTO steering_answers (id, cycle_id, board_id, item_id, update_id, answer, practice_id,
           contact_board_id, answered_by, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (cycle_id, board_id, item_id) DO NOTHING`,
        [
          a.id,
          a.cycleId,
          a.boardId,
          a.itemId,
          a.updateId,
          a.answer,
          a.practiceId ?? null,
          a.contactBoardId ?? null,
          a.answeredBy,
          a.answeredAt,
        ],
      );
      return (res.rowCount ?? 0) > 0;
    },
    async answersForBoard(cycleId, boardId) {
      const res = await db.query<AnswerRow>(
        'SELECT * FROM steering_answers WHERE cycle_id = $1 AND board_id = $2 ORDER BY item_id',
        [cycleId, boardId],
      );
      return res.rows.map(answerFromRow);
    },
  };
}
