import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { kindOf, parseBody, type RecordedRequest, type RecordedSend, seeded } from './platform-log';

export { countByKey, densestRate, type RecordedRequest, type RecordedSend } from './platform-log';

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
  /**
   * Faults as platforms have them, on this share of posts, drawn (seeded) from `kinds`: a 429 with
   * Retry-After, a 500 before or after the message was stored, a connection dropped before or after it was
   * stored, or no answer at all after storing it (the client's timeout ends it).
   */
  faults?: { rate: number; kinds: readonly FaultKind[] };
}

export type FaultKind = '429' | '500-before' | '500-after' | 'drop-before' | 'drop-after' | 'hang-after';

export interface FakePlatform {
  url: string;
  sends: RecordedSend[];
  requests: RecordedRequest[];
  stats: {
    rateLimited: number;
    serverErrors: number;
    refused: number;
    violations: number;
    lookups: number;
    /** Posts beyond the enforced limits (not the injected 429s). */
    overLimit: number;
    faults: Record<FaultKind, number>;
  };
  close(): Promise<void>;
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
  const requests: RecordedRequest[] = [];
  const faults: Record<FaultKind, number> = {
    '429': 0,
    '500-before': 0,
    '500-after': 0,
    'drop-before': 0,
    'drop-after': 0,
    'hang-after': 0,
  };
  const stats = {
    rateLimited: 0,
    serverErrors: 0,
    refused: 0,
    violations: 0,
    lookups: 0,
    overLimit: 0,
    faults,
  };
  /** Graph's view of Teams 1:1 chats: the cards posted, by the recipient's Entra object id. */
  const chats = new Map<string, { id: string; content: string }[]>();
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
    if (overLimit) stats.overLimit++;
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

  /** The fault for this post, if one is drawn; a 429 is answered like the limits' own. */
  const fault = (wsKey: string): FaultKind | null => {
    if (!options.faults || random() >= options.faults.rate) return null;
    const kinds = options.faults.kinds;
    const kind = kinds[Math.floor(random() * kinds.length)] ?? '500-before';
    faults[kind]++;
    if (kind === '429') {
      stats.rateLimited++;
      blocked.set(wsKey, {
        from: Date.now() + (options.latencyMs ?? 0),
        until: Date.now() + retryAfter * 1000,
      });
    }
    return kind;
  };

