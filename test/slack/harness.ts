import { createHmac } from 'node:crypto';
import { mountSlack } from '../../src/adapters/slack/mount';
import type { SlackAdapter } from '../../src/adapters/slack/slack-app';
import { type HttpServer, startHttpServer } from '../../src/adapters/web/server';
import { loadConfig } from '../../src/config';
import { CLI } from '../../src/core/access';
import type { Core } from '../../src/core/index';
import { platformStores } from '../../src/store/platform-stores';
import { must, seedPeople, silentLogger, type TestClock, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeSlack } from './fake-slack';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';

/** Slack's request signature: v0= HMAC-SHA256 of "v0:{timestamp}:{raw body}" with the signing secret. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET) {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRig {
  fake: FakeSlack;
  core: Core;
  /** The core's clock (moved by hand); Slack's signatures use the real one. */
  clock: TestClock;
  /** The mounted adapter: its sender is delivery's way out to Slack. */
  adapter: SlackAdapter;
  t: TestDatabase;
  http: HttpServer;
  /** Posts a raw body to /slack/events, signed (or not), and returns status, body and time taken. */
  post(
    body: string,
    opts?: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; text: string; ms: number }>;
  command(
    text: string,
    fields?: Record<string, string>,
  ): Promise<{ status: number; text: string; ms: number }>;
  interact(payload: Record<string, unknown>): Promise<{ status: number; text: string; ms: number }>;
  event(
    event: Record<string, unknown>,
    opts?: { eventId?: string; retryNum?: number },
  ): Promise<{ status: number; text: string; ms: number }>;
  /** Waits until fn is true (the work after an ack shows). */
  until(fn: () => boolean | Promise<boolean>, ms?: number): Promise<void>;
  /** Waits until every request received so far is fully handled, also the work after its ack. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** `apiUrl` points the app's Web API calls elsewhere than the rig's fake (which still takes response_url posts). */
export async function startSlackRig(
  opts: { coordinators?: string[]; apiUrl?: string } = {},
): Promise<SlackRig> {
  const fake = await new FakeSlack().start();
  const t = await pgliteDatabase();
  const { core, clock } = await testCore(t.db, '2027-03-01T09:00:00Z', opts.coordinators ?? ['slack:UCOORD']);
  // The real clock drives Slack's 5-minute window; the core keeps its test clock.
  const config = loadConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: opts.apiUrl ?? fake.apiUrl,
  });
  const http = await startHttpServer(0, silentLogger, () => true);
  const adapter = must(
    await mountSlack(http, config, core, platformStores(t.db).slackInstallations),
    'Slack adapter',
  );
  // Counts the requests Bolt is still handling: it acks first and works on, so "nothing happened" can be
  // asserted once they are done instead of after a guessed pause.
  let inFlight = 0;
  const processEvent = adapter.app.processEvent.bind(adapter.app);
  adapter.app.processEvent = async (event) => {
    inFlight++;
    try {
      await processEvent(event);
    } finally {
      inFlight--;
    }
  };
  const base = `http://127.0.0.1:${http.port}/slack/events`;
  let eventSeq = 0;
  const rig: SlackRig = {
    fake,
    core,
    clock,
    adapter,
    t,
    http,
    async post(body, o = {}) {
      const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
      const start = Date.now();
      const res = await fetch(base, {
        method: 'POST',
        headers: {
          'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': o.signature ?? sign(body, timestamp),
          ...o.headers,
        },
        body,
      });
      const text = await res.text();
      return { status: res.status, text, ms: Date.now() - start };
    },
    command(text, fields = {}) {
      const body = new URLSearchParams({
        token: 'deprecated-verification-token',
        team_id: 'T1',
        team_domain: 'vereniging',
        channel_id: 'C-KWAL',
        channel_name: 'onderwijskwaliteit',
        user_id: 'UANNA',
        user_name: 'anna',
        command: '/samenspraak',
        text,
        api_app_id: 'A1',
        response_url: fake.responseUrl(),
        trigger_id: '13345224609.738474920.8088930838d88f008e0',
        ...fields,
      }).toString();
      return rig.post(body);
    },
    interact(payload) {
      return rig.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
    event(event, o = {}) {
      const body = JSON.stringify({
        token: 'deprecated-verification-token',
        team_id: 'T1',
        api_app_id: 'A1',
        event,
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${++eventSeq}`,
        event_time: 1_700_000_000,
        authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      });
      return rig.post(body, {
        contentType: 'application/json',
        headers: o.retryNum
          ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' }
          : {},
      });
    },
    async until(fn, ms = 5000) {
      const start = Date.now();
      while (!(await fn())) {
        if (Date.now() - start > ms) throw new Error('timed out waiting for the work after the ack');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    settled() {
      return rig.until(() => inFlight === 0);
    },
    async close() {
      await http.close();
      await fake.stop();
      await t.close();
    },
  };
  return rig;
}

/** A rig whose workspace has the seeded people and #onderwijskwaliteit (C-KWAL) linked to its theme. */
export async function startCommunityRig(): Promise<SlackRig> {
  const rig = await startSlackRig();
  await seedPeople(rig.core);
  await rig.core.linkCommunity(CLI, {
    workspaceId: 'slack:T1',
    channelId: 'C-KWAL',
    theme: 'onderwijskwaliteit',
  });
  return rig;
}
