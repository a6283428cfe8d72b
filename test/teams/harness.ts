import { mountTeams, type TeamsAdapter } from '../../src/adapters/teams/mount';
import { errorHandler, type HttpServer, startHttpServer } from '../../src/adapters/web/server';
import { loadConfig } from '../../src/config';
import { CLI } from '../../src/core/access';
import type { Core } from '../../src/core/index';
import type { Logger } from '../../src/core/ports';
import { platformStores } from '../../src/store/platform-stores';
import { must, type TestClock, testCore } from '../support/core';
import type { TestDatabase } from '../support/databases';
import type { FakeConnector } from './fake-connector';
import { CORA, TENANT, type Where } from './fixtures';
import type { LocalOpenId } from './openid';

export const APP_ID = '00000000-0000-4000-8000-5a3e05f7a4b1';
export const OUTGOING_TOKEN = 'outgoing-test-token';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

export function capturingLogger(lines: LogLine[]): Logger {
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => {
    lines.push({ level, obj: obj as Record<string, unknown>, msg });
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface TeamsRig {
  core: Core;
  clock: TestClock;
  adapter: TeamsAdapter;
  http: HttpServer;
  where: Where;
  logs: LogLine[];
  /**
   * Posts an activity to /api/messages with a valid token (or the one given; null for none) and waits for
   * the turn to finish; with `answerOnly` it returns as soon as the bot answers the request.
   */
  post(
    activity: object,
    token?: string | null,
    options?: { answerOnly?: boolean },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The real CloudAdapter on the shared express server, a fresh core on the test database, the fake
 * Bot Connector as every activity's serviceUrl and the local OpenID metadata as the token authority.
 */
export async function startTeamsRig(
  t: TestDatabase,
  connector: FakeConnector,
  openid: LocalOpenId | null,
  options: { appId?: string; deadlineMs?: number; at?: string; env?: Record<string, string> } = {},
): Promise<TeamsRig> {
  await t.reset();
  const appId = options.appId ?? (openid ? APP_ID : '');
  const { core, clock } = await testCore(t.db, options.at ?? '2027-03-02T09:00:00Z', [
    `teams:${CORA.aadObjectId}`,
  ]);
  const logs: LogLine[] = [];
  const logger = capturingLogger(logs);
  Object.assign(core.deps, { logger });
  const config = loadConfig({
    NODE_ENV: 'test',
    // The fake connector listens on 127.0.0.1: the one serviceUrl host these tests allow.
    TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
    ...(appId
      ? { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'not-used-in-tests' }
      : { TEAMS_ANONYMOUS: 'local' }),
    ...options.env,
  });
  const http = await startHttpServer(0, logger, () => true);
  const adapter = must(
    mountTeams(http, config, core, platformStores(t.db).teams, {
      deadlineMs: options.deadlineMs,
      outgoingToken: OUTGOING_TOKEN,
      ...(openid
        ? {
            endpoints: {
              openIdMetadataUrl: openid.metadataUrl,
              emulatorOpenIdMetadataUrl: openid.metadataUrl,
              loginUrl: `${openid.url}/botframework.com`,
              oauthUrl: openid.url,
            },
          }
        : {}),
    }),
    'Teams adapter',
  );
  http.app.use(errorHandler(logger));
  const where: Where = { serviceUrl: connector.url, appId };
  const endpoint = `http://127.0.0.1:${http.port}/api/messages`;
  return {
    core,
    clock,
    adapter,
    http,
    where,
    logs,
    async post(activity, token, options = {}) {
      const bearer = token === undefined ? (openid ? openid.token(appId, connector.url) : null) : token;
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      // A command is answered once claimed; what it sends follows (a person sees both).
      if (!options.answerOnly) await adapter.settled();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    },
    async close() {
      await adapter.settled();
      await http.close();
    },
  };
}

/** Boards and a coordinator role for Cora, as the CLI would set them up. */
export async function seedBoards(core: Core) {
  await core.registerBoards(CLI, [
    { duoNumber: '41234', name: 'Stichting Openbaar Onderwijs Noord', region: 'noord' },
    { duoNumber: '42345', name: 'Vereniging Christelijk Primair Onderwijs Zuid', region: 'zuid' },
  ]);
  return {
    boardA: must(await core.deps.store.repos.boards.findByDuo('41234'), 'board 41234'),
    boardB: must(await core.deps.store.repos.boards.findByDuo('42345'), 'board 42345'),
  };
}

export const teamsWorkspace = `teams:${TENANT}`;

/** The adaptive card in a recorded activity. */
export function cardOf(body: Record<string, unknown> | null): Record<string, unknown> {
  const attachments = (body?.attachments ?? []) as {
    contentType: string;
    content: Record<string, unknown>;
  }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no adaptive card in ${JSON.stringify(body).slice(0, 300)}`);
  return card.content;
}

/** Markdown's backslash escapes (a member's words) as Teams shows them: the character itself. */
const shown = (text: string) => text.replace(/\\([\\`*_[\]()<>|#~!])/g, '$1');

/**
 * Every text a card shows (text blocks, fact titles and values, action titles, input labels), in order,
 * as a person reads it (escapes resolved).
 */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label'])
      if (typeof n[key] === 'string' && (key !== 'value' || n.type === undefined))
        out.push(shown(n[key] as string));
    for (const key of ['body', 'items', 'columns', 'facts', 'actions', 'inlineAction'])
      if (n[key] !== undefined) visit(n[key]);
  };
  visit(card);
  return out;
}

/** The inputs of a card by id. */
export function inputsOf(card: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
      found.set(n.id, n);
    for (const key of ['body', 'items', 'columns']) if (n[key] !== undefined) visit(n[key]);
  };
  visit(card);
  return found;
}
