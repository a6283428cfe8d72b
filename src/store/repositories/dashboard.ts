import type { Member } from '../../core/model';
import type { Queryable } from '../db';
import { MEMBER_COLUMNS, MEMBER_FROM, memberFromRow } from './rows';

/** A dashboard session as stored: the cookie holds a random id, the table its SHA-256. */
export interface DashboardSession {
  memberId: string;
  csrf: string;
  via: 'link' | 'teams';
  expiresAt: Date;
}

/** What the web dashboard stores (006_dashboard.sql): used sign-in links and sessions. */
export interface DashboardRepository {
  /** Marks a link's nonce used; false when it was used before (a second use of the link). */
  useLink(nonce: string, memberId: string, at: Date): Promise<boolean>;
  linkUsed(nonce: string): Promise<boolean>;
  createSession(idHash: string, session: DashboardSession, at: Date): Promise<void>;
  /** The session unless it expired at `now`. */
  session(idHash: string, now: Date): Promise<DashboardSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes sessions that expired before `now`. */
  purgeSessions(now: Date): Promise<number>;
  /** A Teams member by tenant and Entra object id (from an SSO token). */
  teamsMember(tenantId: string, aadObjectId: string): Promise<Member | null>;
}

export function dashboardRepository(db: Queryable): DashboardRepository {
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
