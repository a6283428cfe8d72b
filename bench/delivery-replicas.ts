// The replica scenarios of `npm run bench -- delivery`: three server processes (the same wiring as
// `node dist/main.js`) on one PostgreSQL with the real Slack and Teams senders, against a fake platform
// that enforces the documented limits and fails a fifth of the posts; one process is SIGKILLed a third of
// the way and replaced. Prints the time against the rate floor, duplicates, losses and peak memory.
import fs from 'node:fs';
import type { FaultKind } from '../test/support/fake-platform';
import { waitFor } from '../test/support/fan-out';
import { ALL_FAULTS, type Replica, startReplicaRig } from '../test/support/replica-rig';

export interface ReplicaScenario {
  name: string;
  slack: number;
  teams: number;
  slackPerMinute: number;
  faults: readonly FaultKind[];
}

const WITHOUT_429 = ALL_FAULTS.filter((k) => k !== '429');

export const REPLICA_SCENARIOS: ReplicaScenario[] = [
  {
    name: 'three replicas, real senders, no faults (the baseline of this run)',
    slack: 500,
    teams: 500,
    slackPerMinute: 3_000,
    faults: [],
  },
  {
    name: 'three replicas, real senders, 20% faults: 500 before/after storing, drops before/after, hangs',
    slack: 500,
    teams: 500,
    slackPerMinute: 3_000,
    faults: WITHOUT_429,
  },
  {
    name: 'the same with injected 429s (Retry-After 1 s, pausing the whole workspace) in the mix',
    slack: 500,
    teams: 500,
    slackPerMinute: 3_000,
    faults: ALL_FAULTS,
  },
];

/** The peak resident memory of a live process, from /proc (Linux), in MB. */
function peakMb(replica: Replica): number {
  try {
    const status = fs.readFileSync(`/proc/${replica.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export async function runReplicas(s: ReplicaScenario) {
  const rig = await startReplicaRig({
    slack: s.slack,
    teams: s.teams,
    slackPerMinute: s.slackPerMinute,
    faults: { rate: s.faults.length ? 0.2 : 0, kinds: s.faults },
  });
  const peaks: number[] = [];
  let seconds = 0;
  let progress = '';
  try {
    for (let i = 0; i < 3; i++) await rig.start();
    await waitFor('a third delivered', () => rig.delivered() >= rig.expected / 3, 300_000);
    const killed = rig.replicas[0] as Replica;
    peaks.push(peakMb(killed));
    killed.child.kill('SIGKILL');
    await rig.start();
    await rig.settled(600_000, 4_000);
    for (const r of rig.replicas.slice(1)) peaks.push(peakMb(r));
    const first = Math.min(...rig.fake.requests.map((r) => r.at));
    const firstDelivery = new Map<string, number>();
    for (const send of rig.fake.sends)
      if (send.kind === 'checkin.prompt' && !firstDelivery.has(send.dedupeKey))
        firstDelivery.set(send.dedupeKey, send.at);
    seconds = (Math.max(...firstDelivery.values()) - first) / 1000;
    const times = [...firstDelivery.values()].map((t) => (t - first) / 1000).sort((a, b) => a - b);
    const at = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
    progress = `50% at ${at(0.5)} s, 90% at ${at(0.9)} s, 99% at ${at(0.99)} s`;
  } finally {
    await rig.close();
  }
  const prompts = rig.fake.sends.filter((x) => x.kind === 'checkin.prompt');
  const unique = new Set(prompts.map((x) => x.dedupeKey)).size;
  const floor = Math.max((s.slack - 1) / (s.slackPerMinute / 60), (s.teams - 1) / 50);
  const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(22)} ${value}\n`);
  process.stdout.write(`\n${s.name}\n`);
  line('members', `${s.slack} on Slack (${s.slackPerMinute / 60}/s), ${s.teams} on Teams (50/s per tenant)`);
  line('delivered in', `${seconds.toFixed(2)} s (first post to the last member's check-in)`);
  line('progress', progress);
  line('floor (members ÷ rate)', `${floor.toFixed(2)} s`);
  line('ratio', `${(seconds / floor).toFixed(3)} (goal ≤ 1.15)`);
  // A post that failed still took its slot at the platform: the floor of the posts actually made.
  const posts = (platform: string) => rig.fake.requests.filter((r) => r.platform === platform).length;
  const postFloor = Math.max((posts('slack') - 1) / (s.slackPerMinute / 60), (posts('teams') - 1) / 50);
  line(
    'posts made',
    `${posts('slack')} to Slack, ${posts('teams')} to Teams (failed ones count at the platform)`,
  );
  line('ratio to posts ÷ rate', `${(seconds / postFloor).toFixed(3)} (floor ${postFloor.toFixed(2)} s)`);
  // A post refused before it was stored spent its conversation's slot at the platform: that member's
  // check-in cannot land sooner than one slot later, however the posts are ordered.
  const slotMs = { slack: 1_000, teams: 1_000 / 7 };
  const first = Math.min(...rig.fake.requests.map((r) => r.at));
  const refused = rig.fake.requests.filter((r) => !r.stored);
  const lastRefused = Math.max(first, ...refused.map((r) => r.at + slotMs[r.platform]));
  const bound = Math.max(postFloor, (lastRefused - first) / 1000);
  line(
    'this run’s faults',
    `the last post refused before storing allows an end at ${bound.toFixed(2)} s at best`,
  );
  line('ratio to that bound', `${(seconds / bound).toFixed(3)}`);
  line('duplicates', `${prompts.length - unique}`);
  line('losses', `${rig.expected - unique}`);
  line('faults injected', JSON.stringify(rig.fake.stats.faults));
  line('posts over the limit', `${rig.fake.stats.overLimit}`);
  line('look-ups', `${rig.fake.stats.lookups}`);
  line('peak RSS per replica', `${Math.max(...peaks).toFixed(0)} MB (highest of ${peaks.length})`);
  return { duplicates: prompts.length - unique, losses: rig.expected - unique };
}
