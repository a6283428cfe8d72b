import { randomUUID } from 'node:crypto';
import { type Config, scopedCoordinators } from './config';
import { AgendaCatalog } from './core/agenda/catalog';
import type { Agenda } from './core/agenda/model';
import { discussionSettings } from './core/discussion/settings';
import { type Core, createCore } from './core/index';
import type { Clock, IdGenerator, Logger } from './core/ports';
import { loadAgendas } from './store/agenda-files';
import { saveAndListAgendas } from './store/agenda-store';
import type { Db } from './store/db';
import { loadWorkCalendar } from './store/holiday-file';
import { migrate } from './store/migrate';
import { type OpenOptions, openDb } from './store/open-db';
import { sqlStore } from './store/sql-store';
import { systemClock } from './system-clock';

// The core on its database, without the server: the CLI loads this alone (no Bolt, botbuilder or express).

/** Files first; agendas imported into a shared database by another replica come along. */
async function loadCatalog(db: Db, config: Config): Promise<AgendaCatalog> {
  const fromFiles = loadAgendas(config.agendaFiles, config.dataDir);
  const byId = new Map<string, Agenda>((await saveAndListAgendas(db, fromFiles)).map((a) => [a.id, a]));
  for (const agenda of fromFiles) byId.set(agenda.id, agenda);
  return new AgendaCatalog([...byId.values()]);
}

/** Migrates the database, loads the agendas and builds the core on it. */
export async function prepareCore(
  db: Db,
  config: Config,
  logger: Logger,
  opts: { clock?: Clock; ids?: IdGenerator; dashboardLink?: (memberId: string) => string } = {},
): Promise<Core> {
  const coordinators = scopedCoordinators(config);
  for (const note of coordinators.notes) logger.warn({ setting: 'COORDINATORS' }, note);
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');
  return createCore({
    store: sqlStore(db),
    clock: opts.clock ?? systemClock,
    ids: opts.ids ?? randomUUID,
    logger,
    agendas: await loadCatalog(db, config),
    coordinators: coordinators.names,
    discussion: discussionSettings({ ...config.discussion, timeZone: config.timeZone }, { fetch, logger }),
    calendar: loadWorkCalendar(config.timeZone),
    dashboardLink: opts.dashboardLink,
    steeringAnswerDays: config.steeringAnswerDays,
  });
}

/** Opens the database and prepares the core: what each CLI command needs. */
export async function openCore(
  config: Config,
  logger: Logger,
  opts: OpenOptions = {},
): Promise<{ db: Db; core: Core }> {
  const db = await openDb(config, logger, opts);
  try {
    return { db, core: await prepareCore(db, config, logger) };
  } catch (err) {
    await db.close();
    throw err;
  }
}
