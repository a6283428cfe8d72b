import type { AmbitionLink, DiscussionMessage } from '../../core/model';
import type { MessageRepository } from '../../core/ports';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

async function withLinks(db: Queryable, row: Row | undefined): Promise<DiscussionMessage | null> {
  if (!row) return null;
  const links = await db.query<{ ambition_id: string; source: AmbitionLink['source']; score: number | null }>(
    'SELECT ambition_id, source, score FROM message_ambitions WHERE message_id = $1 ORDER BY ambition_id',
    [row.id],
  );
  return {
    id: row.id as string,
    communityId: row.community_id as string,
    externalId: row.external_id as string,
    threadExternalId: (row.thread_external_id as string | null) ?? null,
    memberId: (row.member_id as string | null) ?? null,
    text: (row.text as string | null) ?? null,
    postedAt: row.posted_at as Date,
    links: links.rows.map((l) => ({ ambitionId: l.ambition_id, source: l.source, score: l.score })),
  };
}

export function messageRepository(db: Queryable): MessageRepository {
  return {
    async findByExternal(communityId, externalId) {
      const res = await db.query(
        'SELECT * FROM discussion_messages WHERE community_id = $1 AND external_id = $2',
        [communityId, externalId],
      );
      return withLinks(db, res.rows[0]);
    },
    async get(id) {
      const res = await db.query('SELECT * FROM discussion_messages WHERE id = $1', [id]);
      return withLinks(db, res.rows[0]);
    },
    async link(messageId, ambitionId, source, score, linkedBy, at) {
      // A person's link overrides an automatic one; an automatic suggestion never overrides a person.
      await db.query(
        `INSERT INTO message_ambitions (message_id, ambition_id, source, score, linked_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (message_id, ambition_id) DO UPDATE SET source = EXCLUDED.source, score = EXCLUDED.score,
           linked_by = EXCLUDED.linked_by, created_at = EXCLUDED.created_at
         WHERE message_ambitions.source = 'auto' OR EXCLUDED.source = 'manual'`,
        [messageId, ambitionId, source, score, linkedBy, at],
      );
    },
  };
}
