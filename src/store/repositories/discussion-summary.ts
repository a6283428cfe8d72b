import type { AnalysedSentence } from '../../core/discussion/analysis';
import type { AmbitionMessage, DiscussionRepository } from '../../core/discussion/ports';
import type { LinkSource } from '../../core/model';
import type { Queryable } from '../db';
import { messagePlaceFromRow } from './rows';

type Row = Record<string, unknown>;

/** The discussion queries of ingestion (analysis, batches) and of summaries over many messages. */

/** Inserts sentences given as arrays ($1 … $7, see sentenceParams): one statement for any number. */
export const INSERT_SENTENCES = `INSERT INTO message_sentences (message_id, position, text, terms, term_count, question, context)
  SELECT t.message_id, t.position, t.text, string_to_array(t.terms, ' '), t.term_count, t.question, t.context
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::bool[], $7::text[])
    AS t (message_id, position, text, terms, term_count, question, context)`;

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

export function ambitionMessageFromRow(r: Row): AmbitionMessage {
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

type SummaryQueries = Pick<
  DiscussionRepository,
  'saveAnalysis' | 'summarySentences' | 'ambitionActivity' | 'messageRefs' | 'unanalysedTexts' | 'insertBatch'
>;

export function summaryQueries(db: Queryable): SummaryQueries {
  return {
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
    async summarySentences(scope, limits) {
      // The scope's candidate sentences; each statement scored by how much its terms recur in the scope
      // (the log of their frequency, per square root of its length): those the discussion keeps coming
      // back to. Only the best and the newest questions leave the database.
      const res = await db.query<{
        message_id: string;
        position: number;
        text: string;
        terms: string;
        question: boolean;
        context: string | null;
      }>(
        `WITH scope AS MATERIALIZED (
           SELECT s.message_id, s.position, s.terms, s.term_count, s.question, dm.posted_at
           FROM communities c
           JOIN discussion_messages dm ON dm.community_id = c.id
           JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.ambition_id = $2
           JOIN message_sentences s ON s.message_id = dm.id
           WHERE c.agenda_id = $1 AND dm.posted_at >= $3 AND dm.posted_at < $4
             AND ($5::text IS NULL OR c.id = $5) AND (s.question OR s.term_count >= $6)),
         df AS (
           SELECT t, ln(1 + count(*)) AS w FROM scope, unnest(scope.terms) AS t WHERE NOT scope.question GROUP BY t),
         picked AS (
           (SELECT sc.message_id, sc.position
            FROM scope sc CROSS JOIN LATERAL unnest(sc.terms) AS u (t) JOIN df ON df.t = u.t
            WHERE NOT sc.question
            GROUP BY sc.message_id, sc.position
            ORDER BY sum(df.w) / sqrt(max(sc.term_count)) DESC, sc.message_id, sc.position
            LIMIT $7)
           UNION ALL
           (SELECT message_id, position FROM scope WHERE question ORDER BY posted_at DESC LIMIT $8))
         SELECT s.message_id, s.position, s.text, array_to_string(s.terms, ' ') AS terms, s.question, s.context
         FROM picked JOIN message_sentences s USING (message_id, position)`,
        [
          scope.agendaId,
          scope.ambitionId,
          scope.from,
          scope.to,
          scope.communityId ?? null,
          limits.minTerms,
          limits.statements,
          limits.questions,
        ],
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
    async ambitionActivity(scope) {
      const res = await db.query<{
        board_id: string | null;
        member_id: string | null;
        n: number;
        with_text: number;
        steering: number;
        unanalysed: number;
        tag: number;
        manual: number;
        thread: number;
        auto: number;
      }>(
        `SELECT dm.board_id, dm.member_id, count(*)::int AS n, count(dm.text)::int AS with_text,
           count(*) FILTER (WHERE dm.steering)::int AS steering,
           count(*) FILTER (WHERE dm.text IS NOT NULL AND NOT dm.analysed)::int AS unanalysed,
           count(*) FILTER (WHERE ma.source = 'tag')::int AS tag,
           count(*) FILTER (WHERE ma.source = 'manual')::int AS manual,
           count(*) FILTER (WHERE ma.source = 'thread')::int AS thread,
           count(*) FILTER (WHERE ma.source = 'auto')::int AS auto
         FROM communities c
         JOIN discussion_messages dm ON dm.community_id = c.id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.ambition_id = $2
         WHERE c.agenda_id = $1 AND dm.posted_at >= $3 AND dm.posted_at < $4 AND ($5::text IS NULL OR c.id = $5)
         GROUP BY dm.board_id, dm.member_id`,
        [scope.agendaId, scope.ambitionId, scope.from, scope.to, scope.communityId ?? null],
      );
      return res.rows.map((r) => ({
        boardId: r.board_id,
        memberId: r.member_id,
        messages: r.n,
        withText: r.with_text,
        steering: r.steering,
        unanalysed: r.unanalysed,
        bySource: { tag: r.tag, manual: r.manual, thread: r.thread, auto: r.auto },
      }));
    },
    async messageRefs(messageIds) {
      if (messageIds.length === 0) return [];
      const res = await db.query(
        `SELECT dm.id, dm.community_id, c.workspace_id, w.platform, c.channel_id, dm.external_id,
           dm.thread_external_id, dm.posted_at, dm.member_id, dm.board_id, dm.text IS NOT NULL AS has_text,
           dm.analysed, dm.steering, 'tag' AS source
         FROM discussion_messages dm
         JOIN communities c ON c.id = dm.community_id
         JOIN workspaces w ON w.id = c.workspace_id
         WHERE dm.id = ANY($1::text[])`,
        [[...messageIds]],
      );
      return res.rows.map(ambitionMessageFromRow);
    },
    async unanalysedTexts(scope) {
      const res = await db.query<{ id: string; text: string }>(
        `SELECT dm.id, dm.text
         FROM communities c
         JOIN discussion_messages dm ON dm.community_id = c.id
         JOIN message_ambitions ma ON ma.message_id = dm.id AND ma.ambition_id = $2
         WHERE c.agenda_id = $1 AND dm.posted_at >= $3 AND dm.posted_at < $4 AND ($5::text IS NULL OR c.id = $5)
           AND dm.text IS NOT NULL AND NOT dm.analysed`,
        [scope.agendaId, scope.ambitionId, scope.from, scope.to, scope.communityId ?? null],
      );
      return new Map(res.rows.map((r) => [r.id, r.text]));
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
  };
}
