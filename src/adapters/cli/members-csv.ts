import { z } from 'zod';
import type { AudienceEntry } from '../../core/audience';
import { parseCsvTable } from './csv-table';

/** Column names, Dutch or English, mapped to ours. */
const COLUMN_ALIASES: Record<string, keyof AudienceEntry> = {
  platform: 'platform',
  workspace: 'workspace',
  werkruimte: 'workspace',
  team: 'workspace',
  team_id: 'workspace',
  tenant: 'workspace',
  tenant_id: 'workspace',
  user: 'userId',
  user_id: 'userId',
  userid: 'userId',
  gebruiker: 'userId',
  gebruiker_id: 'userId',
  name: 'name',
  naam: 'name',
};

const rowSchema = z.object({
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['slack', 'teams'], 'slack or teams')),
  workspace: z
    .string()
    .trim()
    .min(1, 'the Slack team id or Teams tenant id')
    .max(128, 'at most 128 characters'),
  userId: z.string().trim().min(1, 'the Slack user id or Teams user id').max(256, 'at most 256 characters'),
  name: z
    .string()
    .trim()
    .max(200, 'a name of at most 200 characters')
    .optional()
    .transform((n) => n || undefined),
});

/**
 * Parses a CSV of members for a cycle's audience (comma or semicolon separated, with a header row:
 * platform, workspace, user_id and optionally name). Every bad row is named by its line; nothing is
 * returned unless the whole file is right.
 */
export function parseMembersCsv(text: string): AudienceEntry[] {
  return parseCsvTable(text, {
    aliases: COLUMN_ALIASES,
    row: rowSchema,
    expected: 'a header (platform, workspace, user_id, name) and one row per member',
    code: 'MEMBERS_CSV_INVALID',
  });
}
