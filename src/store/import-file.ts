import fs from 'node:fs';
import { AppError, type ErrorCode } from '../core/errors';

/** The largest file an import reads: agendas (the seeds are under 20 kB) and board or member lists. */
export const MAX_IMPORT_BYTES = { agenda: 1024 * 1024, csv: 5 * 1024 * 1024 } as const;

/**
 * Reads a file to import as UTF-8 text, refusing one over `maxBytes` before reading it (so a huge file
 * costs no memory), with the error code of the import and a detail that names the limit.
 */
export function readImportFile(file: string, maxBytes: number, code: ErrorCode): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (cause) {
    throw new AppError(
      code,
      `${file}: cannot be read`,
      { file, detail: `${file} kan niet worden gelezen` },
      { cause },
    );
  }
  if (size > maxBytes)
    throw new AppError(code, `${file}: ${size} bytes, more than the ${maxBytes} an import reads`, {
      file,
      detail: `${file} is groter dan ${Math.round(maxBytes / 1024)} kB`,
    });
  return fs.readFileSync(file, 'utf8');
}
