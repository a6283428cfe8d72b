import type { CycleRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { cycleFromRow } from './rows';

export function cycleRepository(db: Queryable): CycleRepository {
  return {
    async insert(c) {
      await db.query(
        `INSERT INTO cycles (id, agenda_id, name, status, scope, audience, opens_at, closes_at, reminders, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          c.id,
          c.agendaId,
          c.name,
          c.status,
          c.scope,
          JSON.stringify(c.audience),
          c.opensAt,
          c.closesAt,
          JSON.stringify(c.reminders),
          c.createdBy,
        ],
      );
    },
    async get(id) {
      const res = await db.query('SELECT * FROM cycles WHERE id = $1', [id]);
      return res.rows[0] ? cycleFromRow(res.rows[0]) : null;
    },
    async list() {
      const res = await db.query('SELECT * FROM cycles ORDER BY opens_at DESC, name');
      return res.rows.map(cycleFromRow);
    },
    async listByStatus(statuses) {
      const res = await db.query('SELECT * FROM cycles WHERE status = ANY($1::text[]) ORDER BY opens_at', [
        [...statuses],
      ]);
      return res.rows.map(cycleFromRow);
    },
    async transition(id, from, to, at) {
      const res = await db.query(
        `UPDATE cycles SET status = $3,
           opened_at = CASE WHEN $3 = 'open' THEN $4 ELSE opened_at END,
           closed_at = CASE WHEN $3 = 'closed' THEN $4 ELSE closed_at END
         WHERE id = $1 AND status = ANY($2::text[])`,
        [id, [...from], to, at],
      );
      return res.rowCount > 0;
    },
  };
}
