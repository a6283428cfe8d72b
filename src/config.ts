import { type Env, envSchema, SECRET_VARIABLES, TEAMS_CHANNEL_HOSTS } from './config-schema';
import type { CycleRhythm } from './core/schedule/rhythm';

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  dataDir: string;
  databaseUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  defaultLocale: 'nl' | 'en';
  timeZone: string;
  publicUrl?: string;
  agendaFiles: string[];
  coordinators: Set<string>;
  slack: {
    signingSecret?: string;
    botToken?: string;
    appToken?: string;
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
    apiUrl?: string;
  };
  teams: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: Env['MICROSOFT_APP_TYPE'];
    /** TEAMS_ANONYMOUS=local: no tokens, loopback clients and serviceUrls only, never in production. */
    anonymous: boolean;
    /** Hosts a `serviceUrl` may name (`*.` for any subdomain); loopback ones may use http. */
    serviceUrlHosts: string[];
    /** The tenants this installation serves (with MICROSOFT_APP_TENANT_ID); empty = none named. */
    tenants: string[];
    /** TEAMS_TENANTS=*: a multi-tenant app that serves any tenant, asked for explicitly. */
    anyTenant: boolean;
    /** Microsoft Graph, to look up an uncertain send in the member's 1:1 chat (ChatMessage.Read.Chat). */
    graphUrl?: string;
  };
  discussion: {
    retentionDays: number;
    digestEveryDays: number;
    /** An OpenAI-compatible endpoint for summaries; the extractive summariser alone when absent. */
    llm?: { url: string; model: string; apiKey?: string };
  };
  delivery: {
    slackPerMinute: number;
    rhythm?: CycleRhythm;
    /** Every platform call gives up after this (Slack WebClient, Bot Connector, Graph). */
    sendTimeoutMs: number;
    /** How long a claim holds a row; renewed while its batch runs, so a crashed replica's rows return after it. */
    leaseMs: number;
    pollMs: number;
  };
  /** Signs the dashboard's sign-in links; checks Teams SSO tokens against the key set. */
  dashboard: { secret?: string; ssoJwksUrl: string };
  /** Days a steering request may wait for an answer before the coordinators are reminded (once). */
  steeringAnswerDays: number;
}

/**
 * The coordinators setting as the core matches it. `platform:workspace:user` (a Slack team id, a Teams
 * tenant id) names one person. The short `platform:user` is kept only where it is unambiguous: Slack with
 * one bot token (one workspace), Teams with one served tenant; elsewhere it is dropped. Each decision is
 * returned as a note for the start-up log.
 */
export function scopedCoordinators(config: Config): { names: Set<string>; notes: string[] } {
  const names = new Set<string>();
  const notes: string[] = [];
  const teamsTenant = config.teams.tenants.length === 1 ? config.teams.tenants[0] : undefined;
  for (const entry of config.coordinators) {
    const [platform, ...rest] = entry.split(':');
    const full =
      platform === 'slack'
        ? rest.length === 2
        : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:/i.test(rest.join(':'));
    const oneWorkspace = platform === 'slack' ? Boolean(config.slack.botToken) : Boolean(teamsTenant);
    if (full) names.add(entry);
    else if (oneWorkspace) {
      names.add(entry);
      notes.push(
        `COORDINATORS: ${entry} is taken for the one ${platform === 'slack' ? 'Slack workspace of SLACK_BOT_TOKEN' : `Teams tenant ${teamsTenant}`}; write ${platform}:<${platform === 'slack' ? 'team' : 'tenant'} id>:<user id> to be explicit`,
      );
    } else
      notes.push(
        `COORDINATORS: ${entry} is ignored: it names no ${platform === 'slack' ? 'workspace' : 'tenant'} and this installation serves several; write ${platform}:<${platform === 'slack' ? 'team' : 'tenant'} id>:<user id>`,
      );
  }
  return { names, notes };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * A Slack configuration that is half there (a token without its secret, part of OAuth) is a mistake, not
 * a reason to run without Slack: each problem names the missing variable and what asked for it.
 */
function* halfSlack(e: Env): Generator<string> {
  const oauth = {
    SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
  };
  const oauthSet = Object.entries(oauth).filter(([, v]) => v);
  const anyOauth = oauthSet.length > 0;
  if ((e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || anyOauth) && !e.SLACK_SIGNING_SECRET)
    yield `SLACK_SIGNING_SECRET: expected the app's signing secret, because ${e.SLACK_BOT_TOKEN ? 'SLACK_BOT_TOKEN' : e.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : oauthSet[0]?.[0]} is set`;
  if (anyOauth && !e.SLACK_BOT_TOKEN)
    for (const [name, value] of Object.entries(oauth))
      if (!value)
        yield `${name}: expected it with ${oauthSet.map(([n]) => n).join(' and ')} (OAuth installation)`;
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN)
    yield 'SLACK_BOT_TOKEN: expected the bot token (xoxb-…), because SLACK_APP_TOKEN (Socket Mode) is set';
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !anyOauth)
    yield 'SLACK_BOT_TOKEN: expected the bot token (xoxb-…), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, because SLACK_SIGNING_SECRET is set';
}

