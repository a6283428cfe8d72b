import path from 'node:path';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../../config';
import { isCoordinator } from '../../../core/access';
import { memberDataJson } from '../../../core/discussion';
import { REPORT_FORMATS, type ReportFormat } from '../../../core/discussion/report-formats';
import { isAppError } from '../../../core/errors';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { localDate, zonedInstant } from '../../../core/time';
import { isLocale, type Locale, t } from '../../../i18n/index';
import type { Db } from '../../../store/db';
import { dashboardRepository } from '../../../store/repositories/dashboard';
import type { HttpServer } from '../server';
import { DASHBOARD_CSS, DASHBOARD_JS } from './assets';
import { mountCorrections } from './corrections';
import { cycleDetail, overviewData } from './data';
import { decisionSection, mountDecisionRoute } from './decision-routes';
import { ambitionPage, cyclePage, loginPage, tabPage } from './detail-pages';
import type { Html } from './html';
import { messagePage, type View } from './layout';
import type { LinkSigner } from './links';
import { overviewPage } from './overview-page';
import { cookie, readCookies, SESSION_COOKIE, SESSION_TTL_MS, sessions } from './sessions';
import { type SsoVerifier, ssoVerifier } from './sso';
import { cycleRequests } from './steering-section';

/** Hosts that may frame the dashboard: Teams and Microsoft 365 (web, desktop and the Outlook/Office apps). */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.microsoft.us',
  'https://*.teams.microsoft.us',
  'https://teams.live.com',
  'https://*.teams.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  // teams-js asks a Microsoft CDN for its list of host origins; it falls back to its bundled list.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const LANG_COOKIE = 'samenspraak_lang';
const id = z.string().regex(/^[a-z0-9-]{1,60}$/);
const schemas = {
  overview: z.object({ agenda: id.optional() }),
  ambition: z.object({ agenda: id, ambition: z.string().regex(/^a\d{1,3}$/) }),
  cycle: z.object({ id: z.string().min(1).max(100) }),
  cycleFlash: z.object({
    done: z.enum(['reminded', 'closed']).optional(),
    queued: z.coerce.number().int().min(0).optional(),
    atMaximum: z.coerce.number().int().min(0).optional(),
    tooLate: z.coerce.number().int().min(0).optional(),
  }),
  token: z.object({ token: z.string().min(10).max(2000) }),
  csrf: z.object({ csrf: z.string().min(10).max(200) }),
  export: z.object({ file: z.string().regex(/^([a-z0-9-]{1,60})\.(csv|md|html)$/) }),
  year: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
};

export interface DashboardOptions {
  links: LinkSigner;
  /** Replaces the JWKS verifier (never needed: tests point TEAMS_SSO_JWKS_URL at a local server). */
  sso?: SsoVerifier;
}

interface Signed {
  member: Member;
  csrf: string;
  via: 'link' | 'teams';
}

