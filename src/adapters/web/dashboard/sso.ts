import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../../core/ports';

/** Teams SSO: the Entra token from authentication.getAuthToken, checked against the tenant's keys. */

export interface SsoSettings {
  jwksUrl: string;
  appId: string;
  publicUrl?: string;
  /** For a single-tenant app: only this tenant's tokens. */
  tenantId?: string;
  clock: Clock;
}

export interface SsoIdentity {
  tenantId: string;
  objectId: string;
  name: string | null;
}

const claimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  iss: z.string(),
  name: z.string().optional(),
});

/** The audiences Teams SSO tokens carry: the app id URI (api://host/app id) or the app id itself. */
export function ssoAudiences(appId: string, publicUrl?: string): string[] {
  return publicUrl ? [`api://${new URL(publicUrl).host}/${appId}`, appId] : [appId];
}

export type SsoVerifier = (token: string) => Promise<SsoIdentity | null>;

/** Null for any token that is not right (signature, issuer, audience, expiry, claims); never throws for those. */
export function ssoVerifier(settings: SsoSettings): SsoVerifier {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  const audience = ssoAudiences(settings.appId, settings.publicUrl);
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience,
        algorithms: ['RS256'],
        currentDate: settings.clock.now(),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (err) {
      // jose's errors all carry a code (ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED, …): a refusal.
      if (
        typeof (err as { code?: unknown }).code === 'string' &&
        String((err as { code: string }).code).startsWith('ERR_')
      )
        return null;
      throw err;
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const { tid, oid, iss, name } = claims.data;
    if (iss !== `https://login.microsoftonline.com/${tid}/v2.0` && iss !== `https://sts.windows.net/${tid}/`)
      return null;
    if (settings.tenantId && settings.tenantId !== tid) return null;
    return { tenantId: tid, objectId: oid, name: name ?? null };
  };
}
