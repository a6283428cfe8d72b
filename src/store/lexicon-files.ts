import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Agenda } from '../core/agenda/model';
import { type LexiconFile, lexiconFileSchema, withLexicon } from '../core/discussion/lexicon';
import { AppError } from '../core/errors';
import { AGENDAS_DIR } from '../paths';

/** Lexicon files: bundled in agendas/lexicon/, an association's own in DATA_DIR/agendas/lexicon/. */
export const lexiconDirs = (dataDir?: string) => [
  path.join(AGENDAS_DIR, 'lexicon'),
  ...(dataDir ? [path.join(dataDir, 'agendas', 'lexicon')] : []),
];

/** Reads and validates one lexicon file; errors name the file and the path inside it. */
export function loadLexiconFile(file: string): LexiconFile {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('AGENDA_INVALID', `${file}: cannot be read as YAML`, { file }, { cause });
  }
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'AGENDA_INVALID',
      parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n'),
      { file },
    );
  return parsed.data;
}

/**
 * The agenda with the terms of every lexicon file for it. An association's own file naming an unknown
 * ambition is refused; the bundled lexicon keeps only the ambitions an agenda that replaced the bundled
 * one (`agenda import --replace`) still has.
 */
export function attachLexicon(agenda: Agenda, dataDir?: string): Agenda {
  const files: LexiconFile[] = [];
  const bundled = lexiconDirs()[0];
  for (const dir of lexiconDirs(dataDir)) {
    for (const ext of ['yaml', 'yml']) {
      const file = path.join(dir, `${agenda.id}.${ext}`);
      if (!fs.existsSync(file)) continue;
      const lexicon = loadLexiconFile(file);
      const known = (a: string) => agenda.ambitions.some((x) => x.id === a);
      if (dir === bundled)
        lexicon.ambitions = Object.fromEntries(Object.entries(lexicon.ambitions).filter(([a]) => known(a)));
      const unknown = Object.keys(lexicon.ambitions).filter((a) => !known(a));
      if (lexicon.agenda !== agenda.id || unknown.length)
        throw new AppError(
          'AGENDA_INVALID',
          `${file}: ${lexicon.agenda !== agenda.id ? `agenda: must be "${agenda.id}"` : `ambitions: no ambition ${unknown.join(', ')} in ${agenda.id}`}`,
          { file },
        );
      files.push(lexicon);
    }
  }
  return files.length ? withLexicon(agenda, files) : agenda;
}
