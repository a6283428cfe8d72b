import { z } from 'zod';
import type { NewBoard } from '../../core/ports';
import type { Locale } from '../../i18n/index';
import { parseCsvTable } from './csv-table';
import type { TextFile } from './read-file';

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
  name: z.string('csv.expect.name').trim().min(1, 'csv.expect.name').max(200, 'csv.expect.max200'),
  duoNumber: z
    .string('csv.expect.duo')
    .trim()
    .regex(/^\d{5}$/, 'csv.expect.duo'),
  region: z
    .string('csv.expect.region')
    .trim()
    .toLowerCase()
    .pipe(z.enum(['noord', 'midden', 'zuid'], 'csv.expect.region')),
});

/**
 * Parses a CSV of boards (comma or semicolon separated, with a header row). Every problem is named by
 * row and column; a DUO number that appears twice is refused with both rows; nothing is returned unless
 * the whole file is right.
 */
export function parseBoardsCsv(file: TextFile, locale: Locale): NewBoard[] {
  return parseCsvTable(
    file,
    {
      aliases: COLUMN_ALIASES,
      columns: {
        name: { name: 'naam', required: true },
        duoNumber: { name: 'bestuursnummer', required: true },
        region: { name: 'regio', required: true },
      },
      row: rowSchema,
      key: (b) => b.duoNumber,
      keyField: 'duoNumber',
      code: 'BOARDS_CSV_INVALID',
    },
    locale,
  );
}
