import path from 'node:path';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { Config } from '../../../config';
import type { DashboardStore } from '../../../core/dashboard-ports';
import type { Core } from '../../../core/index';
import { t } from '../../../i18n/index';
import type { HttpServer } from '../server';
import { DASHBOARD_CSS, DASHBOARD_JS } from './assets';
import { CARDS_JS } from './card-viewer';
import { dashboardContext, type Signed } from './context';
import { mountCorrections } from './corrections';
import { mountDecisionRoute } from './decision-routes';
import { mountExports } from './export-routes';
import { securityHeaders } from './headers';
import { messagePage } from './layout';
import type { LinkSigner } from './links';
import { mountPages } from './page-routes';
import { sessions } from './sessions';
import { mountSignIn } from './sign-in-routes';
import { type SsoVerifier, ssoVerifier } from './sso';

export interface DashboardOptions {
  links: LinkSigner;
  /** Replaces the JWKS verifier (never needed: tests point TEAMS_SSO_JWKS_URL at a local server). */
  sso?: SsoVerifier;
}

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** Our script and stylesheet from strings; teams-js and the Adaptive Cards renderer from their packages. */
function mountAssets(router: Router): void {
  router.get('/dashboard/assets/dashboard.css', (_req, res) => {
    res.type('text/css').send(DASHBOARD_CSS);
  });
  router.get('/dashboard/assets/dashboard.js', (_req, res) => {
    res.type('application/javascript').send(DASHBOARD_JS);
  });
  router.get('/dashboard/assets/cards.js', (_req, res) => {
    res.type('application/javascript').send(CARDS_JS);
  });
  const renderer = path.join(packageDir('adaptivecards'), 'dist/adaptivecards.min.js');
  router.get('/dashboard/assets/adaptivecards.min.js', (_req, res) => {
    res.type('application/javascript').sendFile(renderer);
  });
  router.use(
    '/dashboard/assets/teams-js',
    express.static(path.join(packageDir('@microsoft/teams-js'), 'dist/umd'), { index: false }),
  );
  // Any other asset is simply not there: a 404, nothing logged (the path would show our file system).
  router.use('/dashboard/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
}

/**
 * Mounts the dashboard on the one express server: pages, the Teams tab, sign-in and the exports. Its own
 * storage (sign-in links, sessions) comes in as a port; everything else it asks the core.
 */
export function mountDashboard(
  http: HttpServer,
  config: Config,
  core: Core,
  store: DashboardStore,
  options: DashboardOptions,
) {
  const clock = core.deps.clock;
  const sso =
    options.sso ??
    (config.teams.appId
      ? ssoVerifier({
          jwksUrl: config.dashboard.ssoJwksUrl,
          appId: config.teams.appId,
          publicUrl: config.publicUrl,
          tenantId: config.teams.appType === 'SingleTenant' ? config.teams.tenantId : undefined,
          clock,
        })
      : null);
  const c = dashboardContext(config, core, sessions(store, clock));

  const router = Router();
  router.use(securityHeaders);
  mountAssets(router);
  mountPages(router, c);
  mountDecisionRoute(router, c);
  mountCorrections<Signed>(router, c);
  mountExports(router, c);
  mountSignIn(router, c, { links: options.links, store, sso });
  router.use('/dashboard', (req: Request, res: Response, _next: NextFunction) => {
    const v = c.viewOf(req, res, null);
    c.send(res, 404, messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.notFound')));
  });
  http.app.use(router);
}
