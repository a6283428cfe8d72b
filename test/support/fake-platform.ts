import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API and Teams Bot Connector on 127.0.0.1, as far as delivery uses them. It records every
 * message it accepts, can answer a share of sends with 429 or 5xx (seeded, so runs repeat), enforces rate
 * limits as token buckets of the documented per-second limits, and counts requests that came back before
 * the Retry-After it gave had passed.
 */
export interface FakePlatformOptions {
  /** Share of sends answered with a failure instead of being accepted. */
  failRate?: number;
  failWith?: readonly number[];
  seed?: number;
  retryAfterSeconds?: number;
  /** Per second: per Slack workspace and per channel, per Teams tenant and per conversation. */
  limits?: { slackWorkspace: number; slackChannel: number; teamsTenant: number; teamsConversation: number };
  /** Time the fake takes to answer, after it recorded the message. */
  latencyMs?: number;
  /** User ids the platform refuses for good (Slack user_not_found, Teams 403). */
  gone?: ReadonlySet<string>;
}

export interface RecordedSend {
  platform: 'slack' | 'teams';
  workspace: string;
  conversation: string;
  dedupeKey: string;
  kind: string;
  at: number;
}

export interface FakePlatform {
  url: string;
  sends: RecordedSend[];
  stats: { rateLimited: number; serverErrors: number; refused: number; violations: number; lookups: number };
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A request counts as ignoring Retry-After when it arrives after the client had the 429 (plus the time a
 * request already on its way needs to land) and before the wait is over (less timer granularity).
 */
const IN_FLIGHT_MS = 50;
const TOLERANCE_MS = 30;

export async function startFakePlatform(options: FakePlatformOptions = {}): Promise<FakePlatform> {
  const random = seeded(options.seed ?? 42);
  const sends: RecordedSend[] = [];
  const stats = { rateLimited: 0, serverErrors: 0, refused: 0, violations: 0, lookups: 0 };
  const blocked = new Map<string, { from: number; until: number }>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const retryAfter = options.retryAfterSeconds ?? 1;

  /** A token from the bucket of key (capacity: one second's worth), or false when it is empty. */
  const take = (key: string, perSecond: number, now: number) => {
    const b = buckets.get(key) ?? { tokens: perSecond, at: now };
    b.tokens = Math.min(perSecond, b.tokens + ((now - b.at) * perSecond) / 1000);
    b.at = now;
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };

  /** null when the send may go ahead; otherwise the HTTP status to answer. */
  const gate = (wsKey: string, convKey: string, wsLimit?: number, convLimit?: number): number | null => {
    const now = Date.now();
    const block = blocked.get(wsKey);
    if (block && now < block.until - TOLERANCE_MS) {
      if (now > block.from + IN_FLIGHT_MS) stats.violations++;
      stats.rateLimited++;
      return 429;
    }
    const overLimit =
      (wsLimit !== undefined && !take(wsKey, wsLimit, now)) ||
      (convLimit !== undefined && !take(convKey, convLimit, now));
    const injected = !overLimit && random() < (options.failRate ?? 0);
    const status = overLimit
      ? 429
      : injected
        ? ((options.failWith ?? [429, 500, 502, 503])[
            Math.floor(random() * (options.failWith?.length ?? 4))
          ] ?? 500)
        : null;
    if (status === 429) {
      stats.rateLimited++;
      blocked.set(wsKey, { from: now + (options.latencyMs ?? 0), until: now + retryAfter * 1000 });
    } else if (status !== null) stats.serverErrors++;
    return status;
  };

  const reply = async (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const url = req.url ?? '';
    const limits = options.limits;
    if (url === '/slack/api/chat.postMessage') {
      const team = String(req.headers.authorization ?? '').replace(/^Bearer xoxb-/, '');
      const channel = String(body.channel);
      const status = gate(
        `slack:${team}`,
        `slack:${team}:${channel}`,
        limits?.slackWorkspace,
        limits?.slackChannel,
      );
      if (status !== null)
        return reply(
          res,
          status,
          { ok: false, error: status === 429 ? 'ratelimited' : 'internal_error' },
          {
            'retry-after': String(retryAfter),
          },
        );
      if (options.gone?.has(channel)) {
        stats.refused++;
        return reply(res, 200, { ok: false, error: 'user_not_found' });
      }
      const meta = (body.metadata as { event_payload?: { dedupe_key?: string; kind?: string } }) ?? {};
      const ts = `${Date.now() / 1000}`;
      sends.push({
        platform: 'slack',
        workspace: team,
        conversation: channel,
        dedupeKey: meta.event_payload?.dedupe_key ?? '',
        kind: meta.event_payload?.kind ?? '',
        at: Date.now(),
      });
      return reply(res, 200, { ok: true, channel, ts });
    }
    if (url === '/slack/api/conversations.history') {
      stats.lookups++;
      const team = String(req.headers.authorization ?? '').replace(/^Bearer xoxb-/, '');
      const messages = sends
        .filter((s) => s.platform === 'slack' && s.workspace === team && s.conversation === body.channel)
        .map((s) => ({ ts: `${s.at / 1000}`, metadata: { event_payload: { dedupe_key: s.dedupeKey } } }));
      return reply(res, 200, { ok: true, messages });
    }
    const teams = /^\/teams\/v3\/conversations\/([^/]+)\/activities$/.exec(url);
    if (teams) {
      const conversation = decodeURIComponent(teams[1] ?? '');
      const channelData = (body.channelData ?? {}) as {
        tenant?: { id?: string };
        dedupeKey?: string;
        kind?: string;
      };
      const tenant = channelData.tenant?.id ?? '';
      const status = gate(
        `teams:${tenant}`,
        `teams:${tenant}:${conversation}`,
        limits?.teamsTenant,
        limits?.teamsConversation,
      );
      if (status !== null)
        return reply(res, status, { error: { code: 'Throttled' } }, { 'retry-after': String(retryAfter) });
      if (options.gone?.has(conversation)) {
        stats.refused++;
        return reply(res, 403, { error: { code: 'MessageWritesBlocked' } });
      }
      sends.push({
        platform: 'teams',
        workspace: tenant,
        conversation,
        dedupeKey: channelData.dedupeKey ?? '',
        kind: channelData.kind ?? '',
        at: Date.now(),
      });
      return reply(res, 201, { id: `activity-${sends.length}` });
    }
    return reply(res, 404, { error: 'no such fake endpoint' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(500);
      res.end(err.message);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How many times each dedupe key arrived. */
export function countByKey(sends: readonly RecordedSend[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sends) counts.set(s.dedupeKey, (counts.get(s.dedupeKey) ?? 0) + 1);
  return counts;
}
