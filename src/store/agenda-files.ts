import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { type Agenda, agendaSchema } from '../core/agenda/model';
import { AppError } from '../core/errors';
import { AGENDAS_DIR } from '../paths';
import { MAX_IMPORT_BYTES, readImportFile } from './import-file';
import { attachLexicon } from './lexicon-files';

function yamlFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The agendas that ship with Samenspraak. */
export function bundledAgendaFiles(): string[] {
  return yamlFilesIn(AGENDAS_DIR);
}

/** Where `samenspraak agenda import` keeps the association's own agenda files. */
export const importedAgendasDir = (dataDir: string) => path.join(dataDir, 'agendas');

function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(top)'}: ${issue.message}`)
    .join('\n');
}

/** Reads and validates one agenda file; errors name the file and the path inside it. */
export function loadAgendaFile(file: string): Agenda {
  const text = readImportFile(file, MAX_IMPORT_BYTES.agenda, 'AGENDA_FILE_UNREADABLE');
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('AGENDA_INVALID', `${file}: not valid YAML: ${detail}`, { file }, { cause });
  }
  const parsed = agendaSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('AGENDA_INVALID', describeIssues(file, parsed.error), { file });
  if (path.basename(file).replace(/\.(ya?ml|json)$/, '') !== parsed.data.id && isBundled(file))
    throw new AppError('AGENDA_INVALID', `${file}: id: must equal the file name`, { file });
  return parsed.data;
}

function isBundled(file: string): boolean {
  return path.resolve(path.dirname(file)) === path.resolve(AGENDAS_DIR);
}

/**
 * The bundled agendas, then the imported ones in dataDir, then AGENDA_FILES; a later file with the same id
 * replaces an earlier one.
 */
export function loadAgendas(extraFiles: readonly string[] = [], dataDir?: string): Agenda[] {
  const byId = new Map<string, Agenda>();
  const imported = dataDir ? yamlFilesIn(importedAgendasDir(dataDir)) : [];
  for (const file of [...bundledAgendaFiles(), ...imported, ...extraFiles]) {
    const agenda = loadAgendaFile(file);
    byId.set(agenda.id, agenda);
  }
  return [...byId.values()].map((a) => attachLexicon(a, dataDir));
}
