import { AppError } from '../errors';
import { type Agenda, type Ambition, type ScopeItem, scopeItems, type Theme } from './model';

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '');

/** Looks agendas, themes and ambitions up by id, number, tag or name, as people type them. */
export class AgendaCatalog {
  private readonly byId: Map<string, Agenda>;

  constructor(readonly agendas: readonly Agenda[]) {
    this.byId = new Map(agendas.map((a) => [a.id, a]));
  }

  get(agendaId: string): Agenda {
    const agenda = this.byId.get(agendaId);
    if (!agenda) throw new AppError('UNKNOWN_AGENDA', `no agenda ${agendaId}`, { agenda: agendaId });
    return agenda;
  }

  /** A theme by id (t1, l3) or by (the start of) its title, in one agenda or in all. */
  findTheme(query: string, agendaId?: string): { agenda: Agenda; theme: Theme } {
    const q = norm(query);
    const agendas = agendaId ? [this.get(agendaId)] : this.agendas;
    const matches: { agenda: Agenda; theme: Theme }[] = [];
    for (const agenda of agendas)
      for (const theme of agenda.themes)
        if (theme.id === q || norm(theme.title) === q || (q.length >= 4 && norm(theme.title).startsWith(q)))
          matches.push({ agenda, theme });
    const match = matches[0];
    if (!match || matches.length > 1)
      throw new AppError('UNKNOWN_THEME', `no single theme ${query}`, { theme: query });
    return match;
  }

  /** An ambition by id (a3), number (3), tag (#basisvaardigheden) or title. */
  findAmbition(query: string, agendaId?: string): { agenda: Agenda; ambition: Ambition } {
    const q = norm(query.replace(/^#/, '').replace(/^ambitie/i, 'a'));
    const agendas = agendaId ? [this.get(agendaId)] : this.agendas;
    const matches: { agenda: Agenda; ambition: Ambition }[] = [];
    for (const agenda of agendas)
      for (const ambition of agenda.ambitions)
        if (
          ambition.id === q ||
          ambition.id === `a${q}` ||
          ambition.tag.replace(/-/g, '') === q ||
          norm(ambition.title) === q
        )
          matches.push({ agenda, ambition });
    const match = matches[0];
    if (!match || matches.length > 1)
      throw new AppError('UNKNOWN_AMBITION', `no single ambition ${query}`, { ambition: query });
    return match;
  }

  scope(agendaId: string): ScopeItem[] {
    return scopeItems(this.get(agendaId));
  }

  /** The scope items with these ids, in agenda order; an unknown id is refused. */
  scopeItems(agendaId: string, ids: readonly string[]): ScopeItem[] {
    const all = this.scope(agendaId);
    for (const id of ids)
      if (!all.some((i) => i.id === id))
        throw new AppError('UNKNOWN_SCOPE_ITEM', `no item ${id}`, { item: id });
    return all.filter((i) => ids.includes(i.id));
  }
}
