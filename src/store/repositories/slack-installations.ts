import type { Queryable } from '../db';

/** Slack OAuth installations as Bolt's installer hands them over, one row per workspace or enterprise. */
export interface SlackInstallationRepository {
  save(id: string, installation: unknown): Promise<void>;
  get(id: string): Promise<unknown | null>;
  remove(id: string): Promise<void>;
}

export function slackInstallationRepository(db: Queryable): SlackInstallationRepository {
  return {
    async save(id, installation) {
      await db.query(
        `INSERT INTO slack_installations (id, installation) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
        [id, JSON.stringify(installation)],
      );
    },
    async get(id) {
      const res = await db.query<{ installation: unknown }>(
        'SELECT installation FROM slack_installations WHERE id = $1',
        [id],
      );
      return res.rows[0]?.installation ?? null;
    },
    async remove(id) {
      await db.query('DELETE FROM slack_installations WHERE id = $1', [id]);
    },
  };
}
