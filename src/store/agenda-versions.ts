import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Agenda } from '../core/agenda/model';
import { bundledAgendaFiles, importedAgendasDir, loadAgendaFile } from './agenda-files';

/**
 * Imported agendas that were replaced or removed are kept, one file per version, under
 * `DATA_DIR/agendas/versions/<id>/`; the loader reads only the top of `DATA_DIR/agendas`, so a kept
 * version is never loaded by itself.
 */
const versionsDir = (dataDir: string, id: string) => path.join(importedAgendasDir(dataDir), 'versions', id);

/** The bundled agenda with this id, if Samenspraak ships one. */
export function bundledAgenda(id: string): Agenda | null {
  const file = bundledAgendaFiles().find((f) => path.basename(f).replace(/\.ya?ml$/, '') === id);
  return file ? loadAgendaFile(file) : null;
}

/** The imported agenda file with this id, if there is one. */
export function importedAgendaFile(dataDir: string, id: string): string | null {
  const file = path.join(importedAgendasDir(dataDir), `${id}.yaml`);
  return fs.existsSync(file) ? file : null;
}

/** Keeps a copy of an agenda as a version named by the moment (UTC, file-name safe); returns its name. */
export function keepVersion(dataDir: string, agenda: Agenda, at: Date): string {
  const dir = versionsDir(dataDir, agenda.id);
  fs.mkdirSync(dir, { recursive: true });
  const name = at.toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `${name}.yaml`), YAML.stringify(agenda));
  return name;
}

export interface AgendaVersion {
  version: string;
  file: string;
  agenda: Agenda;
}

/** The kept versions of an agenda, oldest first. */
export function listVersions(dataDir: string, id: string): AgendaVersion[] {
  const dir = versionsDir(dataDir, id);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      version: f.replace(/\.yaml$/, ''),
      file: path.join(dir, f),
      agenda: loadAgendaFile(path.join(dir, f)),
    }));
}

/** Writes an imported agenda (a new one, or the replacement of an existing id). */
export function writeImported(dataDir: string, agenda: Agenda): void {
  const dir = importedAgendasDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${agenda.id}.yaml`), YAML.stringify(agenda));
}
