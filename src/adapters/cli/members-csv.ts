import { z } from 'zod';
import type { AudienceEntry } from '../../core/audience';
import type { Locale } from '../../i18n/index';
import { parseCsvTable } from './csv-table';
import type { TextFile } from './read-file';

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
    .string('csv.expect.platform')
    .trim()
    .toLowerCase()
    .pipe(z.enum(['slack', 'teams'], 'csv.expect.platform')),
  workspace: z
    .string('csv.expect.workspace')
    .trim()
    .min(1, 'csv.expect.workspace')
    .max(128, 'csv.expect.max128'),
  userId: z.string('csv.expect.userId').trim().min(1, 'csv.expect.userId').max(256, 'csv.expect.max256'),
  name: z
    .string()
    .trim()
    .max(200, 'csv.expect.max200')
    .optional()
    .transform((n) => n || undefined),
});

/**
 * Parses a CSV of members for a cycle's audience (comma or semicolon separated, with a header row:
 * platform, workspace, user_id and optionally name). Problems are named by row and column; the same
 * person twice is refused with both rows; nothing is returned unless the whole file is right.
 */
export function parseMembersCsv(file: TextFile, locale: Locale): AudienceEntry[] {
  return parseCsvTable(
    file,
    {
      aliases: COLUMN_ALIASES,
      columns: {
        platform: { name: 'platform', required: true },
        workspace: { name: 'workspace', required: true },
        userId: { name: 'user_id', required: true },
        name: { name: 'naam', required: false },
      },
      row: rowSchema,
      key: (m) => `${m.platform}:${m.workspace}:${m.userId}`,
      keyField: 'userId',
      code: 'MEMBERS_CSV_INVALID',
    },
    locale,
  );
}
