import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (a posted message's channel and ts). */
  result?: Record<string, unknown>;
}

/**
 * A fake Slack Web API on 127.0.0.1: records every call (form or JSON body, as the WebClient sends it),
 * answers with the documented success shapes, and can answer the next calls of a method with 429.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: { url: string; body: Record<string, unknown> }[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  private failures = new Map<string, { count: number; retryAfter: number }>();
  private users = new Map<string, { real_name: string; tz: string; locale: string }>();
  private tsCounter = 1_700_000_000;
  /** What was posted per channel (newest first), for conversations.history. */
  private history = new Map<string, Record<string, unknown>[]>();
  private channelMembers = new Map<string, string[]>();
  url = '';

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl() {
    return `${this.url}/api/`;
  }

  /** A response_url for a slash command or action. */
  responseUrl(name = 'r1') {
    return `${this.url}/response/${name}`;
  }

  user(id: string, realName: string, tz = 'Europe/Amsterdam', locale = 'nl-NL') {
    this.users.set(id, { real_name: realName, tz, locale });
  }

  /** Who is in a channel, for conversations.members. */
  members(channel: string, userIds: string[]) {
    this.channelMembers.set(channel, userIds);
  }

  /** A person's message in a channel, as conversations.history gives it (newest first). */
  said(channel: string, user: string, text: string, ts: string) {
    const message = { type: 'message', user, text, ts };
    this.history.set(channel, [message, ...(this.history.get(channel) ?? [])]);
  }

  failNext(method: string, count: number, retryAfter = 1) {
    this.failures.set(method, { count, retryAfter });
  }

  callsOf(method: string) {
    return this.calls.filter((c) => c.method === method).map((c) => c.body);
  }

  private reply(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Vereniging' };
      case 'users.info': {
        const id = String(body.user);
        const u = this.users.get(id) ?? {
          real_name: `Gebruiker ${id}`,
          tz: 'Europe/Amsterdam',
          locale: 'nl-NL',
        };
        return {
          ok: true,
          user: { id, name: id.toLowerCase(), real_name: u.real_name, tz: u.tz, locale: u.locale },
        };
      }
      case 'chat.postMessage': {
        // Posting to a user id opens the DM: Slack answers with the DM channel's id.
        const channel = String(body.channel).replace(/^U/, 'D');
        const message = {
          type: 'message',
          text: body.text,
          ts: `${this.tsCounter++}.000100`,
          metadata: body.metadata,
        };
        this.history.set(channel, [message, ...(this.history.get(channel) ?? [])]);
        return { ok: true, channel, ts: message.ts, message: { text: body.text } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: String(body.users).replace(/^U/, 'D') } };
      case 'conversations.history': {
        // Newest first; metadata only when asked for, as Slack does.
        const messages = (this.history.get(String(body.channel)) ?? []).map(({ metadata, ...m }) =>
          String(body.include_all_metadata) === 'true' && metadata ? { ...m, metadata } : m,
        );
        return { ok: true, messages, has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.tsCounter++}.000200` };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case 'conversations.members': {
        // Two pages when there are more than two people, so paging is exercised.
        const all = this.channelMembers.get(String(body.channel)) ?? [];
        const start = body.cursor ? Number(body.cursor) : 0;
        const next = all.length > 2 && start === 0 ? '2' : '';
        return {
          ok: true,
          members: next ? all.slice(0, 2) : all.slice(start),
          response_metadata: { next_cursor: next },
        };
      }
      default:
        return { ok: true };
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = '';
    req.on('data', (d: Buffer) => {
      raw += d.toString();
    });
    req.on('end', () => {
      const body = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw || '{}') as Record<string, unknown>)
        : parseForm(raw);
      const url = req.url ?? '';
      if (url.startsWith('/response/')) {
        this.responses.push({ url, body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0] as string;
      const failure = this.failures.get(method);
      if (failure && failure.count > 0) {
        failure.count--;
        this.calls.push({ method: `${method}#429`, body });
        res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const call: SlackCall = { method, body };
      this.calls.push(call);
      call.result = this.reply(method, body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
    });
  }
}

/** The WebClient sends form fields; structured ones (blocks, view) as JSON strings. */
function parseForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v; // not JSON after all: keep the text as Slack would
    }
  }
  return out;
}
