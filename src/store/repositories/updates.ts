import type { UpdateRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { updateFromRow } from './rows';

export function updateRepository(db: Queryable): UpdateRepository {
  return {
    async current(cycleId, boardId) {
      const res = await db.query(
        `SELECT * FROM updates WHERE cycle_id = $1 AND board_id = $2 AND superseded_at IS NULL ORDER BY item_id`,
        [cycleId, boardId],
      );
      return res.rows.map(updateFromRow);
    },
    async save(cycleId, boardId, memberId, answers, at, ids) {
      const stored = [];
      for (const a of answers) {
        const prev = await db.query<{ version: number }>(
          `UPDATE updates SET superseded_at = $4
           WHERE cycle_id = $1 AND board_id = $2 AND item_id = $3 AND superseded_at IS NULL RETURNING version`,
          [cycleId, boardId, a.itemId, at],
        );
        const version = (prev.rows[0]?.version ?? 0) + 1;
        const res = await db.query(
          `INSERT INTO updates (id, cycle_id, board_id, member_id, item_id, version, status, progress, done,
             steering_needed, steering_explanation, link, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
          [
            ids(),
            cycleId,
            boardId,
            memberId,
            a.itemId,
            version,
            a.status,
            a.progress,
            a.done,
            a.steeringNeeded,
            a.steeringExplanation,
            a.link,
            at,
          ],
        );
        stored.push(updateFromRow(res.rows[0] as Record<string, unknown>));
      }
      return stored;
    },
    async history(cycleId, boardId, itemId) {
      const res = await db.query(
        'SELECT * FROM updates WHERE cycle_id = $1 AND board_id = $2 AND item_id = $3 ORDER BY version',
        [cycleId, boardId, itemId],
      );
      return res.rows.map(updateFromRow);
    },
  };
}
