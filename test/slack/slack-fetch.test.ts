import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { slackFetch as slackFetchWithin } from '../../src/adapters/slack/slack-fetch';

const slackFetch = slackFetchWithin(5_000);

/**
 * The Slack clients' fetch keeps fetch's contract on a real server on 127.0.0.1: what the Web API client
 * sends arrives as sent, its answer reads back, and a failure rejects the way the global fetch rejects,
 * so delivery tells "not taken" from "maybe taken" the same way (real-client-outcomes.test.ts).
 */

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function server(answer: (seen: Seen, res: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      answer(s, res);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((r) => {
      srv.closeAllConnections();
      srv.close(() => r());
    });
  return { url, seen, close };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const failureOf = async (call: Promise<unknown>) => {
  const err = await call.then(
    () => null,
    (e: unknown) => e as Error & { cause?: { code?: string } },
  );
  if (err === null) throw new Error('the call did not fail');
  return err;
};

describe('the fetch of the Slack clients', () => {
  it('sends a Web API call as the client built it and reads its answer', async () => {
    const s = await server((_seen, res) => json(res, 200, { ok: true, view: { id: 'V1' } }));
    const client = new WebClient('xoxb-1', { slackApiUrl: `${s.url}/api/`, fetch: slackFetch });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Één' }, blocks: [] };
    const answer = await client.views.open({ trigger_id: '1.2.3', view });
    await s.close();
    expect(answer.view?.id).toBe('V1');
    expect(s.seen[0]).toMatchObject({ method: 'POST', url: '/api/views.open' });
    expect(s.seen[0]?.headers.authorization).toBe('Bearer xoxb-1');
    const form = new URLSearchParams(s.seen[0]?.body);
    expect(form.get('trigger_id')).toBe('1.2.3');
    expect(JSON.parse(form.get('view') ?? '')).toEqual(view);
  });

  it('gives a 429 with its Retry-After to the client, which reports the wait', async () => {
    const s = await server((_seen, res) => json(res, 429, { ok: false }, { 'retry-after': '7' }));
    const client = new WebClient('xoxb-1', {
      slackApiUrl: `${s.url}/api/`,
      fetch: slackFetch,
      rejectRateLimitedCalls: true,
    });
    const err = await failureOf(client.chat.postMessage({ channel: 'C1', text: 'x' }));
    await s.close();
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
  });

  it('rejects a refused connection as fetch does, with the system error as cause', async () => {
    const s = await server(() => {});
    await s.close();
    const err = await failureOf(slackFetch(`${s.url}/api/chat.postMessage`, { method: 'POST', body: 'a=1' }));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause?.code).toBe('ECONNREFUSED');
  });

  it('rejects a connection dropped after the request went out the same way', async () => {
    const s = await server((_seen, res) => res.socket?.destroy());
    const err = await failureOf(slackFetch(`${s.url}/x`, { method: 'POST', body: 'a=1' }));
    await s.close();
    expect(s.seen).toHaveLength(1);
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause?.code).toBe('UND_ERR_SOCKET');
  });

  it('ends a call without an answer with the signal’s reason: a timeout', async () => {
    const s = await server(() => {});
    const err = await failureOf(
      slackFetch(`${s.url}/x`, { method: 'POST', body: 'a=1', signal: AbortSignal.timeout(100) }),
    );
    await s.close();
    expect(err.name).toBe('TimeoutError');
  });

  it('ends a call that brings no signal (Bolt’s respond) at its own timeout', async () => {
    const s = await server(() => {});
    const err = await failureOf(slackFetchWithin(100)(`${s.url}/response`, { method: 'POST', body: '{}' }));
    await s.close();
    expect(err.name).toBe('TimeoutError');
    expect(s.seen).toHaveLength(1);
  });

  it('follows a redirect unless asked to refuse it', async () => {
    const s = await server((seen, res) => {
      if (seen.url === '/old') {
        res.writeHead(307, { location: '/new' });
        res.end();
      } else json(res, 200, { ok: true, at: seen.url });
    });
    const followed = await slackFetch(`${s.url}/old`, { method: 'POST', body: 'a=1' });
    const refused = await failureOf(
      slackFetch(`${s.url}/old`, { method: 'POST', body: 'a=1', redirect: 'error' }),
    );
    await s.close();
    expect(await followed.json()).toEqual({ ok: true, at: '/new' });
    expect(refused).toBeInstanceOf(TypeError);
  });

  it('sends a body it does not carry itself (form data) through the global fetch', async () => {
    const s = await server((_seen, res) => json(res, 200, { ok: true }));
    const form = new URLSearchParams({ a: '1', b: 'twee' });
    const answer = await slackFetch(`${s.url}/x`, { method: 'POST', body: form });
    await s.close();
    expect(answer.status).toBe(200);
    expect(s.seen[0]?.body).toBe('a=1&b=twee');
  });

  it('hands a 500’s body and headers to the client, which reports the status', async () => {
    const s = await server((_seen, res) => json(res, 500, { ok: false }, { 'x-slack-req-id': 'r1' }));
    const client = new WebClient('xoxb-1', {
      slackApiUrl: `${s.url}/api/`,
      fetch: slackFetch,
      retryConfig: { retries: 0 },
    });
    const err = (await failureOf(client.chat.postMessage({ channel: 'C1', text: 'x' }))) as unknown as {
      code: string;
      statusCode: number;
      headers: Record<string, string>;
    };
    await s.close();
    expect(err.code).toBe('slack_webapi_http_error');
    expect(err.statusCode).toBe(500);
    expect(err.headers['x-slack-req-id']).toBe('r1');
  });
});
