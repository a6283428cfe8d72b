import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';

/**
 * A local stand-in for Entra's key set on 127.0.0.1 and the SSO tokens Teams hands a tab
 * (authentication.getAuthToken): RS256, issuer https://login.microsoftonline.com/{tid}/v2.0.
 */
export class LocalEntra {
  readonly keyId = 'samenspraak-entra-test-key';
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private server: http.Server | null = null;
  url = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  get jwksUrl() {
    return `${this.url}/discovery/v2.0/keys`;
  }

  async start(): Promise<this> {
    const jwk = { ...(await exportJWK(this.publicKey)), kid: this.keyId, use: 'sig', alg: 'RS256' };
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/discovery/v2.0/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** An SSO token for the user, valid an hour from `now` (the core's clock). */
  token(o: {
    tenantId: string;
    objectId: string;
    audience: string;
    now: Date;
    name?: string;
  }): Promise<string> {
    const iat = Math.floor(o.now.getTime() / 1000);
    return new SignJWT({
      tid: o.tenantId,
      oid: o.objectId,
      name: o.name ?? 'Test',
      uti: randomUUID(),
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
      .setIssuer(`https://login.microsoftonline.com/${o.tenantId}/v2.0`)
      .setAudience(o.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 60)
      .setExpirationTime(iat + 3600)
      .sign(this.privateKey);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
