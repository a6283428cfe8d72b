import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { postgresDatabase } from './databases';
import {
  countByKey,
  type FakePlatform,
  type FakePlatformOptions,
  type FaultKind,
  startFakePlatform,
} from './fake-platform';
import { OPENS, seedFanOut, waitFor } from './fan-out';
import { setFileClock } from './file-clock';
import { collect, freePort, runTs } from './processes';

/** Every fault the fake can make, for a mix "with everything at once". */
export const ALL_FAULTS: readonly FaultKind[] = [
  '429',
  '500-before',
  '500-after',
  'drop-before',
  'drop-after',
  'hang-after',
];

export interface ReplicaRigOptions {
  slack: number;
  teams: number;
  slackPerMinute: number;
  faults: FakePlatformOptions['faults'];
  seed?: number;
  sendTimeoutMs?: number;
  leaseMs?: number;
}

export interface Replica {
  child: ReturnType<typeof runTs>;
  out: ReturnType<typeof collect>;
}

/**
 * Three (or more) server processes on one fresh PostgreSQL database with the real Slack and Teams senders,
 * against a fake platform that enforces the documented limits and injects faults. The members and the
 * cycle are seeded through the core's commands; each Teams member has the 1:1 chat the install event
 * would have stored (with their Entra object id, for the Graph look-up).
 */
export async function startReplicaRig(options: ReplicaRigOptions) {
  const pg = await postgresDatabase();
  const slackPerSecond = options.slackPerMinute / 60;
  const fake: FakePlatform = await startFakePlatform({
    seed: options.seed ?? 13,
    faults: options.faults,
    retryAfterSeconds: 1,
    latencyMs: 2,
    limits: { slackWorkspace: slackPerSecond, slackChannel: 1, teamsTenant: 50, teamsConversation: 7 },
  });
  const { memberIds } = await seedFanOut(pg.db, { slack: options.slack, teams: options.teams });
  await storeTeamsChats(pg.db, fake.url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-exactly-once-'));
  const clockFile = path.join(dir, 'clock.json');
  setFileClock(clockFile, OPENS);
  const replicas: Replica[] = [];
  const start = async (): Promise<Replica> => {
    const child = runTs('test/support/server-entry.ts', [], {
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      DATABASE_URL: pg.url,
      CLOCK_FILE: clockFile,
      LOG_LEVEL: 'error',
      SLACK_SIGNING_SECRET: 'exactly-once-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-T1',
      SLACK_API_URL: `${fake.url}/slack/api/`,
      SLACK_MESSAGES_PER_MINUTE: String(options.slackPerMinute),
      TEAMS_GRAPH_URL: `${fake.url}/graph`,
      // Teams without Entra ID: the fake platform is on loopback, as a local trial's is.
      TEAMS_ANONYMOUS: 'local',
      DELIVERY_SEND_TIMEOUT_MS: String(options.sendTimeoutMs ?? 1_000),
      DELIVERY_LEASE_MS: String(options.leaseMs ?? 3_000),
      DELIVERY_POLL_MS: '200',
    });
    const replica = { child, out: collect(child) };
    replicas.push(replica);
    // Started means serving: a replica stopped before then would die by the signal, not stop cleanly.
    await waitFor(
      'a replica to start',
      () => replica.out.output().stdout.includes('READY') || child.exitCode !== null,
      60_000,
      () => replica.out.output().stderr.slice(-2_000),
    );
    return replica;
  };
  const expected = memberIds.length;
  const delivered = () => countByKey(fake.sends.filter((s) => s.kind === 'checkin.prompt')).size;
  return {
    pg,
    fake,
    replicas,
    expected,
    start,
    delivered,
    /** Waits until every member has a check-in, then a while longer, in which a late double would show. */
    async settled(ms: number, graceMs = 4_000) {
      await waitFor(
        `${expected} check-ins`,
        () => delivered() >= expected,
        ms,
        () =>
          `${delivered()} so far; ${replicas
            .map((r) => r.out.output().stderr)
            .join('\n')
            .slice(-4_000)}`,
      );
      await new Promise((r) => setTimeout(r, graceMs));
    },
    async close() {
      for (const r of replicas)
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
      const exits = await Promise.all(replicas.map((r) => r.out.done));
      await fake.close();
      await pg.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return exits;
    },
  };
}

/** The personal conversation of each Teams member, as the bot's install in their chat stores it. */
async function storeTeamsChats(db: Db, fakeUrl: string): Promise<void> {
  await db.query(
    `INSERT INTO conversation_refs (workspace_id, conversation_id, kind, member_id, team_id, reference, updated_at)
     SELECT m.workspace_id, 'a:chat-' || m.external_id, 'personal', m.id, NULL,
       jsonb_build_object(
         'channelId', 'msteams', 'serviceUrl', $1::text,
         'conversation', jsonb_build_object('id', 'a:chat-' || m.external_id, 'conversationType', 'personal',
           'tenantId', w.external_id, 'isGroup', false),
         'user', jsonb_build_object('id', m.external_id, 'aadObjectId', 'aad-' || m.external_id),
         'bot', jsonb_build_object('id', '28:app-exactly-once', 'name', 'Samenspraak')),
       now()
     FROM members m JOIN workspaces w ON w.id = m.workspace_id WHERE w.platform = 'teams'`,
    [`${fakeUrl}/teams/`],
  );
}
