import type { OutboxRepository } from '../../core/ports';
import type { Queryable } from '../db';

export function outboxRepository(db: Queryable): OutboxRepository {
  const repository: OutboxRepository = {
    async enqueue(m, id, at) {
      return (await repository.enqueueMany([{ message: m, id }], at)) > 0;
    },
    async enqueueMany(messages, at) {
      if (messages.length === 0) return 0;
      const column = <T>(pick: (m: (typeof messages)[number]) => T) => messages.map(pick);
      const res = await db.query(
        `INSERT INTO outbox (id, dedupe_key, platform, workspace_id, member_id, conversation_id, kind, payload,
           not_before, created_at)
         SELECT id, key, platform, ws, member, conv, kind, payload::jsonb, not_before, $10
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::timestamptz[]) AS m(id, key, platform, ws, member, conv, kind, payload, not_before)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          column((m) => m.id),
          column((m) => m.message.dedupeKey),
          column((m) => m.message.platform),
          column((m) => m.message.workspaceId),
          column((m) => m.message.memberId),
          column((m) => m.message.conversationId),
          column((m) => m.message.kind),
          column((m) => JSON.stringify(m.message.payload)),
          column((m) => m.message.notBefore),
          at,
        ],
      );
      return res.rowCount;
    },
  };
  return repository;
}
