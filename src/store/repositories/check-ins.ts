import type { CheckInRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { checkInFromRow } from './rows';

export function checkInRepository(db: Queryable): CheckInRepository {
  return {
    async createMany(checkIns) {
      if (checkIns.length === 0) return new Set();
      const res = await db.query<{ cycle_id: string; member_id: string }>(
        `INSERT INTO check_ins (id, cycle_id, member_id, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
         ON CONFLICT (cycle_id, member_id) DO NOTHING
         RETURNING cycle_id, member_id`,
        [
          checkIns.map((c) => c.id),
          checkIns.map((c) => c.cycleId),
          checkIns.map((c) => c.memberId),
          checkIns.map((c) => c.createdAt),
        ],
      );
      return new Set(res.rows.map((r) => `${r.cycle_id}:${r.member_id}`));
    },
    async get(cycleId, memberId) {
      const res = await db.query('SELECT * FROM check_ins WHERE cycle_id = $1 AND member_id = $2', [
        cycleId,
        memberId,
      ]);
      return res.rows[0] ? checkInFromRow(res.rows[0]) : null;
    },
    async listByCycle(cycleId) {
      const res = await db.query(
        'SELECT * FROM check_ins WHERE cycle_id = $1 ORDER BY created_at, member_id',
        [cycleId],
      );
      return res.rows.map(checkInFromRow);
    },
    async markAnswered(cycleId, memberId, at) {
      await db.query(
        'UPDATE check_ins SET answered_at = COALESCE(answered_at, $3) WHERE cycle_id = $1 AND member_id = $2',
        [cycleId, memberId, at],
      );
    },
    async messageRef(cycleId, memberId) {
      const res = await db.query<{ message_ref: Record<string, unknown> | null }>(
        'SELECT message_ref FROM check_ins WHERE cycle_id = $1 AND member_id = $2',
        [cycleId, memberId],
      );
      return res.rows[0]?.message_ref ?? null;
    },
    async recordReminder(cycleId, memberId, expectedSent, at) {
      const res = await db.query(
        `UPDATE check_ins SET reminders_sent = reminders_sent + 1, last_reminded_at = $4
         WHERE cycle_id = $1 AND member_id = $2 AND reminders_sent = $3`,
        [cycleId, memberId, expectedSent, at],
      );
      return res.rowCount > 0;
    },
  };
}
