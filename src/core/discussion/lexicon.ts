import { z } from 'zod';
import type { Agenda } from '../agenda/model';

/**
 * A sector lexicon: per ambition the words boards use when they talk about it (lerarentekort,
 * zij-instromers, thuiszitters …), kept as data in agendas/lexicon/<agenda id>.yaml beside the agenda.
 * Each entry is one term or several separated by commas. An association adds its own file of the same
 * name in DATA_DIR/agendas/lexicon/: its terms join the bundled ones.
 */
export const lexiconFileSchema = z.strictObject({
  agenda: z.string().trim().min(1),
  ambitions: z.record(
    z.string().regex(/^a\d+$/, { message: 'must be an ambition id, like a4' }),
    z.array(z.string().trim().min(1)),
  ),
});

export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** The single terms of lexicon entries ("lezen, rekenen" gives "lezen" and "rekenen"). */
export function lexiconTerms(entries: readonly string[]): string[] {
  return entries.flatMap((e) => e.split(',').map((t) => t.trim())).filter((t) => t.length > 0);
}

/** The agenda with these lexicon files' terms added to its own; unknown ambitions are an error for the caller. */
export function withLexicon(agenda: Agenda, files: readonly LexiconFile[]): Agenda {
  const lexicon: Record<string, string[]> = { ...(agenda.lexicon ?? {}) };
  for (const file of files)
    for (const [ambitionId, entries] of Object.entries(file.ambitions))
      lexicon[ambitionId] = [...new Set([...(lexicon[ambitionId] ?? []), ...lexiconTerms(entries)])];
  return { ...agenda, lexicon };
}
