import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningApp, startServer } from '../../../src/app';
import { runCli } from '../../../src/cli';
import { loadConfig } from '../../../src/config';
import type { Clock } from '../../../src/core/ports';
import { schedulerTick } from '../../../src/delivery/scheduler';
import { FakeSlack } from '../../slack/fake-slack';
import { SIGNING_SECRET } from '../../slack/harness';
import { postgresDatabase, TEST_DATABASE_URL } from '../../support/databases';
import { freePort } from '../../support/processes';
import { FakeConnector } from '../../teams/fake-connector';
import { TENANT } from '../../teams/fixtures';
import { APP_ID, capturingLogger, type LogLine, OUTGOING_TOKEN } from '../../teams/harness';
import { LocalOpenId } from '../../teams/openid';
import { SlackDoor } from './slack-door';
import { TeamsDoor } from './teams-door';

export const SLACK_TEAM = 'T1';
export const DASHBOARD_SECRET = 'journey-dashboard-secret-0123456789abcdef';

/**
 * The journey's clock: set to a moment, it runs on at real speed from there, so what waits (a rate
 * limit's token, a retry) sees time pass; the journey jumps it to the next moment that matters.
 */
export class JourneyClock implements Clock {
  private base: number;
  private setAt = Date.now();
  constructor(at: string) {
    this.base = new Date(at).getTime();
  }
  now() {
    return new Date(this.base + (Date.now() - this.setAt));
  }
  set(at: string) {
    this.base = new Date(at).getTime();
    this.setAt = Date.now();
  }
}

export interface JourneyOptions {
  /** platform:user id of the coordinators (COORDINATORS). */
  coordinators: string[];
  /** Where the injected clock starts. */
  at: string;
  /** TIMEZONE of the installation. */
  timeZone?: string;
  /** On the PostgreSQL server of TEST_DATABASE_URL instead of PGlite in a fresh DATA_DIR. */
  postgres?: boolean;
}

/**
 * The whole app as main.ts starts it (startServer with a configuration from the environment it would
 * read), with the real Slack and Teams senders talking to fake platform servers on 127.0.0.1, a local
 * OpenID authority signing the Bot Framework tokens, and a clock the journey moves. State comes only
 * through the doors: Slack requests, Teams activities, the CLI, the dashboard.
 */
export class Journey {
  readonly slackApi = new FakeSlack();
  readonly connector = new FakeConnector();
  readonly openid = new LocalOpenId();
  readonly clock: JourneyClock;
  readonly logs: LogLine[] = [];
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-journey-'));
  slack!: SlackDoor;
  teams!: TeamsDoor;
  app!: RunningApp;
  baseUrl = '';
  private dropDatabase: (() => Promise<void>) | null = null;
  private env: Record<string, string> = {};

  constructor(private readonly options: JourneyOptions) {
    this.clock = new JourneyClock(options.at);
  }

  async start(): Promise<this> {
    await Promise.all([this.slackApi.start(), this.connector.start(), this.openid.start()]);
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    let databaseUrl: string | undefined;
    if (this.options.postgres && TEST_DATABASE_URL) {
      const pg = await postgresDatabase();
      await pg.db.close();
      databaseUrl = pg.url;
      this.dropDatabase = () => pg.close();
    }
    this.env = {
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: this.dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      TIMEZONE: this.options.timeZone ?? 'Europe/Amsterdam',
      PUBLIC_URL: this.baseUrl,
      DASHBOARD_SECRET,
      COORDINATORS: this.options.coordinators.join(','),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-journey-token',
      SLACK_API_URL: this.slackApi.apiUrl,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-in-tests',
      // The fake Bot Connector listens on loopback; the served tenant is the journeys' own.
      TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
      TEAMS_TENANTS: TENANT,
    };
    const config = loadConfig(this.env);
    this.app = await startServer(config, capturingLogger(this.logs), [], {
      clock: this.clock,
      teams: {
        outgoingToken: OUTGOING_TOKEN,
        endpoints: {
          openIdMetadataUrl: this.openid.metadataUrl,
          emulatorOpenIdMetadataUrl: this.openid.metadataUrl,
          loginUrl: `${this.openid.url}/botframework.com`,
          oauthUrl: this.openid.url,
        },
      },
    });
    this.slack = new SlackDoor(`${this.baseUrl}/slack/events`, this.slackApi, SLACK_TEAM);
    this.teams = new TeamsDoor(
      `${this.baseUrl}/api/messages`,
      this.connector,
      this.openid,
      APP_ID,
      async () => {
        await this.app.teams?.settled();
      },
    );
    return this;
  }

