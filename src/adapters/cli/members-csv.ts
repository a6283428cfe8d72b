import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { AudienceEntry } from '../../core/audience';
import { AppError } from '../../core/errors';

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
  workspace: z.string().trim().min(1, 'the Slack team id or Teams tenant id'),
  userId: z.string().trim().min(1, 'the Slack user id or Teams user id'),
  name: z
    .string()
    .trim()
    .optional()
    .transform((n) => n || undefined),
});

/**
 * Parses a CSV of members for a cycle's audience (comma or semicolon separated, with a header row:
 * platform, workspace, user_id and optionally name). Every bad row is named by its line; nothing is
 * returned unless the whole file is right.
 */
export function parseMembersCsv(text: string): AudienceEntry[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) =>
        header.map(
          (h) =>
            COLUMN_ALIASES[
              h
                .trim()
                .toLowerCase()
                .replace(/[\s-]+/g, '_')
            ] ?? h,
        ),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (cause) {
    throw new AppError('MEMBERS_CSV_INVALID', `not valid CSV: ${(cause as Error).message}`, {
      detail: (cause as Error).message,
    });
  }
  const problems: string[] = [];
  const entries: AudienceEntry[] = [];
  records.forEach((record, i) => {
    const parsed = rowSchema.safeParse(record);
    if (parsed.success) entries.push(parsed.data);
    else
      problems.push(
        `line ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: expected ${x.message}`).join('; ')}`,
      );
  });
  if (records.length === 0)
    problems.push('no rows: expected a header (platform, workspace, user_id, name) and one row per member');
  if (problems.length)
    throw new AppError('MEMBERS_CSV_INVALID', problems.join('\n'), {
      detail: problems.slice(0, 3).join('; '),
    });
  return entries;
}
