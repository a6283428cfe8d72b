import type { AnalysedSentence } from '../../core/discussion/analysis';
import type { AmbitionMessage, AmbitionScope, DiscussionRepository } from '../../core/discussion/ports';
import type { LinkSource } from '../../core/model';
import type { Queryable } from '../db';
import { date, messagePlaceFromRow } from './rows';

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

/**
 * The links of a summary's scope ($1 … $5, see scopeParams), with the facts of their messages the links
 * carry (migration 015): one range of the (ambition, posted_at) index, the agenda's few communities.
 */
const SCOPE = `SELECT ma.message_id, ma.source, ma.score, ma.posted_at, ma.board_id, ma.member_id, ma.has_text,
    ma.analysed, ma.steering
  FROM message_ambitions ma
  WHERE ma.ambition_id = $2 AND ma.posted_at >= $3 AND ma.posted_at < $4
    AND ma.community_id = ANY (ARRAY(SELECT c.id FROM communities c WHERE c.agenda_id = $1 AND ($5::text IS NULL OR c.id = $5)))`;

function scopeParams(scope: AmbitionScope) {
  return [scope.agendaId, scope.ambitionId, scope.from, scope.to, scope.communityId ?? null];
}

type SummaryQueries = Pick<
  DiscussionRepository,
  | 'saveAnalysis'
  | 'summarySentences'
  | 'ambitionActivity'
  | 'messageRefs'
  | 'unanalysedTexts'
  | 'insertBatch'
  | 'tidySummaryTables'
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
      // The scope is one range of the links' (ambition, posted_at) index; of its messages the `messages`
      // a person linked first, then the classifier's best, and the newest `recent`: only their sentences
      // leave the database. The summary ranks them by how central they are.
      const res = await db.query<{
        message_id: string;
        board_id: string | null;
        asked_at: number | null;
        position: number;
        text: string;
        terms: string;
        question: boolean;
        context: string | null;
      }>(
        `WITH scope AS (${SCOPE} AND ma.analysed AND ma.has_text),
         picked AS (
           (SELECT message_id, board_id, posted_at FROM scope
            ORDER BY source = 'auto', score DESC NULLS FIRST, posted_at DESC, message_id LIMIT $6)
           UNION
           (SELECT message_id, board_id, posted_at FROM scope ORDER BY posted_at DESC, message_id LIMIT $7))
         SELECT s.message_id, picked.board_id, s.position,
           CASE WHEN s.question THEN (extract(epoch FROM picked.posted_at) * 1000)::float8 END AS asked_at, s.text, array_to_string(s.terms, ' ') AS terms, s.question, s.context
         FROM picked JOIN message_sentences s USING (message_id)
         WHERE s.question OR s.term_count >= $8
         ORDER BY s.message_id, s.position`,
        [...scopeParams(scope), limits.messages, limits.recent, limits.minTerms],
      );
      return res.rows.map((r) => ({
        messageId: r.message_id,
        boardId: r.board_id,
        askedAt: r.asked_at,
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
        `SELECT board_id, member_id, count(*)::int AS n, count(*) FILTER (WHERE has_text)::int AS with_text,
           count(*) FILTER (WHERE steering)::int AS steering,
           count(*) FILTER (WHERE has_text AND NOT analysed)::int AS unanalysed,
           count(*) FILTER (WHERE source = 'tag')::int AS tag,
           count(*) FILTER (WHERE source = 'manual')::int AS manual,
           count(*) FILTER (WHERE source = 'thread')::int AS thread,
           count(*) FILTER (WHERE source = 'auto')::int AS auto
         FROM (${SCOPE}) AS scope
         GROUP BY board_id, member_id`,
        scopeParams(scope),
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
      // With, in the same query, whether someone else posted in its thread after it (an answer).
      const res = await db.query(
        `SELECT dm.id, dm.community_id, c.workspace_id, w.platform, c.channel_id, dm.external_id,
           dm.thread_external_id, dm.posted_at, dm.member_id, dm.board_id, dm.text IS NOT NULL AS has_text,
           dm.analysed, dm.steering, 'tag' AS source,
           EXISTS (
             SELECT 1 FROM discussion_messages p
             WHERE p.community_id = dm.community_id AND p.thread_external_id = coalesce(dm.thread_external_id, dm.external_id)
               AND p.posted_at > dm.posted_at
               AND (p.member_id IS NULL OR p.member_id IS DISTINCT FROM dm.member_id))
           OR EXISTS (
             SELECT 1 FROM discussion_messages p
             WHERE p.community_id = dm.community_id AND p.external_id = dm.thread_external_id
               AND p.posted_at > dm.posted_at
               AND (p.member_id IS NULL OR p.member_id IS DISTINCT FROM dm.member_id)) AS answered
         FROM discussion_messages dm
         JOIN communities c ON c.id = dm.community_id
         JOIN workspaces w ON w.id = c.workspace_id
         WHERE dm.id = ANY($1::text[])`,
        [[...messageIds]],
      );
      return res.rows.map((r) => ({ ...ambitionMessageFromRow(r), answered: r.answered === true }));
    },
    async tidySummaryTables() {
      await db.query('VACUUM (ANALYZE) message_ambitions, message_sentences');
    },
    async unanalysedTexts(scope) {
      const res = await db.query<{ id: string; board_id: string | null; posted_at: Date; text: string }>(
        `SELECT dm.id, dm.board_id, dm.posted_at, dm.text FROM (${SCOPE} AND ma.has_text AND NOT ma.analysed) AS scope
         JOIN discussion_messages dm ON dm.id = scope.message_id
         WHERE dm.text IS NOT NULL`,
        scopeParams(scope),
      );
      return res.rows.map((r) => ({
        messageId: r.id,
        boardId: r.board_id,
        postedAt: date(r.posted_at),
        text: r.text,
      }));
    },
    async insertBatch(messages, links, at) {
      if (messages.length === 0) return new Set();
      // One statement: the messages, then the links and sentences of those that were new (a message whose
      // platform id is stored already keeps what it has). The links take their message's facts from it.
      const res = await db.query<{ id: string }>(
        `WITH m AS (
           INSERT INTO discussion_messages (id, community_id, external_id, thread_external_id, member_id,
             board_id, text, posted_at, analysed, steering)
           SELECT t.id, t.community_id, t.external_id, t.thread_external_id, t.member_id, t.board_id, t.text,
             t.posted_at, true, t.steering FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
             $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::bool[])
             AS t (id, community_id, external_id, thread_external_id, member_id, board_id, text, posted_at, steering)
           ON CONFLICT (community_id, external_id) DO NOTHING
           RETURNING id, community_id, posted_at, member_id, board_id, steering),
         l AS (
           INSERT INTO message_ambitions (message_id, ambition_id, source, score, created_at, community_id,
             posted_at, member_id, board_id, has_text, analysed, steering)
           SELECT t.message_id, t.ambition_id, t.source, t.score, $14, m.community_id, m.posted_at, m.member_id,
             m.board_id, true, true, m.steering
           FROM unnest($10::text[], $11::text[], $12::text[], $13::real[]) AS t (message_id, ambition_id, source, score)
           JOIN m ON m.id = t.message_id),
         s AS (
           INSERT INTO message_sentences (message_id, position, text, terms, term_count, question, context)
           SELECT t.message_id, t.position, t.text, string_to_array(t.terms, ' '), t.term_count, t.question,
             t.context
           FROM unnest($15::text[], $16::int[], $17::text[], $18::text[], $19::int[], $20::bool[], $21::text[])
             AS t (message_id, position, text, terms, term_count, question, context)
           WHERE t.message_id IN (SELECT id FROM m))
         SELECT id FROM m`,
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
          links.map((l) => l.messageId),
          links.map((l) => l.ambitionId),
          links.map((l) => l.source),
          links.map((l) => l.score),
          at,
          ...sentenceParams(
            messages.flatMap((m) => m.analysis.sentences.map((x) => ({ ...x, messageId: m.id }))),
          ),
        ],
      );
      return new Set(res.rows.map((r) => r.id));
    },
  };
}
