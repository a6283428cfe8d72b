import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of Bot Framework channel tokens (botframework-connector's ToBotFromChannelTokenIssuer). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export interface TokenOptions {
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  audience?: string;
  serviceUrl?: string;
  issuer?: string;
  /** Sign with a key that is not in the published key set (under the published key id). */
  foreignKey?: boolean;
}

/**
 * A local stand-in for login.botframework.com: OpenID metadata and a JWKS on 127.0.0.1 with one RSA key
 * endorsed for msteams, and tokens signed with it as the Bot Connector signs them.
 */
export class LocalOpenId {
  readonly keyId = 'samenspraak-test-key';
  private readonly privateKey: KeyObject;
  private readonly foreignKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  private server: http.Server | null = null;
  url = '';
  /** Requests this server answered, to show no one else was asked. */
  readonly hits: string[] = [];

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.foreignKey = createPrivateKey(
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    this.jwk = {
      ...publicKey.export({ format: 'jwk' }),
      kid: this.keyId,
      use: 'sig',
      endorsements: ['msteams'],
    };
  }

  get metadataUrl() {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.hits.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration')
        res.end(
          JSON.stringify({
            issuer: CHANNEL_ISSUER,
            authorization_endpoint: `${this.url}/authorize`,
            jwks_uri: `${this.url}/v1/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
      else if (req.url === '/v1/keys') res.end(JSON.stringify({ keys: [this.jwk] }));
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A Bot Framework token as the channel sends it (RS256, kid of the published key). */
  token(appId: string, serviceUrl: string, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 3600;
    const header = { alg: 'RS256', typ: 'JWT', kid: this.keyId, x5t: this.keyId };
    const payload = {
      serviceurl: options.serviceUrl ?? serviceUrl,
      nbf: now - 600 + Math.min(0, expiresIn),
      exp: now + expiresIn,
      iat: now - 600 + Math.min(0, expiresIn),
      iss: options.issuer ?? CHANNEL_ISSUER,
      aud: options.audience ?? appId,
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign(
      'RSA-SHA256',
      Buffer.from(signingInput),
      options.foreignKey ? this.foreignKey : this.privateKey,
    );
    return `${signingInput}.${b64url(signature)}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
