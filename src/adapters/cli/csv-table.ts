import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../core/errors';

export interface CsvTable<T> {
  /** Header names as people write them (lower case, spaces and dashes as `_`), mapped to our fields. */
  aliases: Record<string, string>;
  row: z.ZodType<T>;
  /** What an empty file should have held, for the message. */
  expected: string;
  code: ErrorCode;
}

/**
 * Parses a CSV with a header row (comma or semicolon separated, Dutch or English headers). Every bad row
 * is named with its line number; nothing is returned unless the whole file is right.
 */
export function parseCsvTable<T>(text: string, table: CsvTable<T>): T[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const column = (h: string) => {
    const key = h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    return table.aliases[key] ?? h;
  };
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map(column),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (cause) {
    throw new AppError(table.code, `not valid CSV: ${(cause as Error).message}`, {
      detail: (cause as Error).message,
    });
  }
  const problems: string[] = [];
  const rows: T[] = [];
  records.forEach((record, i) => {
    const parsed = table.row.safeParse(record);
    if (parsed.success) rows.push(parsed.data);
    else
      problems.push(
        `line ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: expected ${x.message}`).join('; ')}`,
      );
  });
  if (records.length === 0) problems.push(`no rows: expected ${table.expected}`);
  if (problems.length)
    throw new AppError(table.code, problems.join('\n'), { detail: problems.slice(0, 3).join('; ') });
  return rows;
}
