import { linkSigner, loginUrl } from '../../src/adapters/web/dashboard/links';
import { mountDashboard } from '../../src/adapters/web/dashboard/mount';
import { errorHandler, type HttpServer, startHttpServer } from '../../src/adapters/web/server';
import { loadConfig } from '../../src/config';
import type { Core } from '../../src/core/index';
import type { Cycle, Member, UpdateAnswer } from '../../src/core/model';
import { OutboxWorker } from '../../src/delivery/worker';
import { platformStores } from '../../src/store/platform-stores';
import { seedPeople, silentLogger, type TestClock, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { type FakePlatform, startFakePlatform } from '../support/fake-platform';
import { fakeSlackSender } from '../support/fake-senders';
import { LocalEntra } from './entra';
import { teamsHostPage } from './teams-host';

export const APP_ID = '00000000-0000-4000-8000-da5b0a4d0001';
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const TESS_OID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const AGENDA = 'po-raad-2022-2026';

export interface DashboardRig {
  core: Core;
  db: TestDatabase['db'];
  clock: TestClock;
  http: HttpServer;
  base: string;
  fake: FakePlatform;
  entra: LocalEntra;
  people: Awaited<ReturnType<typeof seedPeople>> & { tess: Member };
  spring: Cycle;
  autumn: Cycle;
  /** A fresh sign-in link for the member, as the chat command sends it. */
  link(memberId: string): string;
  /** Serves the mocked Teams host page with this token at /test/teams-host. */
  setHostToken(token: string): void;
  close(): Promise<void>;
}

const answer = (
  itemId: string,
  status: UpdateAnswer['status'],
  progress: number,
  steer = '',
): UpdateAnswer => ({
  itemId,
  status,
  progress,
  done: 'Werkgroep gestart en plan besproken met de scholen.',
  steeringNeeded: steer !== '',
  steeringExplanation: steer,
  link: null,
});

/** Two cycles of the PO-Raad agenda: autumn 2026 closed, spring 2027 open with one board still to answer. */
async function seed(core: Core, clock: TestClock) {
  const people = await seedPeople(core);
  const tess = await core.meetMember('teams', TENANT, {
    externalId: '29:1tess',
    aadObjectId: TESS_OID,
    name: 'Tess Teams',
  });
  const coord = { memberId: people.coordinator.id };
  const plan = (name: string, opens: string, closes: string) =>
    core.planCycle(coord, {
      agendaId: AGENDA,
      name,
      scope: [],
      audience: { boards: [], members: [] },
      opensAt: new Date(opens),
      closesAt: new Date(closes),
    });
  const autumn = await plan('Najaar 2026', '2026-10-01T06:00:00Z', '2026-10-21T21:00:00Z');
  const spring = await plan('Voorjaar 2027', '2027-02-01T07:00:00Z', '2027-02-21T22:00:00Z');
  clock.set('2026-10-01T07:00:00Z');
  await core.runDue();
  clock.set('2026-10-02T09:00:00Z');
  await core.submitUpdate(people.anna.id, {
    cycleId: autumn.id,
    answers: [
      answer('a1', 'attention', 30, 'Te weinig leraren met een leesspecialisatie.'),
      answer('a2', 'on_track', 50),
      answer('a3', 'behind', 10),
      answer('a6', 'not_started', 0),
    ],
  });
  await core.submitUpdate(people.carla.id, {
    cycleId: autumn.id,
    answers: [answer('a1', 'behind', 20), answer('a2', 'attention', 40), answer('a3', 'on_track', 45)],
  });
  await core.sharePractice(people.anna.id, {
    workspaceId: people.anna.workspaceId,
    agendaId: AGENDA,
    title: 'Leesteam met de bibliotheek',
    description: 'Drie scholen werken met de bibliotheek aan leesplezier.',
    ambitionIds: ['a1'],
    instruments: 'Leesmonitor',
    contact: 'anna@example.nl',
  });
  clock.set('2026-10-22T08:00:00Z');
  await core.runDue(); // closes the autumn cycle
  await core.decideSteering(coord, {
    cycleId: autumn.id,
    ambitionId: 'a1',
    decision: 'adjust',
    rationale: 'Twee van de drie besturen lopen achter met lezen.',
    change: { what: 'Een leerkring lezen met de bibliotheek', who: 'Cora Coördinator', by: 'februari 2027' },
  });
  clock.set('2027-02-01T08:00:00Z');
  await core.runDue(); // opens spring
  clock.set('2027-02-02T09:00:00Z');
  await core.submitUpdate(people.anna.id, {
    cycleId: spring.id,
    answers: [
      answer('a1', 'on_track', 60),
      answer('a2', 'on_track', 70),
      answer('a3', 'attention', 30, 'Subsidie voor de brede opdracht loopt af.'),
      answer('a6', 'attention', 20),
    ],
  });
  clock.set('2027-02-03T09:00:00Z'); // Wednesday, 10:00 in Amsterdam
  return { people: { ...people, tess }, autumn, spring };
}

export async function startDashboardRig(): Promise<DashboardRig> {
  const t: TestDatabase = await pgliteDatabase();
  const { core, clock } = await testCore(t.db, '2026-09-01T08:00:00Z', ['slack:UCOORD']);
  const seeded = await seed(core, clock);
  const entra = await new LocalEntra().start();
  const fake = await startFakePlatform();
  const config = loadConfig({
    NODE_ENV: 'test',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-used-in-tests',
    TEAMS_SSO_JWKS_URL: entra.jwksUrl,
  });
  const links = linkSigner(Buffer.from('a-test-secret-that-is-long-enough-for-hmac'), clock);
  const http = await startHttpServer(0, silentLogger, () => true);
  let hostToken = '';
  http.app.get('/test/teams-host', (_req, res) => {
    res.type('html').send(teamsHostPage(hostToken, TENANT, TESS_OID));
  });
  mountDashboard(http, config, core, platformStores(t.db).dashboard, { links });
  http.app.use(errorHandler(silentLogger));
  // The rate limiter counts on the core's clock: waiting moves the hand-moved clock on.
  const worker = new OutboxWorker(core.deps, [fakeSlackSender(fake.url)], {
    replica: 'dashboard-test',
    sleep: async (ms) => {
      clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  worker.start(100);
  const base = `http://127.0.0.1:${http.port}`;
  return {
    core,
    db: t.db,
    clock,
    http,
    base,
    fake,
    entra,
    ...seeded,
    link: (memberId) => loginUrl(base, links.sign(memberId)),
    setHostToken(token) {
      hostToken = token;
    },
    async close() {
      await worker.stop();
      await http.close();
      await fake.close();
      await entra.close();
      await t.close();
    },
  };
}
