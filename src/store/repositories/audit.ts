import type { AuditRepository } from '../../core/ports';
import type { Queryable } from '../db';

export function auditRepository(db: Queryable): AuditRepository {
  return {
    async write(e) {
      await db.query(
        'INSERT INTO audit_log (at, actor_id, action, target, details) VALUES ($1, $2, $3, $4, $5)',
        [e.at, e.actorId, e.action, e.target, JSON.stringify(e.details)],
      );
    },
    async list(limit) {
      const res = await db.query<{
        at: Date;
        actor_id: string | null;
        action: string;
        target: string | null;
        details: Record<string, unknown>;
      }>('SELECT at, actor_id, action, target, details FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
      return res.rows.map((r) => ({
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        target: r.target,
        details: r.details,
      }));
    },
  };
}
