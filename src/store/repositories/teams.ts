import type { ConversationRef, TeamsRepository, TeamsUser } from '../../core/ports';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;

const refFromRow = (r: Row): ConversationRef => ({
  workspaceId: r.workspace_id as string,
  conversationId: r.conversation_id as string,
  kind: r.kind as ConversationRef['kind'],
  memberId: (r.member_id as string | null) ?? null,
  teamId: (r.team_id as string | null) ?? null,
  reference: r.reference as Record<string, unknown>,
  updatedAt: r.updated_at instanceof Date ? r.updated_at : new Date(String(r.updated_at)),
});

const userFromRow = (r: Row): TeamsUser => ({
  memberId: r.member_id as string,
  userId: r.user_id as string,
  tenantId: r.tenant_id as string,
  teamId: (r.team_id as string | null) ?? null,
  serviceUrl: r.service_url as string,
});

export function teamsRepository(db: Queryable): TeamsRepository {
  const oneRef = async (where: string, params: unknown[]) => {
    const res = await db.query(
      `SELECT * FROM conversation_refs WHERE ${where} ORDER BY updated_at DESC LIMIT 1`,
      params,
    );
    return res.rows[0] ? refFromRow(res.rows[0]) : null;
  };
  return {
    async saveConversationRef(ref) {
      await db.query(
        `INSERT INTO conversation_refs (workspace_id, conversation_id, kind, member_id, team_id, reference, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET kind = EXCLUDED.kind,
           member_id = COALESCE(EXCLUDED.member_id, conversation_refs.member_id),
           team_id = COALESCE(EXCLUDED.team_id, conversation_refs.team_id),
           reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
        [
          ref.workspaceId,
          ref.conversationId,
          ref.kind,
          ref.memberId,
          ref.teamId,
          JSON.stringify(ref.reference),
          ref.updatedAt,
        ],
      );
    },
    conversationRef: (workspaceId, conversationId) =>
      oneRef('workspace_id = $1 AND conversation_id = $2', [workspaceId, conversationId]),
    personalConversationRef: (memberId) => oneRef(`member_id = $1 AND kind = 'personal'`, [memberId]),
    teamConversationRef: (workspaceId, teamId) =>
      oneRef(`workspace_id = $1 AND team_id = $2 AND kind = 'channel'`, [workspaceId, teamId]),
    async saveUser(user, at) {
      await db.query(
        `INSERT INTO teams_users (member_id, user_id, tenant_id, team_id, service_url, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (member_id) DO UPDATE SET user_id = EXCLUDED.user_id, tenant_id = EXCLUDED.tenant_id,
           team_id = COALESCE(EXCLUDED.team_id, teams_users.team_id), service_url = EXCLUDED.service_url,
           updated_at = EXCLUDED.updated_at`,
        [user.memberId, user.userId, user.tenantId, user.teamId, user.serviceUrl, at],
      );
    },
    async user(memberId) {
      const res = await db.query('SELECT * FROM teams_users WHERE member_id = $1', [memberId]);
      return res.rows[0] ? userFromRow(res.rows[0]) : null;
    },
    async invokeResponse(activityKey) {
      const res = await db.query<{ response: unknown }>(
        'SELECT response FROM teams_invoke_responses WHERE activity_key = $1',
        [activityKey],
      );
      return res.rows[0]?.response ?? null;
    },
    async saveInvokeResponse(activityKey, response, at) {
      // Answers are only needed while Teams may resend (minutes); older ones go when new ones come.
      await db.query(
        `DELETE FROM teams_invoke_responses WHERE created_at < $1::timestamptz - interval '1 day'`,
        [at],
      );
      await db.query(
        `INSERT INTO teams_invoke_responses (activity_key, response, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (activity_key) DO NOTHING`,
        [activityKey, JSON.stringify(response), at],
      );
    },
    async clearUnreachable(memberId) {
      await db.query(
        `UPDATE members SET unreachable_at = NULL, unreachable_reason = NULL, updated_at = now()
         WHERE id = $1 AND unreachable_at IS NOT NULL`,
        [memberId],
      );
    },
  };
}
