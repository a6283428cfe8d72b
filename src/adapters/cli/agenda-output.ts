import type { Agenda, Ambition } from '../../core/agenda/model';
import { type Locale, t } from '../../i18n/index';
import { plural } from './format';

const ambitionLines = (a: Ambition, locale: Locale, indent: string) => [
  `${indent}${a.id}  ${a.title}  (#${a.tag}${a.actions.length ? `, ${plural(locale, 'cli.n.actions', a.actions.length)}` : ''})`,
  ...a.actions.map((x) => `${indent}  ${x.id}  ${x.text}`),
];

/**
 * An agenda as it is built: PO-Raad's themes each with their ambitions and actions; VO-raad's sector
 * ambitions first, then each strategic line with its goals and actions.
 */
export function agendaLines(agenda: Agenda, locale: Locale): string[] {
  const lines = agenda.themes.filter((x) => x.kind === 'line').length;
  const themes = agenda.themes.length - lines;
  const counts = [
    themes ? plural(locale, 'cli.n.themes', themes) : null,
    lines ? plural(locale, 'cli.n.lines', lines) : null,
    plural(locale, 'cli.n.ambitions', agenda.ambitions.length),
  ].filter(Boolean);
  const out = [`${agenda.id}  ${agenda.name} (${agenda.association}): ${counts.join(', ')}`];
  const free = agenda.ambitions.filter((a) => !a.theme);
  if (free.length) {
    out.push(`  ${t(locale, 'cli.agenda.sector')}`);
    for (const a of free) out.push(...ambitionLines(a, locale, '    '));
  }
  for (const theme of agenda.themes) {
    out.push(`  ${theme.id}  ${theme.title}`);
    for (const a of agenda.ambitions.filter((x) => x.theme === theme.id))
      out.push(...ambitionLines(a, locale, '    '));
    if (theme.goals.length) {
      out.push(`    ${t(locale, 'cli.agenda.goals')}`);
      for (const g of theme.goals) out.push(`      ${g.id}  ${g.text}`);
    }
    if (theme.actions.length) {
      out.push(`    ${t(locale, 'cli.agenda.actions')}`);
      for (const x of theme.actions) out.push(`      ${x.id}  ${x.text}`);
    }
  }
  return out;
}
