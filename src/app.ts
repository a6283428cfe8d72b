import { PlatformStatus } from './adapters/platform-status';
import { mountSlack } from './adapters/slack/mount';
import { mountTeams, type TeamsAdapter } from './adapters/teams/mount';
import type { TeamsOptions } from './adapters/teams/settings';
import { dashboardSecret, linkSigner, loginUrl } from './adapters/web/dashboard/links';
import { mountDashboard } from './adapters/web/dashboard/mount';
import { mountLegalPages } from './adapters/web/legal-pages';
import { errorHandler, type HttpServer, startHttpServer } from './adapters/web/server';
import { checkEveryCard } from './cards/template';
import { reportInvalidCards } from './cards/validate';
import type { Config } from './config';
import type { Core } from './core/index';
import type { Clock, Logger } from './core/ports';
import type { Sender } from './delivery/sender';
import { type RunningDelivery, startServerDelivery } from './delivery/start';
import { prepareCore } from './open-core';
import type { Db } from './store/db';
import { openDb } from './store/open-db';
import { platformStores } from './store/platform-stores';
import { systemClock } from './system-clock';

export interface RunningApp {
  http: HttpServer;
  core: Core;
  /** The scheduler and outbox worker; null when no platform can send. */
  delivery: RunningDelivery | null;
  /** The Teams door; null when Teams is off. */
  teams: TeamsAdapter | null;
  stop(): Promise<void>;
}

/** What a caller other than main.ts may put in: a clock of its own, Teams endpoints (a local authority). */
export interface StartOptions {
  clock?: Clock;
  teams?: TeamsOptions;
}

/**
 * The server. The port is taken first, so /healthz answers while the database opens (a second process on
 * the same DATA_DIR then fails on the lock); /readyz answers 200 once the database is open and migrated.
 */
export async function startServer(
  config: Config,
  logger: Logger,
  senders: readonly Sender[] = [],
  options: StartOptions = {},
): Promise<RunningApp> {
  let ready = false;
  // In development every card the bot binds is also checked with the Adaptive Cards SDK.
  checkEveryCard(config.env === 'development' ? reportInvalidCards(logger) : undefined);
  const platforms = new PlatformStatus();
  const http = await startHttpServer(
    config.port,
    logger,
    () => ready,
    () => platforms.snapshot(),
  );
  let db: Db;
  try {
    db = await openDb(config, logger);
  } catch (err) {
    await http.close();
    throw err;
  }
  let core: Core;
  let slack: Awaited<ReturnType<typeof mountSlack>>;
  let teams: TeamsAdapter | null;
  try {
    const links = linkSigner(dashboardSecret(config.dashboard.secret, logger), options.clock ?? systemClock);
    const publicUrl = config.publicUrl;
    core = await prepareCore(db, config, logger, {
      clock: options.clock,
      dashboardLink: publicUrl ? (memberId) => loginUrl(publicUrl, links.sign(memberId)) : undefined,
    });
    const stores = platformStores(db);
    mountDashboard(http, config, core, stores.dashboard, { links });
    mountLegalPages(http.app, config.discussion.retentionDays);
    slack = await mountSlack(http, config, core, stores.slackInstallations, platforms);
    // Teams says itself whether it runs, anonymously (with a warning) or not; production refuses anonymous.
    teams = mountTeams(http, config, core, stores.teams, options.teams);
  } catch (err) {
    await http.close();
    await db.close();
    throw err;
  }
  http.app.use(errorHandler(logger));
  let delivery: RunningDelivery | null;
  try {
    const platformSenders: Sender[] = [];
    if (slack) platformSenders.push(slack.sender);
    if (teams) platformSenders.push(teams.sender);
    delivery = startServerDelivery(config, core.deps, [...senders, ...platformSenders], db);
  } catch (err) {
    await http.close();
    await db.close();
    throw err;
  }
  ready = true;
  logger.info({ agendas: core.agendas.agendas.map((a) => a.id), database: db.kind }, 'ready');
  const server = http;
  return {
    http: server,
    core,
    delivery,
    teams,
    async stop() {
      ready = false;
      await delivery?.stop();
      await slack?.stop();
      await teams?.settled();
      await server.close();
      await db.close();
    },
  };
}