  /** Ends a post the way the fault says, after (or instead of) storing it; true when it was ended. */
  const endWithFault = async (
    kind: FaultKind | null,
    res: http.ServerResponse,
    stage: 'before' | 'after',
  ) => {
    if (!kind?.endsWith(stage)) return false;
    if (kind.startsWith('500')) await reply(res, 500, { ok: false, error: 'internal_error' });
    else if (kind.startsWith('drop')) res.socket?.destroy();
    else setTimeout(() => res.socket?.destroy(), 30_000).unref(); // hang: the client gives up first
    return true;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    const url = (req.url ?? '').split('?')[0] ?? '';
    const limits = options.limits;
    if (url === '/slack/api/auth.test') return reply(res, 200, { ok: true, team_id: 'T1', user_id: 'UBOT' });
    if (url === '/slack/api/conversations.open')
      return reply(res, 200, { ok: true, channel: { id: String(body.users) } });
    if (url === '/slack/api/chat.postMessage') {
      const team = String(req.headers.authorization ?? '').replace(/^Bearer xoxb-/, '');
      const channel = String(body.channel);
      const request: RecordedRequest = {
        platform: 'slack',
        workspace: team,
        conversation: channel,
        at: Date.now(),
        stored: false,
      };
      requests.push(request);
      const status = gate(
        `slack:${team}`,
        `slack:${team}:${channel}`,
        limits?.slackWorkspace,
        limits?.slackChannel,
      );
      const drawn = status === null ? fault(`slack:${team}`) : null;
      if (drawn === '429')
        return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      if (await endWithFault(drawn, res, 'before')) return;
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
      const meta =
        (body.metadata as { event_type?: string; event_payload?: { dedupe_key?: string; kind?: string } }) ??
        {};
      const ts = `${Date.now() / 1000}`;
      const dedupeKey = meta.event_payload?.dedupe_key ?? '';
      sends.push({
        platform: 'slack',
        workspace: team,
        conversation: channel,
        dedupeKey,
        kind: meta.event_payload?.kind ?? kindOf(dedupeKey),
        at: Date.now(),
        eventType: meta.event_type,
      });
      request.stored = true;
      if (await endWithFault(drawn, res, 'after')) return;
      return reply(res, 200, { ok: true, channel, ts });
    }
    if (url === '/slack/api/conversations.history') {
      stats.lookups++;
      const team = String(req.headers.authorization ?? '').replace(/^Bearer xoxb-/, '');
      const messages = sends
        .filter((s) => s.platform === 'slack' && s.workspace === team && s.conversation === body.channel)
        .map((s) => ({
          ts: `${s.at / 1000}`,
          metadata: { event_type: s.eventType ?? 'samenspraak', event_payload: { dedupe_key: s.dedupeKey } },
        }));
      return reply(res, 200, { ok: true, messages });
    }
    const graph = /^\/graph\/chats\/([^/]+)\/messages$/.exec(url);
    if (graph) {
      stats.lookups++;
      const aad = /^19:(.+)_[^_]+@unq\.gbl\.spaces$/.exec(decodeURIComponent(graph[1] ?? ''))?.[1] ?? '';
      const value = (chats.get(aad) ?? []).map((m) => ({
        id: m.id,
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: m.content }],
      }));
      return reply(res, 200, { value: value.reverse().slice(0, 50) });
    }
    const teams = /^\/teams\/v3\/conversations\/([^/]+)\/activities$/.exec(url);
    if (teams) {
      const conversation = decodeURIComponent(teams[1] ?? '');
      const channelData = (body.channelData ?? {}) as {
        tenant?: { id?: string };
        dedupeKey?: string;
        kind?: string;
        samenspraak?: { dedupeKey?: string };
      };
      const activity = body as {
        conversation?: { tenantId?: string };
        recipient?: { aadObjectId?: string };
        attachments?: { content?: unknown }[];
      };
      const tenant = channelData.tenant?.id ?? activity.conversation?.tenantId ?? '';
      const request: RecordedRequest = {
        platform: 'teams',
        workspace: tenant,
        conversation,
        at: Date.now(),
        stored: false,
      };
      requests.push(request);
      const status = gate(
        `teams:${tenant}`,
        `teams:${tenant}:${conversation}`,
        limits?.teamsTenant,
        limits?.teamsConversation,
      );
      if (status !== null)
        return reply(res, status, { error: { code: 'Throttled' } }, { 'retry-after': String(retryAfter) });
      const drawn = fault(`teams:${tenant}`);
      if (drawn === '429')
        return reply(res, 429, { error: { code: 'Throttled' } }, { 'retry-after': String(retryAfter) });
      if (await endWithFault(drawn, res, 'before')) return;
      if (options.gone?.has(conversation)) {
        stats.refused++;
        return reply(res, 403, { error: { code: 'MessageWritesBlocked' } });
      }
      const dedupeKey = channelData.samenspraak?.dedupeKey ?? channelData.dedupeKey ?? '';
      sends.push({
        platform: 'teams',
        workspace: tenant,
        conversation,
        dedupeKey,
        kind: channelData.kind ?? kindOf(dedupeKey),
        at: Date.now(),
      });
      request.stored = true;
      const id = `activity-${sends.length}`;
      const aad = activity.recipient?.aadObjectId;
      const card = activity.attachments?.[0]?.content;
      if (aad && card) chats.set(aad, [...(chats.get(aad) ?? []), { id, content: JSON.stringify(card) }]);
      if (await endWithFault(drawn, res, 'after')) return;
      return reply(res, 201, { id });
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
    requests,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
