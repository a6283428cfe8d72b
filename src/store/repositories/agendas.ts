import { type Agenda, agendaSchema } from '../../core/agenda/model';
import type { AgendaRepository } from '../../core/ports';
import type { Queryable } from '../db';

export function agendaRepository(db: Queryable): AgendaRepository {
  return {
    async save(agenda: Agenda) {
      await db.query(
        `INSERT INTO agendas (id, name, association, period_from, period_to, document) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, association = EXCLUDED.association,
           period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to, document = EXCLUDED.document,
           imported_at = now()`,
        [
          agenda.id,
          agenda.name,
          agenda.association,
          agenda.period.from,
          agenda.period.to,
          JSON.stringify(agenda),
        ],
      );
      // Themes are referenced by communities, so they are upserted; ambitions and items are replaced.
      for (const [position, theme] of agenda.themes.entries())
        await db.query(
          `INSERT INTO themes (agenda_id, id, kind, title, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (agenda_id, id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, position = EXCLUDED.position`,
          [agenda.id, theme.id, theme.kind, theme.title, position],
        );
      await db.query('DELETE FROM ambitions WHERE agenda_id = $1', [agenda.id]);
      await db.query('DELETE FROM agenda_items WHERE agenda_id = $1', [agenda.id]);
      const item = (id: string, kind: 'action' | 'goal', parent: string, text: string, position: number) =>
        db.query(
          'INSERT INTO agenda_items (agenda_id, id, kind, parent_id, text, position) VALUES ($1, $2, $3, $4, $5, $6)',
          [agenda.id, id, kind, parent, text, position],
        );
      for (const amb of agenda.ambitions) {
        await db.query(
          `INSERT INTO ambitions (agenda_id, id, number, theme_id, title, tag, text) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [agenda.id, amb.id, amb.number, amb.theme ?? null, amb.title, amb.tag, amb.text],
        );
        for (const [i, act] of amb.actions.entries()) await item(act.id, 'action', amb.id, act.text, i);
      }
      for (const theme of agenda.themes) {
        for (const [i, goal] of theme.goals.entries()) await item(goal.id, 'goal', theme.id, goal.text, i);
        for (const [i, act] of theme.actions.entries()) await item(act.id, 'action', theme.id, act.text, i);
      }
    },
    async list() {
      const res = await db.query<{ document: unknown }>('SELECT document FROM agendas ORDER BY id');
      return res.rows.map((r) => agendaSchema.parse(r.document));
    },
  };
}
