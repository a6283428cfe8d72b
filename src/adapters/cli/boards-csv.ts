import { z } from 'zod';
import type { NewBoard } from '../../core/ports';
import { parseCsvTable } from './csv-table';

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
  name: z.string().trim().min(1, 'a name').max(200, 'a name of at most 200 characters'),
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
  return parseCsvTable(text, {
    aliases: COLUMN_ALIASES,
    row: rowSchema,
    expected: 'a header (naam, bestuursnummer, regio) and one row per board',
    code: 'BOARDS_CSV_INVALID',
  });
}