/** Parses the environment once; a bad value throws a ConfigError naming each variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = env[name];
      const shown =
        (SECRET_VARIABLES as readonly string[]).includes(name) || value === undefined
          ? ''
          : ` (got "${value}")`;
      return `${name}: expected ${issue.message.replace(/^Invalid (input|option): expected /, '')}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.DELIVERY_LEASE_MS <= e.DELIVERY_SEND_TIMEOUT_MS)
    throw new ConfigError([
      `DELIVERY_LEASE_MS: expected more than DELIVERY_SEND_TIMEOUT_MS (${e.DELIVERY_SEND_TIMEOUT_MS}), so a send ends inside its lease`,
    ]);
  const half = [...halfSlack(e)];
  if (e.SUMMARY_LLM_URL && !e.SUMMARY_LLM_MODEL)
    half.push('SUMMARY_LLM_MODEL: expected the model to ask for, because SUMMARY_LLM_URL is set');
  if (half.length) throw new ConfigError(half);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    timeZone: e.TIMEZONE,
    publicUrl: e.PUBLIC_URL,
    agendaFiles: e.AGENDA_FILES ?? [],
    coordinators: new Set(e.COORDINATORS ?? []),
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
      stateSecret: e.SLACK_STATE_SECRET,
      apiUrl: e.SLACK_API_URL,
    },
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      anonymous: e.TEAMS_ANONYMOUS === 'local',
      serviceUrlHosts: e.TEAMS_SERVICE_URL_HOSTS ?? TEAMS_CHANNEL_HOSTS,
      tenants: [
        ...new Set([
          ...(e.MICROSOFT_APP_TENANT_ID ? [e.MICROSOFT_APP_TENANT_ID] : []),
          ...(e.TEAMS_TENANTS ?? []).filter((id) => id !== '*'),
        ]),
      ],
      anyTenant: e.TEAMS_TENANTS?.includes('*') ?? false,
      graphUrl: e.TEAMS_GRAPH_URL,
    },
    discussion: {
      retentionDays: e.RETENTION_DAYS,
      digestEveryDays: e.DIGEST_EVERY_DAYS,
      llm:
        e.SUMMARY_LLM_URL && e.SUMMARY_LLM_MODEL
          ? { url: e.SUMMARY_LLM_URL, model: e.SUMMARY_LLM_MODEL, apiKey: e.SUMMARY_LLM_API_KEY }
          : undefined,
    },
    delivery: {
      slackPerMinute: e.SLACK_MESSAGES_PER_MINUTE,
      rhythm: e.CYCLE_RHYTHM,
      sendTimeoutMs: e.DELIVERY_SEND_TIMEOUT_MS,
      leaseMs: e.DELIVERY_LEASE_MS,
      pollMs: e.DELIVERY_POLL_MS,
    },
    dashboard: { secret: e.DASHBOARD_SECRET, ssoJwksUrl: e.TEAMS_SSO_JWKS_URL },
    steeringAnswerDays: e.STEERING_ANSWER_DAYS,
  };
}
