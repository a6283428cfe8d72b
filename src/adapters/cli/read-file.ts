import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../i18n/index';
import { MAX_IMPORT_BYTES } from '../../store/import-file';
import { type CliContext, CliRefusal, UsageError } from './command';

export interface TextFile {
  /** The name as given, for messages. */
  name: string;
  text: string;
  encoding: 'utf-8-bom' | 'utf-8' | 'windows-1252';
}

/**
 * Decodes a spreadsheet export: UTF-8 with or without byte-order mark, else Windows-1252 (Excel's usual
 * Dutch "CSV" export, a superset of Latin-1), so "Stichting Eén" stays "Stichting Eén".
 */
export function decodeText(bytes: Uint8Array): Pick<TextFile, 'text' | 'encoding'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: every byte sequence is valid Windows-1252, the other encoding Dutch offices produce.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Reads a CSV named on the command line; says which encoding it found, names a missing file plainly. */
export function readCsvFile(file: string, ctx: Pick<CliContext, 'note' | 'locale'>): TextFile {
  let bytes: Buffer;
  try {
    // A file over the limit is refused before it is read, so a huge one costs no memory.
    const size = fs.statSync(file).size;
    if (size > MAX_IMPORT_BYTES.csv)
      throw new CliRefusal('cli.file.tooBig', { file, limit: MAX_IMPORT_BYTES.csv / 1024 / 1024 });
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError('cli.file.missing', { file, dir: path.resolve(path.dirname(file)) });
    if (code === 'EISDIR') throw new UsageError('cli.file.isDir', { file });
    if (code === 'EACCES') throw new UsageError('cli.file.denied', { file });
    throw err;
  }
  const decoded = decodeText(bytes);
  ctx.note(
    t(ctx.locale, 'cli.file.encoding', { file, encoding: t(ctx.locale, `cli.encoding.${decoded.encoding}`) }),
  );
  return { name: file, ...decoded };
}
