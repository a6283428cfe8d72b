import type { DashboardStore } from '../../core/dashboard-ports';
import type { Queryable } from '../db';
import { MEMBER_COLUMNS, MEMBER_FROM, memberFromRow } from './rows';

export function dashboardRepository(db: Queryable): DashboardStore {
  return {
    async useLink(nonce, memberId, at) {
      const res = await db.query(
        'INSERT INTO dashboard_links (nonce, member_id, used_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [nonce, memberId, at],
      );
      return res.rowCount > 0;
    },
    async linkUsed(nonce) {
      const res = await db.query('SELECT 1 FROM dashboard_links WHERE nonce = $1', [nonce]);
      return res.rows.length > 0;
    },
    async createSession(idHash, s, at) {
      await db.query(
        `INSERT INTO dashboard_sessions (id_hash, member_id, csrf, via, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [idHash, s.memberId, s.csrf, s.via, at, s.expiresAt],
      );
    },
    async session(idHash, now) {
      const res = await db.query<{
        member_id: string;
        csrf: string;
        via: 'link' | 'teams';
        expires_at: Date;
      }>(
        'SELECT member_id, csrf, via, expires_at FROM dashboard_sessions WHERE id_hash = $1 AND expires_at > $2',
        [idHash, now],
      );
      const row = res.rows[0];
      return row
        ? { memberId: row.member_id, csrf: row.csrf, via: row.via, expiresAt: new Date(row.expires_at) }
        : null;
    },
    async deleteSession(idHash) {
      await db.query('DELETE FROM dashboard_sessions WHERE id_hash = $1', [idHash]);
    },
    async purgeSessions(now) {
      const res = await db.query('DELETE FROM dashboard_sessions WHERE expires_at <= $1', [now]);
      return res.rowCount;
    },
    async teamsMember(tenantId, aadObjectId) {
      const res = await db.query(
        `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM}
         WHERE w.platform = 'teams' AND w.external_id = $1 AND m.aad_object_id = $2
         ORDER BY m.created_at LIMIT 1`,
        [tenantId, aadObjectId],
      );
      return res.rows[0] ? memberFromRow(res.rows[0]) : null;
    },
  };
}
