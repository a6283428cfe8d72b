import type { CommunityRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { communityFromRow } from './rows';

export function communityRepository(db: Queryable): CommunityRepository {
  return {
    async create(c, createdBy) {
      await db.query(
        `INSERT INTO communities (id, agenda_id, theme_id, workspace_id, channel_id, name, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [c.id, c.agendaId, c.themeId, c.workspaceId, c.channelId, c.name, createdBy],
      );
    },
    async findByChannel(workspaceId, channelId) {
      const res = await db.query('SELECT * FROM communities WHERE workspace_id = $1 AND channel_id = $2', [
        workspaceId,
        channelId,
      ]);
      return res.rows[0] ? communityFromRow(res.rows[0]) : null;
    },
    async get(id) {
      const res = await db.query('SELECT * FROM communities WHERE id = $1', [id]);
      return res.rows[0] ? communityFromRow(res.rows[0]) : null;
    },
    async listByWorkspace(workspaceId) {
      const res = await db.query('SELECT * FROM communities WHERE workspace_id = $1 ORDER BY theme_id', [
        workspaceId,
      ]);
      return res.rows.map(communityFromRow);
    },
    async join(communityId, memberId, at) {
      const res = await db.query(
        `INSERT INTO community_members (community_id, member_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [communityId, memberId, at],
      );
      return res.rowCount > 0;
    },
    async leave(communityId, memberId) {
      const res = await db.query('DELETE FROM community_members WHERE community_id = $1 AND member_id = $2', [
        communityId,
        memberId,
      ]);
      return res.rowCount > 0;
    },
    async listByMember(memberId) {
      const res = await db.query(
        `SELECT c.* FROM communities c JOIN community_members cm ON cm.community_id = c.id
         WHERE cm.member_id = $1 ORDER BY c.theme_id`,
        [memberId],
      );
      return res.rows.map(communityFromRow);
    },
    async listMemberIds(communityId) {
      const res = await db.query<{ member_id: string }>(
        'SELECT member_id FROM community_members WHERE community_id = $1 ORDER BY joined_at',
        [communityId],
      );
      return res.rows.map((r) => r.member_id);
    },
  };
}
