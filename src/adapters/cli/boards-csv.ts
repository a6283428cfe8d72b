import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { NewBoard } from '../../core/ports';

/** Column names as associations export them, Dutch or English, mapped to ours. */
const COLUMN_ALIASES: Record<string, keyof NewBoard> = {
  name: 'name',
  naam: 'name',
  bestuur: 'name',
  duo_number: 'duoNumber',
  duo: 'duoNumber',
  bestuursnummer: 'duoNumber',
  bevoegd_gezag: 'duoNumber',
  bevoegd_gezag_nummer: 'duoNumber',
  region: 'region',
  regio: 'region',
};

const rowSchema = z.object({
  name: z.string().trim().min(1, 'a name'),
  duoNumber: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'a DUO board number of five digits'),
  region: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['noord', 'midden', 'zuid'], 'noord, midden or zuid')),
});

/**
 * Parses a CSV of boards (comma or semicolon separated, with a header row). Every bad row is named with
 * its line number; nothing is returned unless the whole file is right.
 */
export function parseBoardsCsv(text: string): NewBoard[] {
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
    throw new AppError('BOARDS_CSV_INVALID', `not valid CSV: ${(cause as Error).message}`, {
      detail: (cause as Error).message,
    });
  }
  const problems: string[] = [];
  const boards: NewBoard[] = [];
  records.forEach((record, i) => {
    const parsed = rowSchema.safeParse(record);
    if (parsed.success) boards.push(parsed.data);
    else
      problems.push(
        `line ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: expected ${x.message}`).join('; ')}`,
      );
  });
  if (records.length === 0)
    problems.push('no rows: expected a header (naam, bestuursnummer, regio) and one row per board');
  if (problems.length)
    throw new AppError('BOARDS_CSV_INVALID', problems.join('\n'), {
      detail: problems.slice(0, 3).join('; '),
    });
  return boards;
}
