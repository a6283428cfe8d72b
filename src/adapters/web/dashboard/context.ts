import express, { type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../../config';
import { isCoordinator } from '../../../core/access';
import { isAppError } from '../../../core/errors';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { isLocale, type Locale, t } from '../../../i18n/index';
import type { Html } from './html';
import { messagePage, type View } from './layout';
import { cookie, readCookies, SESSION_COOKIE, type Sessions } from './sessions';

/** What every dashboard route shares: who is signed in, the view of the page, and the standard answers. */

const LANG_COOKIE = 'samenspraak_lang';
const csrfBody = z.object({ csrf: z.string().min(10).max(200) });

export interface Signed {
  member: Member;
  csrf: string;
  via: 'link' | 'teams';
}

export interface DashboardContext {
  config: Config;
  core: Core;
  sessions: Sessions;
  /** The session cookie needs Secure (and may be SameSite=None) behind https. */
  secure: boolean;
  form: RequestHandler;
  viewOf(req: Request, res: Response, signed: Signed | null): View;
  send(res: Response, status: number, body: Html): void;
  /** The signed-in person, or null after answering 401 with the way to sign in. */
  signedIn(req: Request, res: Response): Promise<Signed | null>;
  badRequest(req: Request, res: Response, signed: Signed | null, detail: string): void;
  /** Refusals of the core as pages: 403 for roles, 404 for what does not exist, 409 for the cycle's state. */
  refusal(req: Request, res: Response, signed: Signed, err: unknown): boolean;
  checkCsrf(req: Request, res: Response, signed: Signed): boolean;
  /** The page only coordinators may see: false after answering 403. */
  coordinatorOnly(req: Request, res: Response, signed: Signed): boolean;
}

export function dashboardContext(config: Config, core: Core, sessions: Sessions): DashboardContext {
  const secure = config.publicUrl?.startsWith('https:') ?? false;

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

  return {
    config,
    core,
    sessions,
    secure,
    form: express.urlencoded({ extended: false, limit: '10kb' }),
    viewOf,
    send,
    async signedIn(req, res) {
      const session = await sessions.find(readCookies(req.headers.cookie).get(SESSION_COOKIE));
      const member = session ? await core.memberById(session.memberId) : null;
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
    },
    badRequest(req, res, signed, detail) {
      const v = viewOf(req, res, signed);
      send(
        res,
        400,
        messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.badRequest', { detail })),
      );
    },
    refusal(req, res, signed, err) {
      if (!isAppError(err)) return false;
      const status = err.code.startsWith('NOT_') ? 403 : err.code.startsWith('UNKNOWN_') ? 404 : 409;
      const v = viewOf(req, res, signed);
      send(
        res,
        status,
        messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, `error.${err.code}`, err.params)),
      );
      return true;
    },
    checkCsrf(req, res, signed) {
      const body = csrfBody.safeParse(req.body ?? {});
      if (body.success && body.data.csrf === signed.csrf) return true;
      const v = viewOf(req, res, signed);
      send(res, 403, messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.csrf')));
      return false;
    },
    coordinatorOnly(req, res, signed) {
      if (isCoordinator(signed.member)) return true;
      const v = viewOf(req, res, signed);
      send(res, 403, messagePage(v, t(v.locale, 'dashboard.title'), t(v.locale, 'dashboard.forbidden')));
      return false;
    },
  };
}
