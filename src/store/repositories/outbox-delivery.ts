import type { ClaimedMessage, OutboxDeliveryRepository, OutboxStatus } from '../../core/delivery-ports';
import type { Platform } from '../../core/model';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

const claimedFromRow = (r: Row): ClaimedMessage => ({
  id: r.id as string,
  dedupeKey: r.dedupe_key as string,
  platform: r.platform as Platform,
  workspaceId: r.workspace_id as string,
  workspaceExternalId: r.workspace_external_id as string,
  memberId: (r.member_id as string | null) ?? null,
  memberExternalId: (r.member_external_id as string | null) ?? null,
  conversationId: (r.conversation_id as string | null) ?? null,
  kind: r.kind as string,
  payload: r.payload as Record<string, unknown>,
  attempts: Number(r.attempts),
  uncertain: Boolean(r.uncertain),
  claimToken: r.claim_token as string,
  createdAt: r.created_at as Date,
});

export function outboxDeliveryRepository(db: Queryable): OutboxDeliveryRepository {
  /** Every settling update holds only while our claim does: a lost lease changes nothing. */
  const settle = async (id: string, token: string, set: string, params: unknown[]) => {
    const res = await db.query(
      `UPDATE outbox SET ${set}, claimed_until = NULL WHERE id = $1 AND claim_token = $2 AND status = 'sending'`,
      [id, token, ...params],
    );
    return res.rowCount > 0;
  };
  return {
    async claim({ platforms, limit, now, leaseUntil, token }) {
      // One statement, so one short transaction: rows locked by another worker are skipped, not waited for.
      const res = await db.query(
        `WITH due AS (
           SELECT id, status = 'sending' AS was_sending FROM outbox
           WHERE platform = ANY($1::text[])
             AND ((status = 'pending' AND not_before <= $2) OR (status = 'sending' AND claimed_until <= $2))
           ORDER BY coalesce(queued_at, not_before), id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE outbox o SET status = 'sending', claimed_until = $4, claim_token = $5, attempts = o.attempts + 1,
             uncertain = o.uncertain OR due.was_sending
           FROM due WHERE o.id = due.id
           RETURNING o.*
         )
         SELECT c.*, w.external_id AS workspace_external_id, m.external_id AS member_external_id
         FROM claimed c JOIN workspaces w ON w.id = c.workspace_id LEFT JOIN members m ON m.id = c.member_id
         ORDER BY coalesce(c.queued_at, c.not_before), c.id`,
        [[...platforms], now, limit, leaseUntil, token],
      );
      return res.rows.map(claimedFromRow);
    },
    markSent: (id, token, at, result) =>
      settle(id, token, `status = 'sent', sent_at = $3, result = $4`, [at, JSON.stringify(result)]),
    retry: (id, token, notBefore, error, countsAsAttempt, uncertain = false) =>
      settle(
        id,
        token,
        `status = 'pending', queued_at = coalesce(queued_at, not_before), not_before = $3, last_error = $4, attempts = attempts - CASE WHEN $5::boolean THEN 0 ELSE 1 END,
         uncertain = uncertain OR $6::boolean`,
        [notBefore, error, countsAsAttempt, uncertain],
      ),
    async renew(token, leaseUntil) {
      const res = await db.query(
        `UPDATE outbox SET claimed_until = $2 WHERE claim_token = $1 AND status = 'sending'`,
        [token, leaseUntil],
      );
      return res.rowCount;
    },
    markDead: (id, token, at, error) =>
      settle(id, token, `status = 'dead', dead_at = $3, last_error = $4`, [at, error]),
    cancel: (id, token, reason) => settle(id, token, `status = 'cancelled', last_error = $3`, [reason]),
    async markMemberUnreachable(memberId, reason, at) {
      const res = await db.query(
        `UPDATE members SET unreachable_at = $3, unreachable_reason = $2, updated_at = now()
         WHERE id = $1 AND unreachable_at IS NULL`,
        [memberId, reason, at],
      );
      await db.query(
        `UPDATE outbox SET status = 'cancelled', last_error = 'member unreachable: ' || $2
         WHERE member_id = $1 AND conversation_id IS NULL AND status = 'pending'`,
        [memberId, reason],
      );
      return res.rowCount > 0;
    },
    async recordPromptRef(cycleId, memberId, ref) {
      await db.query('UPDATE check_ins SET message_ref = $3 WHERE cycle_id = $1 AND member_id = $2', [
        cycleId,
        memberId,
        JSON.stringify(ref),
      ]);
    },
    async existingKeys(dedupeKeys) {
      const res = await db.query<{ dedupe_key: string }>(
        'SELECT dedupe_key FROM outbox WHERE dedupe_key = ANY($1::text[])',
        [[...dedupeKeys]],
      );
      return new Set(res.rows.map((r) => r.dedupe_key));
    },
    async deadBetween(from, to) {
      const res = await db.query(
        `SELECT id, dedupe_key, kind, member_id, conversation_id, attempts, last_error, dead_at FROM outbox
         WHERE status = 'dead' AND dead_at >= $1 AND dead_at < $2 ORDER BY dead_at, id`,
        [from, to],
      );
      return res.rows.map((r) => ({
        id: r.id as string,
        dedupeKey: r.dedupe_key as string,
        kind: r.kind as string,
        memberId: (r.member_id as string | null) ?? null,
        conversationId: (r.conversation_id as string | null) ?? null,
        attempts: Number(r.attempts),
        lastError: (r.last_error as string | null) ?? null,
        deadAt: r.dead_at as Date,
      }));
    },
    async statusCounts() {
      const res = await db.query<{ status: OutboxStatus; n: number }>(
        'SELECT status, count(*)::int AS n FROM outbox GROUP BY status',
      );
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, dead: 0, cancelled: 0 };
      for (const r of res.rows) counts[r.status] = r.n;
      return counts;
    },
  };
}
