import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock, Logger } from '../../../core/ports';

/** How long a sign-in link from the chat holds. */
export const LINK_TTL_MS = 10 * 60_000;

/** What a signed link carries: the member, when it expires (ms since epoch) and a nonce for single use. */
const payloadSchema = z.object({ m: z.string().min(1), e: z.number().int(), n: z.string().min(16) });
export type LinkPayload = z.infer<typeof payloadSchema>;

export type LinkCheck =
  | { ok: true; memberId: string; nonce: string }
  | { ok: false; reason: 'invalid' | 'expired' };

export interface LinkSigner {
  /** A token for the member, valid for LINK_TTL_MS from now. */
  sign(memberId: string): string;
  /** Checks signature and expiry (not single use: that is the database's). */
  verify(token: string): LinkCheck;
}

/**
 * The secret: DASHBOARD_SECRET, or a random one for this process (links then do not survive a restart,
 * and replicas do not accept each other's links: set DASHBOARD_SECRET for more than one).
 */
export function dashboardSecret(configured: string | undefined, logger: Logger): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  logger.warn(
    {},
    'DASHBOARD_SECRET is not set: dashboard links are signed with a random key and stop working at a restart',
  );
  return randomBytes(32);
}

export function linkSigner(secret: Buffer, clock: Clock): LinkSigner {
  const mac = (data: string) => createHmac('sha256', secret).update(data).digest();
  return {
    sign(memberId) {
      const payload: LinkPayload = {
        m: memberId,
        e: clock.now().getTime() + LINK_TTL_MS,
        n: randomBytes(16).toString('base64url'),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    verify(token) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
      const expected = mac(body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'invalid' };
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'invalid' }; // signed by us, so this does not happen; refused all the same
      }
      const parsed = payloadSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      if (parsed.data.e <= clock.now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, memberId: parsed.data.m, nonce: parsed.data.n };
    },
  };
}

/** The link a person gets in chat: PUBLIC_URL/dashboard/login?token=… */
export function loginUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/dashboard/login?token=${encodeURIComponent(token)}`;
}
