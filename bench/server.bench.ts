// `npm run bench -- server`: the bot as production runs it (`node dist/main.js`, the embedded database by
// default) against bare apps measured in the same run: Slack command and button acks against a bare Bolt
// app (sequential and 10 at a time), a Teams message against a bare CloudAdapter, start to /healthz against
// a bare express app; start to /readyz, a CLI command beside the running bot, and the memory of the bot
// and of all its processes after a first start and after a restart. Fake Slack and Teams on 127.0.0.1.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sign } from '../test/slack/harness';
import { freePort, runTs } from '../test/support/processes';
import { ANNA, personalMessage } from '../test/teams/fixtures';

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'bench-signing-secret';
const N = 300;

const mb = (kb: number) => Math.round(kb / 1024);

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function children(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The process's own memory and that of it and everything it started, after a quiet moment. */
async function memory(pid: number): Promise<{ own: number; all: number }> {
  await new Promise((r) => setTimeout(r, 3_000));
  const all = [pid, ...children(pid)].reduce((sum, p) => sum + rssKb(p), 0);
  return { own: mb(rssKb(pid)), all: mb(all) };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until200(url: string, since: number): Promise<number> {
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 10));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** n requests, `concurrency` at a time; the time each took to answer. */
async function load(n: number, concurrency: number, send: (i: number) => Promise<Response>) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`answer ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return percentiles(times);
}

function slackPost(port: number, body: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, SECRET),
    },
    body,
  });
}

/** Where the fakes in their own process (platform-fakes.ts) listen. */
interface Fakes {
  slack: string;
  connector: string;
}

async function startFakes(): Promise<{ child: ChildProcess; urls: Fakes }> {
  const child = runTs('bench/platform-fakes.ts', [], {});
  const urls = await new Promise<Fakes>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^FAKES (.*)$/m.exec(out);
      if (line?.[1]) resolve(JSON.parse(line[1]) as Fakes);
    });
    child.once('exit', (code) => reject(new Error(`the fakes stopped (${code})`)));
  });
  return { child, urls };
}

const command = (fakes: Fakes, i: number) =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: `U${i % 20}`,
    user_name: 'anna',
    command: '/samenspraak',
    text: 'help',
    api_app_id: 'A1',
    response_url: `${fakes.slack}/response/r1`,
    trigger_id: '1.2.3',
  }).toString();

const button = (i: number) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: `U${i % 20}`, name: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1', domain: 'vereniging' },
      trigger_id: '1.2.3',
      channel: { id: 'D1', name: 'directmessage' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'D1' },
      actions: [
        {
          action_id: 'checkin.open',
          block_id: 'b1',
          value: JSON.stringify({ cycleId: '00000000-0000-4000-8000-000000000000' }),
          type: 'button',
          action_ts: '1700000500.000500',
        },
      ],
    }),
  }).toString();

async function slackLoads(port: number, fakes: Fakes) {
  await load(50, 5, (i) => slackPost(port, command(fakes, i))); // warm-up
  return {
    commandSeq: await load(N, 1, (i) => slackPost(port, command(fakes, i))),
    commandC10: await load(N, 10, (i) => slackPost(port, command(fakes, i))),
    buttonSeq: await load(N, 1, (i) => slackPost(port, button(i))),
    buttonC10: await load(N, 10, (i) => slackPost(port, button(i))),
  };
}

async function teamsLoad(port: number, fakes: Fakes) {
  const send = () =>
    fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage({ serviceUrl: fakes.connector, appId: '' }, ANNA, 'help')),
    });
  await load(30, 1, send);
  return load(N, 1, send);
}

async function main() {
  const built = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const { child: fakesProcess, urls: fakes } = await startFakes();
  const slackEnv = {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${fakes.slack}/api/`,
    // Teams without tokens, as the bare CloudAdapter it is compared with (loopback only).
    TEAMS_ANONYMOUS: 'local',
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-bench-'));

  const bot = async () => {
    const port = await freePort();
    const t0 = performance.now();
    const child = start(['dist/main.js'], { ...slackEnv, PORT: String(port), DATA_DIR: dataDir });
    const healthz = await until200(`http://127.0.0.1:${port}/healthz`, t0);
    const readyz = await until200(`http://127.0.0.1:${port}/readyz`, t0);
    return { child, port, healthz, readyz };
  };
  const first = await bot();
  const firstMemory = await memory(first.child.pid ?? 0);
  await stop(first.child);
  const again = await bot();
  const againMemory = await memory(again.child.pid ?? 0);
  const t0 = performance.now();
  const cli = spawnSync(process.execPath, ['bin/samenspraak.js', 'cycle', 'list'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
  });
  const cliMs = performance.now() - t0;
  if (cli.status !== 0) throw new Error(`cycle list: ${cli.stderr}`);
  const ours = await slackLoads(again.port, fakes);
  const oursTeams = await teamsLoad(again.port, fakes);
  await stop(again.child);

  const bare = async (kind: string, env: Record<string, string> = {}) => {
    const port = await freePort();
    const t = performance.now();
    const child = start(['bench/bare-apps.js', kind, String(port)], env);
    const healthz = kind === 'bolt' ? 0 : await until200(`http://127.0.0.1:${port}/healthz`, t);
    if (kind === 'bolt') await new Promise((r) => setTimeout(r, 1_500));
    return { child, port, healthz };
  };
  const bolt = await bare('bolt', slackEnv);
  const boltMemory = await memory(bolt.child.pid ?? 0);
  const boltLoads = await slackLoads(bolt.port, fakes);
  await stop(bolt.child);
  const cloud = await bare('cloudadapter');
  const cloudTeams = await teamsLoad(cloud.port, fakes);
  await stop(cloud.child);
  const express = await bare('express');
  await stop(express.child);

  const rows: [string, string, number, number, number | null][] = [];
  const ratio = (what: string, unit: string, ours: number, base: number, goal: number | null) =>
    rows.push([what, unit, ours, base, goal]);
  for (const [key, label] of [
    ['commandSeq', 'Slack command, sequential'],
    ['commandC10', 'Slack command, 10 at a time'],
    ['buttonSeq', 'Slack block_actions, sequential'],
    ['buttonC10', 'Slack block_actions, 10 at a time'],
  ] as const) {
    ratio(`${label} p50`, 'ms', ours[key].p50, boltLoads[key].p50, 1.2);
    ratio(`${label} p99`, 'ms', ours[key].p99, boltLoads[key].p99, 1.2);
  }
  ratio('Teams message p50', 'ms', oursTeams.p50, cloudTeams.p50, null);
  ratio('Teams message p99', 'ms', oursTeams.p99, cloudTeams.p99, 1.2);
  ratio('idle memory of the bot, first start', 'MB', firstMemory.own, boltMemory.own, 2.5);
  ratio('idle memory of the bot, restart', 'MB', againMemory.own, boltMemory.own, 2.5);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(['measure', 'Samenspraak', 'bare', 'ratio', 'goal']),
    line(['---', '---:', '---:', '---:', '---']),
    ...rows.map(([what, unit, o, b, goal]) =>
      line([
        what,
        `${o.toFixed(2)} ${unit}`,
        `${b.toFixed(2)} ${unit}`,
        `${(o / b).toFixed(2)}×`,
        goal === null ? '' : `≤ ${goal}× ${o / b <= goal ? 'met' : 'MISSED'}`,
      ]),
    ),
  ];
  const absolute = (what: string, value: number, unit: string, goal: number) =>
    line([
      what,
      `${value.toFixed(0)} ${unit}`,
      '',
      '',
      `≤ ${goal} ${unit} ${value <= goal ? 'met' : 'MISSED'}`,
    ]);
  out.push(
    absolute('start to /healthz, existing data', again.healthz, 'ms', 1_500),
    line(['start to /healthz, bare express', `${express.healthz.toFixed(0)} ms`, '', '', '']),
    absolute('start to /healthz, first start', first.healthz, 'ms', 1_500),
    absolute('start to /readyz, existing data', again.readyz, 'ms', 2_000),
    line(['start to /readyz, first start', `${first.readyz.toFixed(0)} ms`, '', '', '']),
    absolute('CLI `cycle list` beside the running bot', cliMs, 'ms', 1_000),
    absolute('all processes, first start', firstMemory.all, 'MB', 350),
    absolute('all processes, restart', againMemory.all, 'MB', 350),
  );
  process.stdout.write(`${out.join('\n')}\n`);
  await stop(fakesProcess);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
