import type { Platform, Workspace } from '../../core/model';
import type { WorkspaceRepository } from '../../core/ports';
import type { Queryable } from '../db';

type Row = Record<string, unknown>;
const fromRow = (r: Row): Workspace => ({
  id: r.id as string,
  platform: r.platform as Platform,
  externalId: r.external_id as string,
  name: (r.name as string | null) ?? null,
});

export function workspaceRepository(db: Queryable): WorkspaceRepository {
  return {
    async upsert(platform: Platform, externalId: string, name?: string) {
      const res = await db.query(
        `INSERT INTO workspaces (id, platform, external_id, name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, external_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, workspaces.name)
         RETURNING *`,
        [`${platform}:${externalId}`, platform, externalId, name ?? null],
      );
      return fromRow(res.rows[0] as Row);
    },
    async get(id: string) {
      const res = await db.query('SELECT * FROM workspaces WHERE id = $1', [id]);
      return res.rows[0] ? fromRow(res.rows[0]) : null;
    },
  };
}
