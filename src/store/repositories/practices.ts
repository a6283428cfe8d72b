import type { PracticeRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { practiceFromRow } from './rows';

export function practiceRepository(db: Queryable): PracticeRepository {
  return {
    async insert(p) {
      await db.query(
        `INSERT INTO practices (id, agenda_id, community_id, member_id, board_id, title, description, ambition_ids,
           instruments, contact, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          p.id,
          p.agendaId,
          p.communityId,
          p.memberId,
          p.boardId,
          p.title,
          p.description,
          p.ambitionIds,
          p.instruments,
          p.contact,
          p.createdAt,
        ],
      );
    },
    async get(id) {
      const res = await db.query('SELECT * FROM practices WHERE id = $1', [id]);
      return res.rows[0] ? practiceFromRow(res.rows[0]) : null;
    },
    async listByAmbition(agendaId, ambitionId) {
      const res = await db.query(
        'SELECT * FROM practices WHERE agenda_id = $1 AND $2 = ANY(ambition_ids) ORDER BY created_at DESC',
        [agendaId, ambitionId],
      );
      return res.rows.map(practiceFromRow);
    },
  };
}
