// `npm run bench -- server`: the bot as production runs it (`node dist/main.js`, the embedded database by
// default) against bare apps measured in the same run: Slack command and button acks against a bare Bolt
// app (sequential and 10 at a time), a Teams message against a bare CloudAdapter, start to /healthz against
// a bare express app; start to /readyz, a CLI command beside the running bot, and the memory of the bot
// and of all its processes after a first start and after a restart. Fake Slack and Teams on 127.0.0.1.
// The bot and the bare apps run side by side and take turns, ROUNDS rounds of each load: a slow spell of
// the machine falls on both. Percentiles are over all rounds' requests.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, runTs } from '../test/support/processes';
import { type Fakes, noTimes, percentiles, ROUNDS, round, SECRET, warmUp } from './server-load';

const ROOT = path.resolve(__dirname, '..');

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
  const cloud = await bare('cloudadapter');
  const express = await bare('express');
  await stop(express.child);
  const ours = noTimes();
  const bareTimes = noTimes();
  for (const [port, teams] of [
    [again.port, false],
    [bolt.port, false],
    [again.port, true],
    [cloud.port, true],
  ] as const)
    await warmUp(port, fakes, teams);
  for (let r = 0; r < ROUNDS; r++) {
    await round(again.port, fakes, false, ours);
    await round(bolt.port, fakes, false, bareTimes);
    await round(again.port, fakes, true, ours);
    await round(cloud.port, fakes, true, bareTimes);
  }
  await Promise.all([stop(again.child), stop(bolt.child), stop(cloud.child)]);

  const rows: [string, string, number, number, number | null][] = [];
  const ratio = (what: string, unit: string, ours: number, base: number, goal: number | null) =>
    rows.push([what, unit, ours, base, goal]);
  for (const [key, label] of [
    ['commandSeq', 'Slack command, sequential'],
    ['commandC10', 'Slack command, 10 at a time'],
    ['buttonSeq', 'Slack block_actions, sequential'],
    ['buttonC10', 'Slack block_actions, 10 at a time'],
  ] as const) {
    const [o, b] = [percentiles(ours[key]), percentiles(bareTimes[key])];
    ratio(`${label} p50`, 'ms', o.p50, b.p50, 1.2);
    ratio(`${label} p99`, 'ms', o.p99, b.p99, 1.2);
  }
  const [oursTeams, cloudTeams] = [percentiles(ours.teams), percentiles(bareTimes.teams)];
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
