import type { AnalysedSentence } from '../../core/discussion/analysis';
import type { AmbitionMessage, DiscussionRepository, ThreadPost } from '../../core/discussion/ports';
import type { LinkSource } from '../../core/model';
import type { Queryable } from '../db';
import { communityFromRow, date, messagePlaceFromRow, practiceFromRow, updateFromRow } from './rows';

type Row = Record<string, unknown>;

/** Inserts sentences given as arrays ($1 … $7, see sentenceParams): one statement for any number. */
export const INSERT_SENTENCES = `INSERT INTO message_sentences (message_id, position, text, terms, term_count, question, context)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::bool[], $7::text[])`;

export function sentenceParams(sentences: readonly (AnalysedSentence & { messageId: string })[]) {
  return [
    sentences.map((x) => x.messageId),
    sentences.map((x) => x.position),
    sentences.map((x) => x.text),
    sentences.map((x) => x.terms.join(' ')),
    sentences.map((x) => x.terms.length),
    sentences.map((x) => x.question),
    sentences.map((x) => x.context),
  ];
}

function ambitionMessageFromRow(r: Row): AmbitionMessage {
  return {
    ...messagePlaceFromRow(r),
    memberId: (r.member_id as string | null) ?? null,
    boardId: (r.board_id as string | null) ?? null,
    hasText: r.has_text === true,
    analysed: r.analysed === true,
    steering: r.steering === true,
    source: r.source as LinkSource,
  };
}

export function discussionRepository(db: Queryable): DiscussionRepository {
  return {
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
    async saveAnalysis(messageId, analysis) {
      await db.query('DELETE FROM message_sentences WHERE message_id = $1', [messageId]);
      await db.query(
        `WITH s AS (${INSERT_SENTENCES} RETURNING 1)
         UPDATE discussion_messages SET analysed = true, steering = $8 WHERE id = $9`,
        [
          ...sentenceParams(analysis.sentences.map((x) => ({ ...x, messageId }))),
          analysis.steering,
          messageId,
        ],
      );
    },
    async summarySentences(scope, minTerms) {
      // The scope's messages as messagesForAmbition finds them, then their stored candidate sentences.
      const res = await db.query<{
        message_id: string;
        position: number;
        text: string;
        terms: string;
        question: boolean;
        context: string | null;
      }>(
        `SELECT s.message_id, s.position, s.text, s.terms, s.question, s.context
         FROM communities c
         JOIN discussion_messages dm ON dm.community_id = c.id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.ambition_id = $2
         JOIN message_sentences s ON s.message_id = dm.id
         WHERE c.agenda_id = $1 AND dm.posted_at >= $3 AND dm.posted_at < $4
           AND ($5::text IS NULL OR c.id = $5)
           AND (s.question OR s.term_count >= $6)`,
        [scope.agendaId, scope.ambitionId, scope.from, scope.to, scope.communityId ?? null, minTerms],
      );
      return res.rows.map((r) => ({
        messageId: r.message_id,
        position: r.position,
        text: r.text,
        terms: r.terms ? r.terms.split(' ') : [],
        question: r.question,
        context: r.context,
      }));
    },
    async insertBatch(messages, links, at) {
      if (messages.length === 0) return new Set();
      const res = await db.query<{ id: string }>(
        `INSERT INTO discussion_messages (id, community_id, external_id, thread_external_id, member_id, board_id,
           text, posted_at, analysed, steering)
         SELECT t.id, t.community_id, t.external_id, t.thread_external_id, t.member_id, t.board_id, t.text,
           t.posted_at, true, t.steering FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::text[], $7::text[], $8::timestamptz[], $9::bool[])
           AS t (id, community_id, external_id, thread_external_id, member_id, board_id, text, posted_at, steering)
         ON CONFLICT (community_id, external_id) DO NOTHING RETURNING id`,
        [
          messages.map((m) => m.id),
          messages.map((m) => m.communityId),
          messages.map((m) => m.externalId),
          messages.map((m) => m.threadExternalId),
          messages.map((m) => m.memberId),
          messages.map((m) => m.boardId),
          messages.map((m) => m.text),
          messages.map((m) => m.postedAt),
          messages.map((m) => m.analysis.steering),
        ],
      );
      const created = new Set(res.rows.map((r) => r.id));
      const mine = links.filter((l) => created.has(l.messageId));
      if (mine.length)
        await db.query(
          `INSERT INTO message_ambitions (message_id, ambition_id, source, score, created_at)
           SELECT t.*, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::real[]) AS t`,
          [
            mine.map((l) => l.messageId),
            mine.map((l) => l.ambitionId),
            mine.map((l) => l.source),
            mine.map((l) => l.score),
            at,
          ],
        );
      const sentences = messages.flatMap((m) =>
        created.has(m.id) ? m.analysis.sentences.map((x) => ({ ...x, messageId: m.id })) : [],
      );
      if (sentences.length) await db.query(INSERT_SENTENCES, sentenceParams(sentences));
      return created;
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
    async texts(messageIds) {
      const res = await db.query<{ id: string; text: string }>(
        'SELECT id, text FROM discussion_messages WHERE id = ANY($1::text[]) AND text IS NOT NULL',
        [[...messageIds]],
      );
      return new Map(res.rows.map((r) => [r.id, r.text]));
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
