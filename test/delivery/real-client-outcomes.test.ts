import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SendOutcome } from '../../src/delivery/sender';
import { slackOutcome, teamsOutcome } from '../support/client-outcomes';
import { collect, freePort, runTs } from '../support/processes';

/**
 * The outcome of a failed send, from the errors the real clients throw (@slack/web-api's WebClient,
 * botframework-connector under botbuilder's CloudAdapter) when they talk to a server that fails the way
 * platforms do: before taking the message (429, refused connection, 412) or maybe after (5xx, dropped
 * connection, no answer until the timeout).
 */
type Mode = '429' | '500' | '503' | '412' | '403' | 'reset' | 'hang' | 'internal_error' | 'user_not_found';

async function faultServer() {
  let mode: Mode = '500';
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (mode === 'reset') return req.socket.destroy();
      if (mode === 'hang') return;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (mode === 'internal_error' || mode === 'user_not_found')
        return json(200, { ok: false, error: mode });
      json(
        Number(mode),
        { ok: false, error: { code: 'Failed' } },
        mode === '429' ? { 'retry-after': '3' } : {},
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    set: (m: Mode) => {
      mode = m;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('what the real clients’ failures mean for delivery', () => {
  let fault: Awaited<ReturnType<typeof faultServer>>;
  beforeAll(async () => {
    fault = await faultServer();
  });
  afterAll(() => fault.close());

  it.each([
    ['429', { kind: 'retryAfter', seconds: 3 }],
    ['500', { kind: 'uncertain' }],
    ['503', { kind: 'uncertain' }],
    ['reset', { kind: 'uncertain' }],
    ['hang', { kind: 'uncertain' }],
    ['internal_error', { kind: 'uncertain' }],
    ['user_not_found', { kind: 'permanent', recipientGone: true }],
  ] as const)('Slack WebClient, %s', async (mode, expected) => {
    fault.set(mode);
    expect(await slackOutcome(fault.url)).toMatchObject(expected);
  });

  it.each([
    ['429', { kind: 'retryAfter', seconds: 3 }],
    ['500', { kind: 'uncertain' }],
    ['503', { kind: 'uncertain' }],
    ['412', { kind: 'transient' }],
    ['403', { kind: 'permanent', recipientGone: true }],
    ['reset', { kind: 'uncertain' }],
    ['hang', { kind: 'uncertain' }],
  ] as const)('Bot Connector through CloudAdapter, %s', async (mode, expected) => {
    fault.set(mode);
    expect(await teamsOutcome(fault.url)).toMatchObject(expected);
  });

  // In its own process: under jest's module sandbox the WebClient's `instanceof Error` fails and it drops
  // the cause (the system error code) that production sees.
  it('takes a refused connection as not taken, on both clients', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await collect(runTs('test/support/refused-entry.ts', [closed], {})).done;
    expect(run.stderr).toBe('');
    const outcomes = JSON.parse(run.stdout) as { slack: SendOutcome; teams: SendOutcome };
    expect(outcomes.slack).toMatchObject({
      kind: 'transient',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
    expect(outcomes.teams).toMatchObject({
      kind: 'transient',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  }, 30_000);
});