/** Mounts the dashboard on the one express server: pages, the Teams tab, sign-in and the exports. */
export function mountDashboard(
  http: HttpServer,
  config: Config,
  core: Core,
  db: Db,
  options: DashboardOptions,
) {
  const repo = dashboardRepository(db);
  const clock = core.deps.clock;
  const store = sessions(repo, clock);
  const secure = config.publicUrl?.startsWith('https:') ?? false;
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

  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // Assets: ours from strings, teams-js from its package's browser bundle.
  router.get('/dashboard/assets/dashboard.css', (_req, res) => {
    res.type('text/css').send(DASHBOARD_CSS);
  });
  router.get('/dashboard/assets/dashboard.js', (_req, res) => {
    res.type('application/javascript').send(DASHBOARD_JS);
  });
  const teamsJsDir = path.join(path.dirname(require.resolve('@microsoft/teams-js/package.json')), 'dist/umd');
  router.use('/dashboard/assets/teams-js', express.static(teamsJsDir, { index: false }));
  // Any other asset is simply not there: a 404, nothing logged (the path would show our file system).
  router.use('/dashboard/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });

  const localeOf = (req: Request, res: Response, member: Member | null): Locale => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    if (isLocale(asked)) {
      res.append(
        'Set-Cookie',
        cookie(LANG_COOKIE, asked, { secure, sameSite: 'Lax', maxAgeSeconds: 31_536_000 }),
      );
      return asked;
    }
    const saved = readCookies(req.headers.cookie).get(LANG_COOKIE);
    if (isLocale(saved)) return saved;
    return member?.locale ?? config.defaultLocale;
  };

  const viewOf = (req: Request, res: Response, signed: Signed | null): View => ({
    locale: localeOf(req, res, signed?.member ?? null),
    timeZone: config.timeZone,
    member: signed?.member ?? null,
    csrf: signed?.csrf ?? null,
    inTeams: signed?.via === 'teams',
    path: req.originalUrl.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, ''),
  });

  const send = (res: Response, status: number, body: Html) => {
    res.status(status).type('html').send(body.value);
  };

  /** The signed-in person, or null after answering 401 with the way to sign in. */
  const signedIn = async (req: Request, res: Response): Promise<Signed | null> => {
    const session = await store.find(readCookies(req.headers.cookie).get(SESSION_COOKIE));
    const member = session ? await core.deps.store.repos.members.get(session.memberId) : null;
    if (!session || !member) {
      const v = viewOf(req, res, null);
      send(
        res,
        401,
        messagePage(v, t(v.locale, 'dashboard.login.title'), t(v.locale, 'dashboard.login.needed')),
      );
      return null;
    }
    return { member, csrf: session.csrf, via: session.via };
  };

  const badRequest = (req: Request, res: Response, signed: Signed | null, detail: string) => {
    const v = viewOf(req, res, signed);
    send(
      res,
      400,
      messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.badRequest', { detail })),
    );
  };

  /** Refusals of the core as pages: 403 for roles, 404 for what does not exist, 409 for the cycle's state. */
  const refusal = (req: Request, res: Response, signed: Signed, err: unknown): boolean => {
    if (!isAppError(err)) return false;
    const v = viewOf(req, res, signed);
    const status = err.code.startsWith('NOT_') ? 403 : err.code.startsWith('UNKNOWN_') ? 404 : 409;
    send(
      res,
      status,
      messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, `error.${err.code}`, err.params)),
    );
    return true;
  };

  const checkCsrf = (req: Request, res: Response, signed: Signed): boolean => {
    const body = schemas.csrf.safeParse(req.body ?? {});
    if (body.success && body.data.csrf === signed.csrf) return true;
    const v = viewOf(req, res, signed);
    send(res, 403, messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.csrf')));
    return false;
  };

  const form = express.urlencoded({ extended: false, limit: '10kb' });

  router.get('/dashboard', async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const q = schemas.overview.safeParse(req.query);
    if (!q.success) return badRequest(req, res, signed, 'agenda');
    const agendas = core.agendas.agendas;
    const chosen = agendas.find((a) => a.id === q.data.agenda) ?? agendas[0];
    if (!chosen) return badRequest(req, res, signed, 'agenda');
    if (q.data.agenda && chosen.id !== q.data.agenda) return badRequest(req, res, signed, 'agenda');
    const v = viewOf(req, res, signed);
    const data = await overviewData(core, signed.member, chosen);
    send(
      res,
      200,
      overviewPage(
        v,
        agendas.map((a) => ({ id: a.id, name: a.name })),
        data,
      ),
    );
  });

  router.get('/dashboard/ambitions/:agenda/:ambition', async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const p = schemas.ambition.safeParse(req.params);
    if (!p.success) return badRequest(req, res, signed, 'ambition');
    const v = viewOf(req, res, signed);
    try {
      const now = clock.now();
      const summary = await core.summarise(
        { memberId: signed.member.id },
        {
          agendaId: p.data.agenda,
          ambition: p.data.ambition,
          from: new Date(now.getTime() - 365 * 86_400_000),
          to: now,
          visibility: 'private',
          locale: v.locale,
        },
      );
      const decisions = await core.ambitionDecisions(summary.agenda.id, summary.ambition.id);
      const decide = await decisionSection(
        core,
        req,
        v,
        signed.member,
        summary.agenda.id,
        summary.ambition.id,
      );
      // Matches made are for the coordinators; a board member sees the page without them.
      const matches = isCoordinator(signed.member)
        ? await core.peerMatches({ memberId: signed.member.id }, summary.agenda.id, summary.ambition.id)
        : null;
      const corrected = req.query.corrected === '1';
      const ambitions = core.agendas.get(summary.agenda.id).ambitions;
      send(
        res,
        200,
        ambitionPage(v, summary, { decisions, decide, matches, correcting: { ambitions, corrected } }),
      );
    } catch (err) {
      if (!refusal(req, res, signed, err)) throw err;
    }
  });

  mountDecisionRoute(router, { core, form, signedIn, viewOf, send, badRequest, checkCsrf, refusal });
  mountCorrections<Signed>(router, { core, form, signedIn, checkCsrf, badRequest, refusal });

  router.get('/dashboard/cycles/:id', async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const p = schemas.cycle.safeParse(req.params);
    const q = schemas.cycleFlash.safeParse(req.query);
    if (!p.success || !q.success) return badRequest(req, res, signed, 'cycle');
    const v = viewOf(req, res, signed);
    if (!isCoordinator(signed.member))
      return send(
        res,
        403,
        messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.forbidden')),
      );
    try {
      const detail = await cycleDetail(core, signed.member, p.data.id);
      const f = q.data;
      const flash =
        f.done === 'reminded'
          ? t(v.locale, 'dashboard.cycle.reminded', {
              queued: f.queued ?? 0,
              atMaximum: f.atMaximum ?? 0,
              tooLate: f.tooLate ?? 0,
            })
          : f.done === 'closed'
            ? t(v.locale, 'dashboard.cycle.closedNow')
            : null;
      const requests = await cycleRequests(core, signed.member.id, detail.cycle.id);
      send(res, 200, cyclePage(v, detail, flash, requests));
    } catch (err) {
      if (!refusal(req, res, signed, err)) throw err;
    }
  });

  router.post('/dashboard/cycles/:id/:action', form, async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const p = schemas.cycle.safeParse(req.params);
    const action = req.params.action;
    if (!p.success || (action !== 'remind' && action !== 'close'))
      return badRequest(req, res, signed, 'cycle');
    if (!checkCsrf(req, res, signed)) return;
    const actor = { memberId: signed.member.id };
    const base = `/dashboard/cycles/${encodeURIComponent(p.data.id)}`;
    try {
      if (action === 'remind') {
        const r = await core.remindNow(actor, p.data.id);
        res.redirect(
          303,
          `${base}?done=reminded&queued=${r.queued}&atMaximum=${r.atMaximum}&tooLate=${r.tooLate}`,
        );
      } else {
        await core.closeCycle(actor, p.data.id);
        res.redirect(303, `${base}?done=closed`);
      }
    } catch (err) {
      if (!refusal(req, res, signed, err)) throw err;
    }
  });

  router.get('/dashboard/export/:file', async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const p = schemas.export.safeParse(req.params);
    const q = schemas.year.safeParse(req.query);
    if (!p.success || !q.success) return badRequest(req, res, signed, 'export');
    const [, agendaId, ext] = /^(.+)\.(csv|md|html)$/.exec(p.data.file) as RegExpExecArray;
    const format = ext as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) return badRequest(req, res, signed, 'format');
    const v = viewOf(req, res, signed);
    const year = q.data.year ?? Number(localDate(clock.now(), config.timeZone).slice(0, 4));
    try {
      const text = await core.renderReport(
        {
          agendaId: agendaId as string,
          year,
          from: zonedInstant(`${year}-01-01`, '00:00', config.timeZone),
          to: zonedInstant(`${year + 1}-01-01`, '00:00', config.timeZone),
        },
        format,
        { locale: v.locale, timeZone: config.timeZone },
      );
      const types = { csv: 'text/csv', md: 'text/markdown', html: 'text/html' } as const;
      res.type(`${types[format]}; charset=utf-8`);
      if (format !== 'html') res.attachment(`${agendaId}-${year}.${format}`);
      res.send(text);
    } catch (err) {
      if (!refusal(req, res, signed, err)) throw err;
    }
  });

  // Everything stored about the person signed in (mijn-gegevens), as the chat cannot hold a long file.
  router.get('/dashboard/my-data.json', async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    const json = memberDataJson(await core.exportMemberData(signed.member.id));
    res.type('application/json; charset=utf-8').attachment('mijn-gegevens.json').send(json);
  });

  // Sign-in with a link from the chat: GET shows a button (link previews only GET), POST uses the link up.
  const linkProblem = async (token: string) => {
    const check = options.links.verify(token);
    if (!check.ok) return { problem: check.reason } as const;
    if (await repo.linkUsed(check.nonce)) return { problem: 'used' } as const;
    return { check } as const;
  };

  router.get('/dashboard/login', async (req, res) => {
    const v = viewOf(req, res, null);
    const q = schemas.token.safeParse(req.query);
    const title = t(v.locale, 'dashboard.login.title');
    if (!q.success) return send(res, 400, messagePage(v, title, t(v.locale, 'dashboard.login.invalid')));
    const found = await linkProblem(q.data.token);
    if ('problem' in found)
      return send(
        res,
        found.problem === 'invalid' ? 400 : 410,
        messagePage(v, title, t(v.locale, `dashboard.login.${found.problem}`)),
      );
    send(res, 200, loginPage(v, q.data.token));
  });

  router.post('/dashboard/login', form, async (req, res) => {
    const v = viewOf(req, res, null);
    const title = t(v.locale, 'dashboard.login.title');
    const body = schemas.token.safeParse(req.body ?? {});
    if (!body.success) return send(res, 400, messagePage(v, title, t(v.locale, 'dashboard.login.invalid')));
    const found = await linkProblem(body.data.token);
    if ('problem' in found)
      return send(
        res,
        found.problem === 'invalid' ? 400 : 410,
        messagePage(v, title, t(v.locale, `dashboard.login.${found.problem}`)),
      );
    const member = await core.deps.store.repos.members.get(found.check.memberId);
    if (!member || !(await repo.useLink(found.check.nonce, member.id, clock.now())))
      return send(res, 410, messagePage(v, title, t(v.locale, 'dashboard.login.used')));
    const id = await store.open(member.id, 'link');
    res.append(
      'Set-Cookie',
      cookie(SESSION_COOKIE, id, { secure, sameSite: 'Lax', maxAgeSeconds: SESSION_TTL_MS / 1000 }),
    );
    res.redirect(303, '/dashboard');
  });

  router.post('/dashboard/logout', form, async (req, res) => {
    const signed = await signedIn(req, res);
    if (!signed) return;
    if (!checkCsrf(req, res, signed)) return;
    const value = readCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (value) await store.close(value);
    res.append('Set-Cookie', cookie(SESSION_COOKIE, '', { secure, sameSite: 'Lax', maxAgeSeconds: 0 }));
    res.redirect(303, '/dashboard');
  });

  // The Teams tab and its SSO.
  router.get('/dashboard/tab', (req, res) => {
    send(res, 200, tabPage(viewOf(req, res, null)));
  });

  router.post('/dashboard/sso', express.json({ limit: '16kb' }), async (req, res) => {
    const v = viewOf(req, res, null);
    const body = schemas.token.safeParse(req.body ?? {});
    if (!body.success || !sso)
      return void res
        .status(401)
        .json({ error: 'sso_invalid', message: t(v.locale, 'dashboard.sso.invalid') });
    const identity = await sso(body.data.token);
    if (!identity)
      return void res
        .status(401)
        .json({ error: 'sso_invalid', message: t(v.locale, 'dashboard.sso.invalid') });
    const member = await repo.teamsMember(identity.tenantId, identity.objectId);
    if (!member)
      return void res
        .status(403)
        .json({ error: 'sso_unknown', message: t(v.locale, 'dashboard.sso.unknown') });
    const id = await store.open(member.id, 'teams');
    // In the Teams iframe the cookie is third-party: SameSite=None needs Secure (https); locally Lax.
    res.append(
      'Set-Cookie',
      cookie(SESSION_COOKIE, id, {
        secure,
        sameSite: secure ? 'None' : 'Lax',
        maxAgeSeconds: SESSION_TTL_MS / 1000,
      }),
    );
    res.json({ ok: true });
  });

  router.use('/dashboard', (req: Request, res: Response, _next: NextFunction) => {
    const v = viewOf(req, res, null);
    send(res, 404, messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.notFound')));
  });

  http.app.use(router);
}
