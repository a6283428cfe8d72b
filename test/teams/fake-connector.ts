import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  /** The path with its conversation and activity ids decoded. */
  path: string;
  conversationId: string | null;
  activityId: string | null;
  body: Record<string, unknown> | null;
  authorization: string | undefined;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  times: number;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: string;
}

/**
 * The Bot Connector of a Teams region (the activity's serviceUrl), on 127.0.0.1: records what the bot
 * sends, updates and creates, serves a team roster, and answers with a scripted status (429, 403 …) when
 * told to.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly rosters = new Map<string, RosterMember[]>();
  private readonly failures: Failure[] = [];
  private server: http.Server | null = null;
  private seq = 0;
  private conversations = 0;
  url = '';
  /** How long each answer takes (a slow region). */
  delayMs = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => {
        raw += chunk.toString();
      });
      req.on('end', () => setTimeout(() => this.answer(req, res, raw), this.delayMs));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The next `times` calls of method on a matching path get this answer instead. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    options: { headers?: Record<string, string>; body?: unknown; times?: number } = {},
  ) {
    this.failures.push({
      method,
      path,
      status,
      headers: options.headers ?? {},
      body: options.body ?? {
        error: { code: status === 403 ? 'MessageWritesBlocked' : 'Failed', message: `HTTP ${status}` },
      },
      times: options.times ?? 1,
    });
  }

  /** Activities posted into conversations (new messages and replies). */
  get sent(): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && c.conversationId && c.path.includes('/activities'),
    );
  }

  get updated(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  get created(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
  }

  reset() {
    this.calls.length = 0;
    this.failures.length = 0;
    this.rosters.clear();
    this.seq = 0;
    this.conversations = 0;
    this.delayMs = 0;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').map((p) => decodeURIComponent(p));
    const path = parts.join('/');
    const conversationId = parts[2] === 'conversations' && parts[3] ? parts[3] : null;
    const activityId = parts[4] === 'activities' && parts[5] ? parts[5] : null;
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    } catch {
      body = { unparsed: raw };
    }
    const method = req.method ?? 'GET';
    this.calls.push({
      method,
      path,
      conversationId,
      activityId,
      body,
      authorization: req.headers.authorization,
    });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (failure) {
      failure.times--;
      reply(failure.status, failure.body, failure.headers);
      return;
    }
    if (method === 'POST' && path === '/v3/conversations') {
      reply(201, { id: `a:created-${++this.conversations}`, serviceUrl: this.url });
      return;
    }
    if (method === 'POST' && conversationId && parts[4] === 'activities') {
      reply(201, { id: `activity-${++this.seq}` });
      return;
    }
    if (method === 'PUT' && conversationId && activityId) {
      reply(200, { id: activityId });
      return;
    }
    if (method === 'GET' && conversationId && parts[4] === 'pagedmembers') {
      reply(200, { members: this.rosters.get(conversationId) ?? [] });
      return;
    }
    if (method === 'GET' && conversationId && parts[4] === 'members' && parts[5]) {
      const member = (this.rosters.get(conversationId) ?? []).find(
        (m) => m.id === parts[5] || m.aadObjectId === parts[5],
      );
      if (member) reply(200, member);
      else reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      return;
    }
    reply(404, { error: { code: 'NotFound', message: `no route ${method} ${path}` } });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
