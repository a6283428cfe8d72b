// The loads of `npm run bench -- server`: signed Slack commands and buttons, Teams messages, and the time
// each took to answer, in rounds the bot and the bare apps take in turns.
import { performance } from 'node:perf_hooks';
import { sign } from '../test/slack/harness';
import { ANNA, personalMessage } from '../test/teams/fixtures';

export const SECRET = 'bench-signing-secret';
/**
 * Requests per load over all rounds, and the rounds. 1,200 make a p99 the 12th slowest request, not the
 * 3rd of 300, which moved by half from run to run.
 */
const N = 1_200;
export const ROUNDS = 4;

/** Where the fakes in their own process (platform-fakes.ts) listen. */
export interface Fakes {
  slack: string;
  connector: string;
}

export function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** n requests, `concurrency` at a time; the time each took to answer. */
async function load(
  n: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<number[]> {
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
  return times;
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

export type Times = Record<'commandSeq' | 'commandC10' | 'buttonSeq' | 'buttonC10' | 'teams', number[]>;
export const noTimes = (): Times => ({
  commandSeq: [],
  commandC10: [],
  buttonSeq: [],
  buttonC10: [],
  teams: [],
});

function teamsSend(port: number, fakes: Fakes) {
  return () =>
    fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage({ serviceUrl: fakes.connector, appId: '' }, ANNA, 'help')),
    });
}

export async function warmUp(port: number, fakes: Fakes, teams: boolean) {
  if (teams) await load(30, 1, teamsSend(port, fakes));
  else await load(50, 5, (i) => slackPost(port, command(fakes, i)));
}

/** One round of every Slack load, or of the Teams load, added to `into`. */
export async function round(port: number, fakes: Fakes, teams: boolean, into: Times) {
  const n = N / ROUNDS;
  if (teams) {
    into.teams.push(...(await load(n, 1, teamsSend(port, fakes))));
    return;
  }
  into.commandSeq.push(...(await load(n, 1, (i) => slackPost(port, command(fakes, i)))));
  into.commandC10.push(...(await load(n, 10, (i) => slackPost(port, command(fakes, i)))));
  into.buttonSeq.push(...(await load(n, 1, (i) => slackPost(port, button(i)))));
  into.buttonC10.push(...(await load(n, 10, (i) => slackPost(port, button(i)))));
}
