import { z } from 'zod';

/**
 * A strategic agenda as data. PO-Raad: themes (t1..t4) holding ambitions (a1..a10), each with actions
 * (a1.1, a1.2 ...). VO-raad: sector ambitions (a1..a7) and strategic lines (l1..l5) with their goals
 * (l1.g1 ...) and actions (l1.1 ...). Ids are short and stable: cycles, updates and links refer to them.
 */
const id = (pattern: RegExp, what: string) =>
  z
    .string()
    .max(64, { message: 'must be at most 64 characters' })
    .regex(pattern, { message: `must be ${what}` });
/** A name or title: one line's worth. */
const name = (max: number) => z.string().trim().min(1).max(max);
/** A paragraph of the agenda: the longest in the seed agendas is about 650 characters. */
const paragraph = z.string().trim().min(1).max(4000);

export const actionSchema = z.strictObject({
  id: id(/^(a|l)\d+\.\d+$/, 'the parent id, a dot and a number, like a3.2 or l1.4'),
  text: paragraph,
});

export const goalSchema = z.strictObject({
  id: id(/^l\d+\.g\d+$/, 'the line id, ".g" and a number, like l2.g1'),
  text: paragraph,
});

export const themeSchema = z.strictObject({
  id: id(/^(t|l)\d+$/, 't or l and a number, like t1 or l3'),
  /** `theme` (thema) in PO-Raad's agenda, `line` (strategische lijn) in VO-raad's. */
  kind: z.enum(['theme', 'line']),
  title: name(120),
  text: paragraph.optional(),
  goals: z.array(goalSchema).max(100).default([]),
  actions: z.array(actionSchema).max(100).default([]),
});

export const ambitionSchema = z.strictObject({
  id: id(/^a\d+$/, 'a and a number, like a4'),
  number: z.number().int().positive(),
  /** The theme this ambition belongs to; VO-raad's sector ambitions stand apart from the lines. */
  theme: id(/^(t|l)\d+$/, 'a theme id').optional(),
  title: name(80),
  /** The short name used as a hashtag in discussion, lower case without spaces, like #basisvaardigheden. */
  tag: id(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  text: paragraph,
  actions: z.array(actionSchema).max(100).default([]),
});

export const agendaSchema = z
  .strictObject({
    id: id(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens, like po-raad-2022-2026'),
    name: name(200),
    association: name(200),
    period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
    source: name(500),
    locale: z.enum(['nl', 'en']).default('nl'),
    themes: z.array(themeSchema).min(1).max(50),
    ambitions: z.array(ambitionSchema).min(1).max(200),
    /** Sector terms per ambition id, from agendas/lexicon/ (see core/discussion/lexicon.ts). */
    lexicon: z.record(z.string().max(20), z.array(z.string().trim().min(1).max(100)).max(500)).optional(),
  })
  .superRefine((agenda, ctx) => {
    for (const key of Object.keys(agenda.lexicon ?? {}))
      if (!agenda.ambitions.some((a) => a.id === key))
        ctx.addIssue({ code: 'custom', path: ['lexicon', key], message: `no ambition "${key}"` });
    const themeIds = new Set(agenda.themes.map((t) => t.id));
    const seen = new Set<string>();
    const unique = (value: string, path: (string | number)[]) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `duplicate id "${value}"` });
      seen.add(value);
    };
    agenda.themes.forEach((theme, i) => {
      unique(theme.id, ['themes', i, 'id']);
      theme.goals.forEach((g, j) => {
        unique(g.id, ['themes', i, 'goals', j, 'id']);
      });
      theme.actions.forEach((a, j) => {
        unique(a.id, ['themes', i, 'actions', j, 'id']);
        if (!a.id.startsWith(`${theme.id}.`))
          ctx.addIssue({
            code: 'custom',
            path: ['themes', i, 'actions', j, 'id'],
            message: `must start with "${theme.id}."`,
          });
      });
    });
    const tags = new Set<string>();
    agenda.ambitions.forEach((amb, i) => {
      unique(amb.id, ['ambitions', i, 'id']);
      if (amb.id !== `a${amb.number}`)
        ctx.addIssue({ code: 'custom', path: ['ambitions', i, 'id'], message: `must be "a${amb.number}"` });
      if (amb.theme && !themeIds.has(amb.theme))
        ctx.addIssue({ code: 'custom', path: ['ambitions', i, 'theme'], message: `no theme "${amb.theme}"` });
      if (tags.has(amb.tag))
        ctx.addIssue({
          code: 'custom',
          path: ['ambitions', i, 'tag'],
          message: `duplicate tag "${amb.tag}"`,
        });
      tags.add(amb.tag);
      amb.actions.forEach((a, j) => {
        unique(a.id, ['ambitions', i, 'actions', j, 'id']);
        if (!a.id.startsWith(`${amb.id}.`))
          ctx.addIssue({
            code: 'custom',
            path: ['ambitions', i, 'actions', j, 'id'],
            message: `must start with "${amb.id}."`,
          });
      });
    });
  });

export type Agenda = z.infer<typeof agendaSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Ambition = z.infer<typeof ambitionSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Goal = z.infer<typeof goalSchema>;

/** Something a check-in can ask about: an ambition or an action (of an ambition or of a line). */
export interface ScopeItem {
  id: string;
  kind: 'ambition' | 'action';
  title: string;
  text: string;
  ambitionId?: string;
  themeId?: string;
}

export function scopeItems(agenda: Agenda): ScopeItem[] {
  const items: ScopeItem[] = [];
  for (const amb of agenda.ambitions) {
    items.push({
      id: amb.id,
      kind: 'ambition',
      title: amb.title,
      text: amb.text,
      ambitionId: amb.id,
      themeId: amb.theme,
    });
    for (const act of amb.actions)
      items.push({
        id: act.id,
        kind: 'action',
        title: act.text,
        text: act.text,
        ambitionId: amb.id,
        themeId: amb.theme,
      });
  }
  for (const theme of agenda.themes)
    for (const act of theme.actions)
      items.push({ id: act.id, kind: 'action', title: act.text, text: act.text, themeId: theme.id });
  return items;
}
