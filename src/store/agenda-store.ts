import type { Agenda } from '../core/agenda/model';
import type { Db } from './db';
import { repositories } from './sql-store';

/**
 * Stores the agendas read from files (replacing earlier versions, in one transaction) and returns every
 * agenda the database holds: those another replica imported come along.
 */
export async function saveAndListAgendas(db: Db, agendas: readonly Agenda[]): Promise<Agenda[]> {
  await db.transaction(async (tx) => {
    const repos = repositories(tx);
    for (const agenda of agendas) await repos.agendas.save(agenda);
  });
  return repositories(db).agendas.list();
}
