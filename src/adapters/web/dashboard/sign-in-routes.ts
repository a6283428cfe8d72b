import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import type { DashboardStore } from '../../../core/dashboard-ports';
import { t } from '../../../i18n/index';
import type { DashboardContext } from './context';
import { loginPage, tabPage } from './detail-pages';
import { messagePage, type View } from './layout';
import type { LinkSigner } from './links';
import { cookie, readCookies, SESSION_COOKIE, SESSION_TTL_MS } from './sessions';
import type { SsoVerifier } from './sso';

/** Signing in and out: with a link from the chat, or in the Teams tab with its SSO token. */

const token = z.object({ token: z.string().min(10).max(2000) });

export interface SignInDoors {
  links: LinkSigner;
  store: DashboardStore;
  /** Null when Teams is not configured: the tab cannot sign in. */
  sso: SsoVerifier | null;
}

export function mountSignIn(router: Router, c: DashboardContext, doors: SignInDoors): void {
  const { links, store, sso } = doors;
  const { secure } = c;
  const clock = c.core.deps.clock;

  /**
   * The link's token from the query (GET) or the form (POST), checked: unreadable, expired, forged or
   * used links get a page that says so, and null comes back.
   */
  const checkedLink = async (res: Response, v: View, input: unknown) => {
    const title = t(v.locale, 'dashboard.login.title');
    const refuse = (status: number, problem: string) => {
      c.send(res, status, messagePage(v, title, t(v.locale, `dashboard.login.${problem}`)));
      return null;
    };
    const parsed = token.safeParse(input ?? {});
    if (!parsed.success) return refuse(400, 'invalid');
    const check = links.verify(parsed.data.token);
    if (!check.ok) return refuse(check.reason === 'invalid' ? 400 : 410, check.reason);
    if (await store.linkUsed(check.nonce)) return refuse(410, 'used');
    return { token: parsed.data.token, check, refuse };
  };

  // GET shows a button (link previews only GET), POST uses the link up.
  router.get('/dashboard/login', async (req, res) => {
    const v = c.viewOf(req, res, null);
    const found = await checkedLink(res, v, req.query);
    if (found) c.send(res, 200, loginPage(v, found.token));
  });

  router.post('/dashboard/login', c.form, async (req, res) => {
    const v = c.viewOf(req, res, null);
    const found = await checkedLink(res, v, req.body);
    if (!found) return;
    const member = await c.core.memberById(found.check.memberId);
    if (!member || !(await store.useLink(found.check.nonce, member.id, clock.now())))
      return found.refuse(410, 'used');
    const id = await c.sessions.open(member.id, 'link');
    res.append(
      'Set-Cookie',
      cookie(SESSION_COOKIE, id, { secure, sameSite: 'Lax', maxAgeSeconds: SESSION_TTL_MS / 1000 }),
    );
    res.redirect(303, '/dashboard');
  });

  router.post('/dashboard/logout', c.form, async (req, res) => {
    const signed = await c.signedIn(req, res);
    if (!signed) return;
    if (!c.checkCsrf(req, res, signed)) return;
    const value = readCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (value) await c.sessions.close(value);
    res.append('Set-Cookie', cookie(SESSION_COOKIE, '', { secure, sameSite: 'Lax', maxAgeSeconds: 0 }));
    res.redirect(303, '/dashboard');
  });

  // The Teams tab and its SSO.
  router.get('/dashboard/tab', (req, res) => {
    c.send(res, 200, tabPage(c.viewOf(req, res, null)));
  });

  router.post('/dashboard/sso', express.json({ limit: '16kb' }), async (req, res) => {
    const v = c.viewOf(req, res, null);
    const body = token.safeParse(req.body ?? {});
    const identity = body.success && sso ? await sso(body.data.token) : null;
    if (!identity)
      return void res
        .status(401)
        .json({ error: 'sso_invalid', message: t(v.locale, 'dashboard.sso.invalid') });
    const member = await store.teamsMember(identity.tenantId, identity.objectId);
    if (!member)
      return void res
        .status(403)
        .json({ error: 'sso_unknown', message: t(v.locale, 'dashboard.sso.unknown') });
    const id = await c.sessions.open(member.id, 'teams');
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
}
