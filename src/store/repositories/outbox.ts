import type { OutboxRepository } from '../../core/ports';
import type { Queryable } from '../db';

export function outboxRepository(db: Queryable): OutboxRepository {
  return {
    async enqueue(m, id, at) {
      const res = await db.query(
        `INSERT INTO outbox (id, dedupe_key, platform, workspace_id, member_id, conversation_id, kind, payload,
           not_before, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          id,
          m.dedupeKey,
          m.platform,
          m.workspaceId,
          m.memberId,
          m.conversationId,
          m.kind,
          JSON.stringify(m.payload),
          m.notBefore,
          at,
        ],
      );
      return res.rowCount > 0;
    },
  };
}
