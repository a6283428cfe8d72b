import { mountTeams } from '../../src/adapters/teams/mount';
import { isLoopback, serviceUrlAllowed } from '../../src/adapters/teams/service-url';
import { startHttpServer } from '../../src/adapters/web/server';
import { loadConfig } from '../../src/config';
import { TEAMS_CHANNEL_HOSTS } from '../../src/config-schema';
import { platformStores } from '../../src/store/platform-stores';
import { silentLogger, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from '../teams/fake-connector';
import { ANNA, CORA, personalMessage, TENANT } from '../teams/fixtures';
import { APP_ID, startTeamsRig, type TeamsRig } from '../teams/harness';
import { LocalOpenId } from '../teams/openid';

/** Findings 1 and 2 of issue 11: Teams without proof, and a serviceUrl the bot would call. */

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

const count = async (table: string) =>
  Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]?.n);

describe('finding 1: anyone could act as a coordinator through Teams', () => {
  it('keeps Teams off in a development start without MICROSOFT_APP_ID: the unauthenticated plan gets 404', async () => {
    const { core } = await testCore(t.db, '2027-03-02T09:00:00Z', [`teams:${CORA.aadObjectId}`]);
    const http = await startHttpServer(0, silentLogger, () => true);
    try {
      // The README's own start: no NODE_ENV, no Microsoft app id.
      expect(mountTeams(http, loadConfig({}), core, platformStores(t.db).teams)).toBeNull();
      // The request that planned a cycle as Cora, without any token.
      const res = await fetch(`http://127.0.0.1:${http.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          personalMessage(
            { serviceUrl: connector.url, appId: '' },
            CORA,
            'cyclus plan voorjaar 2027-03-03 2027-03-20',
          ),
        ),
      });
      expect(res.status).toBe(404);
      expect(await count('members')).toBe(0);
      expect(await count('cycles')).toBe(0);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await http.close();
    }
  });

  it('in TEAMS_ANONYMOUS=local, refuses a serviceUrl that is not on this machine, before storing or calling', async () => {
    const r = await startTeamsRig(t, connector, null);
    rig = r;
    const res = await r.post(
      personalMessage({ ...r.where, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, CORA, 'help'),
      null,
    );
    expect(res.status).toBe(403);
    expect(await count('members')).toBe(0);
    expect(await count('conversation_refs')).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it('knows loopback clients from others', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.1'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.5', '::ffff:10.0.0.5', '192.168.1.2', undefined, ''].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('finding 2: the server called any address it was given', () => {
  it('refuses an authenticated activity whose serviceUrl is no channel host: nothing stored, nothing called', async () => {
    const r = await startTeamsRig(t, connector, openid);
    rig = r;
    const evil = 'https://attacker.example/';
    const res = await r.post(
      personalMessage({ ...r.where, serviceUrl: evil }, ANNA, 'help'),
      openid.token(APP_ID, evil),
    );
    expect(res.status).toBe(403);
    expect(await count('members')).toBe(0);
    expect(await count('conversation_refs')).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it('allows https to the Bot Framework channel hosts only (configurable), http only on loopback', () => {
    const hosts = loadConfig({}).teams.serviceUrlHosts;
    expect(hosts).toEqual(TEAMS_CHANNEL_HOSTS);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/emea/', hosts, false)).toBe(true);
    expect(serviceUrlAllowed('http://smba.trafficmanager.net/emea/', hosts, false)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net.attacker.example/', hosts, false)).toBe(false);
    expect(serviceUrlAllowed('https://user:pw@smba.trafficmanager.net/', hosts, false)).toBe(false);
    expect(serviceUrlAllowed('https://169.254.169.254/', hosts, false)).toBe(false);
    const sovereign = loadConfig({ TEAMS_SERVICE_URL_HOSTS: '*.botapi.example.cn' }).teams.serviceUrlHosts;
    expect(serviceUrlAllowed('https://smba.botapi.example.cn/', sovereign, false)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/', sovereign, false)).toBe(false);
  });
});

describe('ids made of control characters', () => {
  it('refuses an account whose id is only NUL bytes (found by the fuzzer: a member with an empty id)', async () => {
    const r = await startTeamsRig(t, connector, openid);
    rig = r;
    const res = await r.post(personalMessage(r.where, { ...ANNA, aadObjectId: '\u0000' }, 'help'));
    expect(res.status).toBe(400);
    expect(await count('members')).toBe(0);
  });
});

describe('identity: a tenant the installation does not know stores nothing', () => {
  it('refuses an activity of another tenant when TEAMS_TENANTS names the served ones', async () => {
    const r = await startTeamsRig(t, connector, openid, {
      env: { TEAMS_TENANTS: 'aaaaaaaa-0000-4000-8000-000000000001' },
    });
    rig = r;
    const res = await r.post(personalMessage(r.where, ANNA, 'help'));
    expect(res.status).toBe(403);
    expect(await count('members')).toBe(0);
    expect(await count('workspaces')).toBe(0);
    const served = await startTeamsRig(t, connector, openid, { env: { TEAMS_TENANTS: TENANT } });
    await r.close();
    rig = served;
    expect((await served.post(personalMessage(served.where, ANNA, 'help'))).status).toBe(200);
  });
});
