// `npm run bench -- delivery`: one cycle's check-ins to 1,000 members through the outbox worker, against fake
// Slack and Teams servers on 127.0.0.1 that enforce the documented rate limits (429 with Retry-After when
// exceeded). Prints the time taken against the floor the limits allow (1,000 ÷ rate), duplicates and
// losses (both must be 0) and the peak memory of the process. `-- delivery --full` also runs Slack at its
// default 300 a minute (a floor of 200 s).
import { spawnSync } from 'node:child_process';
import { CLI } from '../src/core/access';
import { runDue } from '../src/core/due';
import { slackLimits, TEAMS_LIMITS } from '../src/delivery/rate-limiter';
import { OutboxWorker } from '../src/delivery/worker';
import { testCore } from '../test/support/core';
import { TEST_DATABASE_URL } from '../test/support/databases';
import { memoryEmbeddedDb } from '../test/support/embedded-memory';
import { countByKey, startFakePlatform } from '../test/support/fake-platform';
import { fakeSlackSender, fakeTeamsSender } from '../test/support/fake-senders';
import { runningClock } from '../test/support/file-clock';
import { REPLICA_SCENARIOS, type ReplicaScenario, runReplicas } from './delivery-replicas';

const MEMBERS = 1_000;
const OPENS = '2027-03-01T08:00:00Z'; // a Monday, 09:00 in Amsterdam

interface Scenario {
  name: string;
  platform: 'slack' | 'teams';
  /** The workspace- or tenant-wide rate the worker keeps to and the fake enforces, per second. */
  perSecond: number;
  slackPerMinute: number;
  note: string;
}

const scenarios: Scenario[] = [
  {
    name: 'Teams, one tenant',
    platform: 'teams',
    perSecond: 50,
    slackPerMinute: 300,
    note: 'documented limits: 50/s per tenant, 7/s per conversation (each member its own 1:1 chat)',
  },
  {
    name: 'Slack, one workspace',
    platform: 'slack',
    perSecond: 50,
    slackPerMinute: 3_000,
    note: 'a test-speed workspace rate of 3,000/min (default 300/min); 1/s per channel, each DM its own channel',
  },
];
if (process.argv.includes('--full'))
  scenarios.push({
    name: 'Slack at the default rate',
    platform: 'slack',
    perSecond: 5,
    slackPerMinute: 300,
    note: 'SLACK_MESSAGES_PER_MINUTE=300, the default',
  });

const rssMb = () => (process.memoryUsage().rss / 1_048_576).toFixed(0);

async function run(s: Scenario) {
  const db = await memoryEmbeddedDb();
  const rssWithDatabase = rssMb();
  const { core } = await testCore(db, '2027-02-20T09:00:00Z');
  const workspace = s.platform === 'slack' ? 'T-BENCH' : 'tenant-bench';
  await core.registerBoards(CLI, [{ duoNumber: '49999', name: 'Stichting Bench', region: 'noord' }]);
  const ws = await core.deps.store.repos.workspaces.upsert(s.platform, workspace);
  // Members in one statement: meeting 1,000 people one by one is not what is measured.
  await db.query(
    `INSERT INTO members (id, workspace_id, external_id, name, board_id, board_confirmed, time_zone)
     SELECT 'm' || i, $1, 'U' || lpad(i::text, 5, '0'), 'Lid ' || i, (SELECT id FROM boards LIMIT 1), true, 'Europe/Amsterdam'
     FROM generate_series(1, $2::int) AS i`,
    [ws.id, MEMBERS],
  );
  await core.planCycle(CLI, {
    agendaId: 'po-raad-2022-2026',
    name: 'Bench',
    scope: ['a1'],
    audience: { boards: [], members: [] },
    opensAt: new Date(OPENS),
    closesAt: new Date('2027-03-21T22:59:00Z'),
  });
  const fake = await startFakePlatform({
    limits: {
      slackWorkspace: s.platform === 'slack' ? s.perSecond : 1_000,
      slackChannel: 1,
      teamsTenant: s.platform === 'teams' ? s.perSecond : 1_000,
      teamsConversation: 7,
    },
  });
  const deps = { ...core.deps, clock: runningClock(OPENS) };
  const queuedStart = performance.now();
  const due = await runDue(deps);
  const queuedMs = performance.now() - queuedStart;
  const worker = new OutboxWorker(deps, [fakeSlackSender(fake.url), fakeTeamsSender(fake.url)], {
    limits: { slack: slackLimits(s.slackPerMinute), teams: TEAMS_LIMITS },
  });
  const start = performance.now();
  worker.start(20);
  const deadline = start + (MEMBERS / s.perSecond) * 3_000 + 30_000;
  while (countByKey(fake.sends).size < MEMBERS && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 10));
  const seconds = (performance.now() - start) / 1000;
  await worker.stop();
  const unique = countByKey(fake.sends).size;
  const floor = MEMBERS / s.perSecond;
  const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(22)} ${value}\n`);
  process.stdout.write(`\n${s.name}: ${s.note}\n`);
  line('check-ins queued', `${due.checkIns} in ${(queuedMs / 1000).toFixed(2)} s`);
  line('delivered in', `${seconds.toFixed(2)} s`);
  line('floor (1,000 ÷ rate)', `${floor.toFixed(2)} s at ${s.perSecond}/s`);
  line('ratio', `${(seconds / floor).toFixed(3)}`);
  line('duplicates', `${fake.sends.length - unique}`);
  line('losses', `${MEMBERS - unique}`);
  line('429s from the fake', `${fake.stats.rateLimited}`);
  line(
    'peak RSS',
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (${rssWithDatabase} MB of it once PGlite was open)`,
  );
  await fake.close();
  await db.close();
  return { duplicates: fake.sends.length - unique, losses: MEMBERS - unique };
}

/** Each scenario in its own process, so its peak memory is its own. */
async function main() {
  const replicaIndex = process.argv.indexOf('--replicas');
  if (replicaIndex >= 0) {
    const r = await runReplicas(REPLICA_SCENARIOS[Number(process.argv[replicaIndex + 1])] as ReplicaScenario);
    process.exit(r.duplicates || r.losses ? 1 : 0);
  }
  const index = process.argv.indexOf('--scenario');
  if (index >= 0) {
    const r = await run(scenarios[Number(process.argv[index + 1])] as Scenario);
    process.exit(r.duplicates || r.losses ? 1 : 0);
  }
  process.stdout.write(
    `delivery of one cycle to ${MEMBERS} members (PGlite in memory, one worker process)\n`,
  );
  let failed = false;
  for (const i of scenarios.keys()) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', __filename, ...process.argv.slice(2), '--scenario', `${i}`],
      {
        stdio: 'inherit',
      },
    );
    if (child.status !== 0) failed = true;
  }
  if (!TEST_DATABASE_URL)
    process.stdout.write('\nthree replicas: skipped (set TEST_DATABASE_URL to a PostgreSQL server)\n');
  else
    for (const i of REPLICA_SCENARIOS.keys()) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--replicas', `${i}`], {
        stdio: 'inherit',
      });
      if (child.status !== 0) failed = true;
    }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
