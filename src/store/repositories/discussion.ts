import type { DiscussionRepository, ThreadPost } from '../../core/discussion/ports';
import type { Queryable } from '../db';
import { ambitionMessageFromRow, summaryQueries } from './discussion-summary';
import { communityFromRow, date, practiceFromRow, updateFromRow } from './rows';

export function discussionRepository(db: Queryable): DiscussionRepository {
  return {
    ...summaryQueries(db),
    async updateText(messageId, text, editedAt) {
      await db.query('UPDATE discussion_messages SET text = $2, edited_at = $3 WHERE id = $1', [
        messageId,
        text,
        editedAt,
      ]);
    },
    async remove(messageId) {
      const res = await db.query('DELETE FROM discussion_messages WHERE id = $1', [messageId]);
      return res.rowCount > 0;
    },
    async unlink(messageId, which) {
      const res = await db.query(
        `DELETE FROM message_ambitions
         WHERE message_id = $1 AND (ambition_id = ANY($2::text[]) OR source = ANY($3::text[]))`,
        [messageId, [...(which.ambitions ?? [])], [...(which.sources ?? [])]],
      );
      return res.rowCount;
    },
    async messagesForAmbition(scope) {
      // From the agenda's few communities down the (community, posted_at) index, then the link by its key.
      const res = await db.query(
        `SELECT dm.id, dm.community_id, c.workspace_id, w.platform, c.channel_id, dm.external_id,
           dm.thread_external_id, dm.posted_at, dm.member_id, dm.board_id, dm.text IS NOT NULL AS has_text,
           dm.analysed, dm.steering, ma.source
         FROM communities c
         JOIN workspaces w ON w.id = c.workspace_id
         JOIN discussion_messages dm ON dm.community_id = c.id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.ambition_id = $2
         WHERE c.agenda_id = $1 AND dm.posted_at >= $3 AND dm.posted_at < $4
           AND ($5::text IS NULL OR c.id = $5)
         ORDER BY dm.posted_at, dm.id`,
        [scope.agendaId, scope.ambitionId, scope.from, scope.to, scope.communityId ?? null],
      );
      return res.rows.map(ambitionMessageFromRow);
    },
    async personLinksOf(roots) {
      if (roots.length === 0) return new Map();
      const res = await db.query<{ community_id: string; external_id: string; ambition_id: string }>(
        `SELECT dm.community_id, dm.external_id, ma.ambition_id
         FROM unnest($1::text[], $2::text[]) AS t (community_id, external_id)
         JOIN discussion_messages dm ON dm.community_id = t.community_id AND dm.external_id = t.external_id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.source <> 'auto'`,
        [roots.map((r) => r.communityId), roots.map((r) => r.externalId)],
      );
      const out = new Map<string, string[]>();
      for (const r of res.rows) {
        const key = `${r.community_id} ${r.external_id}`;
        out.set(key, [...(out.get(key) ?? []), r.ambition_id]);
      }
      return out;
    },
    async labelledExamples(agendaId, limit) {
      const res = await db.query<{ ambition_id: string; text: string }>(
        `SELECT ma.ambition_id, dm.text
         FROM communities c
         JOIN discussion_messages dm ON dm.community_id = c.id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.source = 'manual'
         WHERE c.agenda_id = $1 AND dm.text IS NOT NULL
         ORDER BY ma.created_at DESC, dm.id LIMIT $2`,
        [agendaId, limit],
      );
      return res.rows.map((r) => ({ ambitionId: r.ambition_id, text: r.text }));
    },
    async threadPosts(threads) {
      if (threads.length === 0) return [];
      const res = await db.query<{
        community_id: string;
        root: string;
        member_id: string | null;
        posted_at: Date;
      }>(
        `WITH t AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t (community_id, root))
         SELECT dm.community_id, t.root, dm.member_id, dm.posted_at
           FROM t JOIN discussion_messages dm ON dm.community_id = t.community_id AND dm.thread_external_id = t.root
         UNION ALL
         SELECT dm.community_id, t.root, dm.member_id, dm.posted_at
           FROM t JOIN discussion_messages dm ON dm.community_id = t.community_id AND dm.external_id = t.root`,
        [threads.map((t) => t.communityId), threads.map((t) => t.root)],
      );
      return res.rows.map(
        (r): ThreadPost => ({
          communityId: r.community_id,
          root: r.root,
          memberId: r.member_id,
          postedAt: date(r.posted_at),
        }),
      );
    },
    async currentUpdatesForAmbition(ambitionId, cycleIds) {
      const res = await db.query(
        `SELECT * FROM updates
         WHERE cycle_id = ANY($1::text[]) AND superseded_at IS NULL AND (item_id = $2 OR item_id LIKE $2 || '.%')
         ORDER BY cycle_id, board_id, item_id`,
        [[...cycleIds], ambitionId],
      );
      return res.rows.map(updateFromRow);
    },
    async practicesForAmbition(agendaId, ambitionId, from, to) {
      const res = await db.query(
        `SELECT * FROM practices
         WHERE agenda_id = $1 AND $2 = ANY(ambition_ids) AND created_at >= $3 AND created_at < $4
         ORDER BY created_at DESC`,
        [agendaId, ambitionId, from, to],
      );
      return res.rows.map(practiceFromRow);
    },
    async boardNames(boardIds) {
      const res = await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM boards WHERE id = ANY($1::text[])',
        [[...boardIds]],
      );
      return new Map(res.rows.map((r) => [r.id, r.name]));
    },
    async listCommunities() {
      const res = await db.query('SELECT * FROM communities ORDER BY created_at, id');
      return res.rows.map((r) => ({ ...communityFromRow(r), createdAt: date(r.created_at) }));
    },
    async messageCounts(from, to) {
      const res = await db.query<{ community_id: string; n: number }>(
        `SELECT community_id, count(*)::int AS n FROM discussion_messages
         WHERE posted_at >= $1 AND posted_at < $2 GROUP BY community_id`,
        [from, to],
      );
      return new Map(res.rows.map((r) => [r.community_id, r.n]));
    },
    async linkedAmbitions(communityId, from, to) {
      const res = await db.query<{ ambition_id: string }>(
        `SELECT DISTINCT ma.ambition_id FROM discussion_messages dm
         JOIN message_ambitions ma ON ma.message_id = dm.id
         WHERE dm.community_id = $1 AND dm.posted_at >= $2 AND dm.posted_at < $3
         ORDER BY ma.ambition_id`,
        [communityId, from, to],
      );
      return res.rows.map((r) => r.ambition_id);
    },
    async queuedKeys(keys) {
      const res = await db.query<{ dedupe_key: string }>(
        'SELECT dedupe_key FROM outbox WHERE dedupe_key = ANY($1::text[])',
        [[...keys]],
      );
      return new Set(res.rows.map((r) => r.dedupe_key));
    },
  };
}
