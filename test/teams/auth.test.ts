import { ANONYMOUS_WARNING, mountTeams } from '../../src/adapters/teams/mount';
import { teamsMode } from '../../src/adapters/teams/settings';
import { startHttpServer } from '../../src/adapters/web/server';
import { loadConfig } from '../../src/config';
import { platformStores } from '../../src/store/platform-stores';
import { testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from './fake-connector';
import { ANNA, personalMessage } from './fixtures';
import { APP_ID, capturingLogger, type LogLine, startTeamsRig, type TeamsRig } from './harness';
import { LocalOpenId } from './openid';

let t: TestDatabase;
let connector: FakeConnector;
let openid: LocalOpenId;
let rig: TeamsRig | undefined;

beforeAll(async () => {
  [t, connector, openid] = await Promise.all([
    pgliteDatabase(),
    new FakeConnector().start(),
    new LocalOpenId().start(),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), connector.close(), openid.close()]);
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  connector.reset();
});

describe('Teams with an app id', () => {
  let r: TeamsRig;
  beforeEach(async () => {
    r = await startTeamsRig(t, connector, openid);
    rig = r;
  });

  it('answers a request with a valid Bot Framework token, signing its reply with the bot’s own token', async () => {
    const res = await r.post(personalMessage(r.where, ANNA, 'help'));
    expect(res.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.authorization).toBe('Bearer outgoing-test-token');
    expect(String(connector.sent[0]?.body?.text)).toContain('**Samenspraak** helpt je bestuur');
    // The keys came from the local metadata: nothing else was asked.
    expect(openid.hits).toContain('/v1/keys');
  });

  it.each([
    ['no token', () => null],
    ['an expired token', () => openid.token(APP_ID, connector.url, { expiresIn: -3600 })],
    ['a token for another bot', () => openid.token(APP_ID, connector.url, { audience: 'another-bot-id' })],
    [
      'a token for another service URL',
      () => openid.token(APP_ID, connector.url, { serviceUrl: 'https://smba.example/' }),
    ],
    [
      'a token from another issuer',
      () => openid.token(APP_ID, connector.url, { issuer: 'https://sts.example/' }),
    ],
    ['a token signed with an unknown key', () => openid.token(APP_ID, connector.url, { foreignKey: true })],
    ['a token that is no JWT', () => 'not-a-token'],
  ])('refuses %s with 401 and does nothing', async (_what, token) => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await r.post(personalMessage(r.where, ANNA, 'help'), token());
      expect(res.status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
    expect(connector.calls).toHaveLength(0);
    expect(await r.core.deps.store.repos.members.findByExternal('teams:x', ANNA.aadObjectId)).toBeNull();
    const members = await t.db.query('SELECT id FROM members');
    expect(members.rows).toHaveLength(0);
  });

  it('answers 400 with a message to something that is not an activity, before any authentication', async () => {
    const res = await r.post({ hello: 'world' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'bad_activity',
      message:
        'Dat verzoek kon ik niet lezen. Probeer het opnieuw; blijft het misgaan, meld het dan aan de coördinator.',
    });
    const broken = await fetch(`http://127.0.0.1:${r.http.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(broken.status).toBe(400);
  });
});

describe('Teams without an app id', () => {
  it('runs anonymously for local trials with TEAMS_ANONYMOUS=local, with a loud warning', async () => {
    const r = await startTeamsRig(t, connector, null);
    rig = r;
    expect(r.adapter.mode).toEqual({ kind: 'anonymous' });
    expect(r.logs.find((l) => l.level === 'warn')?.msg).toBe(ANONYMOUS_WARNING);
    const res = await r.post(personalMessage(r.where, ANNA, 'help'), null);
    expect(res.status).toBe(200);
    expect(connector.sent).toHaveLength(1);
  });

  it('refuses to run anonymously in production: Teams stays off, and a half-done configuration stops the start', async () => {
    const { core } = await testCore(t.db);
    const logs: LogLine[] = [];
    Object.assign(core.deps, { logger: capturingLogger(logs) });
    const http = await startHttpServer(0, core.deps.logger, () => true);
    try {
      expect(
        mountTeams(http, loadConfig({ NODE_ENV: 'production' }), core, platformStores(t.db).teams),
      ).toBeNull();
      expect(logs.map((l) => l.msg)).toContain(
        'Teams is disabled: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to enable it (TEAMS_ANONYMOUS=local runs it without authentication for a local trial)',
      );
      const res = await fetch(`http://127.0.0.1:${http.port}/api/messages`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(() =>
        mountTeams(
          http,
          loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_PASSWORD: 'secret' }),
          core,
          platformStores(t.db).teams,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining('MICROSOFT_APP_ID'),
        }),
      );
      expect(() =>
        mountTeams(
          http,
          loadConfig({ NODE_ENV: 'production', TEAMS_ANONYMOUS: 'local' }),
          core,
          platformStores(t.db).teams,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining('TEAMS_ANONYMOUS=local is for a trial on your own machine'),
        }),
      );
      expect(() =>
        mountTeams(
          http,
          loadConfig({
            MICROSOFT_APP_ID: APP_ID,
            MICROSOFT_APP_TYPE: 'SingleTenant',
            MICROSOFT_APP_PASSWORD: 'x',
          }),
          core,
          platformStores(t.db).teams,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining('MICROSOFT_APP_TENANT_ID'),
        }),
      );
      // Anyone can upload a package naming a multi-tenant bot into their own tenant: production asks
      // which tenants are served (before: an unset TEAMS_TENANTS served every tenant silently).
      const multiTenant = { NODE_ENV: 'production', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x' };
      expect(() => teamsMode(loadConfig(multiTenant))).toThrow(
        expect.objectContaining({
          code: 'CONFIG_INVALID',
          message: expect.stringContaining('TEAMS_TENANTS is required in production with a multi-tenant app'),
        }),
      );
      expect(teamsMode(loadConfig({ ...multiTenant, TEAMS_TENANTS: '*' }))).toEqual({
        kind: 'authenticated',
        appId: APP_ID,
      });
      expect(
        teamsMode(loadConfig({ ...multiTenant, TEAMS_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47' })),
      ).toEqual({
        kind: 'authenticated',
        appId: APP_ID,
      });
    } finally {
      await http.close();
    }
  });
});