  /**
   * A scheduler tick at the journey's clock, then the outbox worker until nothing it can send now is
   * left: what a running installation does each minute.
   */
  async tick(): Promise<void> {
    const delivery = this.app.delivery;
    if (!delivery) throw new Error('journey: delivery is not running');
    await delivery.scheduler.started;
    await schedulerTick(this.app.core.deps, { cron: '* * * * *', name: 'due', replica: 'journey' }, null);
    // The running worker's own lanes may have claimed a message (and wait for a rate limit): wait for them.
    do await delivery.worker.whenIdle();
    while ((await delivery.worker.drain()).claimed > 0);
    await delivery.worker.whenIdle();
  }

  /** Moves the clock to `at` and ticks. */
  async at(at: string): Promise<void> {
    if (process.env.JOURNEY_TRACE) process.stderr.write(`journey: ${at}\n`);
    this.clock.set(at);
    await this.tick();
  }

  /**
   * `samenspraak …` as typed by a coordinator on the server: the real command, on the running app's
   * database (the CLI opens the same database; in-process, because a PGlite directory has one owner).
   */
  async cli(...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const saved = { ...process.env };
    Object.assign(process.env, this.env);
    try {
      const code = await runCli(argv, (locale) => ({
        locale,
        out: (line) => out.push(line),
        note: (line) => err.push(line),
        withCore: (fn) => fn(this.app.core),
      }));
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      for (const key of Object.keys(this.env)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }

  /**
   * `cycle plan … --json` of the PO-Raad agenda as a coordinator types it, by default the spring cycle
   * the journeys share (15 to 26 March 2027): the command's exit code and the planned cycle.
   */
  async planCycle(p: {
    ambitions: string;
    boards?: string;
    members?: string;
    name?: string;
    opens?: string;
    closes?: string;
  }): Promise<{ code: number | null; id: string; planned: Record<string, unknown> }> {
    const run = await this.cli(
      'cycle',
      'plan',
      '--agenda',
      'po-raad-2022-2026',
      '--name',
      p.name ?? 'Voorjaar 2027',
      '--opens',
      p.opens ?? '2027-03-15',
      '--closes',
      p.closes ?? '2027-03-26',
      '--ambitions',
      p.ambitions,
      ...(p.boards ? ['--boards', p.boards] : []),
      ...(p.members ? ['--members', p.members] : []),
      '--json',
    );
    const planned = run.code === 0 ? (JSON.parse(run.out) as Record<string, unknown>) : {};
    return { code: run.code, id: String(planned.id ?? ''), planned };
  }

  /** A file in the journey's directory (a CSV for the CLI). */
  file(name: string, text: string): string {
    const file = path.join(this.dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  /** `dashboard` typed in Slack by `user`, then the signed link followed: the sign-in's status and cookie. */
  async signInToDashboard(user: string): Promise<{ status: number; cookie: string }> {
    const [link] = await this.slack.command(user, 'dashboard');
    const url = (link?.text ?? '').match(/https?:\/\/\S+?(?=[>|\s)]|$)/)?.[0] ?? '';
    const token = new URL(url).searchParams.get('token') ?? '';
    const login = await fetch(`${this.baseUrl}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    return { status: login.status, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] as string };
  }

  /** GET on the dashboard with a session cookie, following nothing. */
  async get(url: string, cookie?: string): Promise<{ status: number; text: string; headers: Headers }> {
    const res = await fetch(url.startsWith('http') ? url : `${this.baseUrl}${url}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Errors the app reported, for a readable failure. */
  get errors(): LogLine[] {
    return this.logs.filter((l) => l.level === 'error');
  }

  async stop(): Promise<void> {
    await this.slack?.settled();
    await this.app?.stop();
    await Promise.all([this.slackApi.stop(), this.connector.close(), this.openid.close()]);
    await this.dropDatabase?.();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export async function startJourney(options: JourneyOptions): Promise<Journey> {
  return new Journey(options).start();
}
