import { createHash, randomBytes } from 'node:crypto';
import type { DashboardSession, DashboardStore } from '../../../core/dashboard-ports';
import type { Clock } from '../../../core/ports';

/** The session cookie: a random id (HttpOnly); the database keeps its hash, so replicas share sessions. */

export const SESSION_COOKIE = 'samenspraak_session';
export const SESSION_TTL_MS = 8 * 60 * 60_000;

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      // a malformed cookie from elsewhere on the host: not ours, left out
    }
  }
  return out;
}

export interface CookieOptions {
  secure: boolean;
  /** Inside the Teams iframe the cookie is third-party: None (needs Secure); elsewhere Lax. */
  sameSite: 'Lax' | 'None' | 'Strict';
  maxAgeSeconds: number;
  httpOnly?: boolean;
}

export function cookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/dashboard',
    `Max-Age=${o.maxAgeSeconds}`,
    o.httpOnly === false ? null : 'HttpOnly',
    `SameSite=${o.sameSite}`,
    o.secure ? 'Secure' : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export interface Sessions {
  /** Opens a session; returns the cookie value. */
  open(memberId: string, via: DashboardSession['via']): Promise<string>;
  find(cookieValue: string | undefined): Promise<DashboardSession | null>;
  close(cookieValue: string): Promise<void>;
}

export function sessions(repo: DashboardStore, clock: Clock): Sessions {
  return {
    async open(memberId, via) {
      const id = randomBytes(32).toString('base64url');
      const now = clock.now();
      await repo.purgeSessions(now);
      await repo.createSession(
        hash(id),
        {
          memberId,
          via,
          csrf: randomBytes(24).toString('base64url'),
          expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        },
        now,
      );
      return id;
    },
    async find(value) {
      if (!value || value.length > 200) return null;
      return repo.session(hash(value), clock.now());
    },
    async close(value) {
      await repo.deleteSession(hash(value));
    },
  };
}
