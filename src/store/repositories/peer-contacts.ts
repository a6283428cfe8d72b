import type { PeerContact, PeerContactRepository } from '../../core/peer-model';
import type { Queryable } from '../db';
import { date, dateOrNull, updateFromRow } from './rows';

type Row = Record<string, unknown>;

const contactFromRow = (r: Row): PeerContact => ({
  id: r.id as string,
  agendaId: r.agenda_id as string,
  ambitionId: r.ambition_id as string,
  cycleId: (r.cycle_id as string | null) ?? null,
  fromBoardId: r.from_board_id as string,
  fromMemberId: (r.from_member_id as string | null) ?? null,
  toBoardId: r.to_board_id as string,
  toMemberId: (r.to_member_id as string | null) ?? null,
  status: r.status as PeerContact['status'],
  askedAt: date(r.asked_at),
  acceptedAt: dateOrNull(r.accepted_at),
});

export function peerContactRepository(db: Queryable): PeerContactRepository {
  const one = async (where: string, params: unknown[]) => {
    const res = await db.query(`SELECT * FROM peer_contacts WHERE ${where}`, params);
    return res.rows[0] ? contactFromRow(res.rows[0]) : null;
  };
  return {
    async ask(c) {
      const res = await db.query(
        `INSERT INTO peer_contacts (id, agenda_id, ambition_id, cycle_id, from_board_id, from_member_id,
           to_board_id, to_member_id, status, asked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'asked', $9)
         ON CONFLICT (agenda_id, ambition_id, from_board_id, to_board_id) DO NOTHING`,
        [
          c.id,
          c.agendaId,
          c.ambitionId,
          c.cycleId,
          c.fromBoardId,
          c.fromMemberId,
          c.toBoardId,
          c.toMemberId,
          c.askedAt,
        ],
      );
      const stored = await one(
        'agenda_id = $1 AND ambition_id = $2 AND from_board_id = $3 AND to_board_id = $4',
        [c.agendaId, c.ambitionId, c.fromBoardId, c.toBoardId],
      );
      if (!stored) throw new Error(`peer contact ${c.id} vanished after insert`);
      return { contact: stored, created: (res.rowCount ?? 0) > 0 };
    },
    get: (id) => one('id = $1', [id]),
    async accept(id, at) {
      const res = await db.query(
        `UPDATE peer_contacts SET status = 'accepted', accepted_at = $2 WHERE id = $1 AND status = 'asked'`,
        [id, at],
      );
      return (res.rowCount ?? 0) > 0;
    },
    async listByAmbition(agendaId, ambitionId) {
      const res = await db.query(
        'SELECT * FROM peer_contacts WHERE agenda_id = $1 AND ambition_id = $2 ORDER BY asked_at, id',
        [agendaId, ambitionId],
      );
      return res.rows.map(contactFromRow);
    },
    async listByMember(memberId) {
      const res = await db.query(
        'SELECT * FROM peer_contacts WHERE from_member_id = $1 OR to_member_id = $1 ORDER BY asked_at, id',
        [memberId],
      );
      return res.rows.map(contactFromRow);
    },
    async latestByBoard(agendaId, itemId) {
      const res = await db.query(
        `SELECT DISTINCT ON (u.board_id) u.*
         FROM updates u JOIN cycles c ON c.id = u.cycle_id
         WHERE u.superseded_at IS NULL AND c.agenda_id = $1 AND u.item_id = $2
         ORDER BY u.board_id, c.opens_at DESC, u.created_at DESC`,
        [agendaId, itemId],
      );
      return res.rows.map(updateFromRow);
    },
    async eraseMember(memberId) {
      await db.query('UPDATE members SET peer_contact = false, updated_at = now() WHERE id = $1', [memberId]);
      await db.query('UPDATE peer_contacts SET from_member_id = NULL WHERE from_member_id = $1', [memberId]);
      await db.query('UPDATE peer_contacts SET to_member_id = NULL WHERE to_member_id = $1', [memberId]);
    },
  };
}
