import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../core/errors';
import { type Locale, t } from '../../i18n/index';
import type { TextFile } from './read-file';

/** More than this many problems are counted, not listed: a wrong file should not print pages. */
export const MAX_LISTED = 20;

export interface CsvTable<T> {
  /** Header names as people write them (lower case, spaces and dashes as `_`), mapped to our fields. */
  aliases: Record<string, string>;
  /** Our fields with the (Dutch) column name messages use when the file has no such column. */
  columns: Record<string, { name: string; required: boolean }>;
  row: z.ZodType<T>;
  /** What makes two rows the same (a DUO number, a platform account); repeated rows are refused. */
  key: (row: T) => string;
  /** The field shown when a row repeats another. */
  keyField: string;
  code: ErrorCode;
}

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The message of a zod issue: an i18n key of ours (`csv.expect.…`), or zod's own words. */
const problemText = (message: string, locale: Locale) =>
  message.startsWith('csv.') ? t(locale, message) : message;

/**
 * Parses a CSV with a header row (comma or semicolon separated, Dutch or English headers). Problems name
 * the file, the row (as a spreadsheet numbers it: the header is row 1), the column by its number and its
 * name in the file, and the value found; nothing is returned unless the whole file is right.
 */
export function parseCsvTable<T>(file: TextFile, table: CsvTable<T>, locale: Locale): T[] {
  const firstLine = file.text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(file.text, {
      columns: (names: string[]) => {
        header = names;
        return names.map((h) => table.aliases[normalise(h)] ?? h);
      },
      delimiter,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (cause) {
    throw new AppError(
      table.code,
      t(locale, 'cli.csv.notCsv', { file: file.name, detail: (cause as Error).message }),
      {
        detail: (cause as Error).message,
      },
    );
  }
  const fail = (problems: string[]) => {
    const shown = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED)
      shown.push(t(locale, 'cli.csv.more', { n: problems.length - MAX_LISTED }));
    throw new AppError(table.code, shown.join('\n'), { detail: shown.slice(0, 3).join('; ') });
  };
  const fields = header.map((h) => table.aliases[normalise(h)]);
  const missing = Object.entries(table.columns).filter(([f, c]) => c.required && !fields.includes(f));
  // A file of another kind (boards given as members): one message, not one per row.
  if (header.length && missing.length)
    fail([
      t(locale, 'cli.csv.missingColumns', {
        file: file.name,
        missing: missing.map(([, c]) => c.name).join(', '),
        found: header.join(', '),
      }),
    ]);
  if (!records.length)
    fail([
      t(locale, 'cli.csv.empty', {
        file: file.name,
        columns: Object.values(table.columns)
          .map((c) => c.name)
          .join(', '),
      }),
    ]);
  const columnOf = (field: string) => {
    const i = fields.indexOf(field);
    return i >= 0
      ? { n: i + 1, name: header[i] ?? field }
      : { n: 0, name: table.columns[field]?.name ?? field };
  };
  const problems: string[] = [];
  const rows: T[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const parsed = table.row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const col = columnOf(field);
        problems.push(
          t(locale, 'cli.csv.problem', {
            file: file.name,
            row,
            col: col.n,
            column: col.name,
            problem: problemText(issue.message, locale),
            value: record[field] ?? '',
          }),
        );
      }
      continue;
    }
    const key = table.key(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) {
      const col = columnOf(table.keyField);
      problems.push(
        t(locale, 'cli.csv.duplicate', {
          file: file.name,
          row,
          first,
          column: col.name,
          value: record[table.keyField] ?? key,
        }),
      );
    } else seen.set(key, row);
    rows.push(parsed.data);
  }
  if (problems.length) fail(problems);
  return rows;
}
