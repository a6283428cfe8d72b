import { z } from 'zod';
import { type CycleRhythm, parseRhythm, RHYTHM_EXAMPLE } from './core/schedule/rhythm';

/** Environment variables that hold secrets: their values never appear in messages or logs. */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MICROSOFT_APP_PASSWORD',
  'SUMMARY_LLM_API_KEY',
  'DASHBOARD_SECRET',
] as const;

/**
 * The Bot Framework channel hosts Teams sends as `serviceUrl` (public cloud, GCC, GCC High, DoD). Replies
 * and proactive messages only go to these; a sovereign cloud sets TEAMS_SERVICE_URL_HOSTS instead.
 */
export const TEAMS_CHANNEL_HOSTS = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankIsUnset, schema.default(fallback as never));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false; // RangeError is the answer to the question asked
  }
};

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.string().min(1)));

const envSchema = z.object({
  NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
  PORT: withDefault(
    z.coerce.number({ message: 'a whole number from 1 to 65535' }).int().min(1).max(65535),
    3978,
  ),
  DATA_DIR: withDefault(z.string(), './data'),
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, message: 'a URL like postgres://user:password@host:5432/database' }),
  ),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  DEFAULT_LOCALE: withDefault(z.enum(['nl', 'en']), 'nl'),
  TIMEZONE: withDefault(
    z.string().refine(isTimeZone, 'an IANA time zone like Europe/Amsterdam'),
    'Europe/Amsterdam',
  ),
  PUBLIC_URL: optional(
    z.url({ protocol: /^https?$/, message: 'an http(s) URL like https://samenspraak.example.nl' }),
  ),
  AGENDA_FILES: optional(list),
  COORDINATORS: optional(
    list.pipe(
      z.array(
        z
          .string()
          .regex(
            /^(slack|teams):\S+$/,
            'platform:workspace or tenant:user id, like slack:T0123ABC:U0123ABC (platform:user id, like slack:U0123ABC, only with one workspace)',
          ),
      ),
    ),
  ),
  SLACK_SIGNING_SECRET: optional(z.string()),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'a bot token starting with xoxb-')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'an app-level token starting with xapp-')),
  SLACK_CLIENT_ID: optional(z.string()),
  SLACK_CLIENT_SECRET: optional(z.string()),
  SLACK_STATE_SECRET: optional(z.string()),
  SLACK_API_URL: optional(z.url({ message: 'a URL like https://slack.com/api/' })),
  MICROSOFT_APP_ID: optional(z.string()),
  MICROSOFT_APP_PASSWORD: optional(z.string()),
  MICROSOFT_APP_TENANT_ID: optional(z.string()),
  MICROSOFT_APP_TYPE: withDefault(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']), 'MultiTenant'),
  TEAMS_ANONYMOUS: optional(z.enum(['local'], { message: 'local (or unset)' })),
  TEAMS_SERVICE_URL_HOSTS: optional(
    list.pipe(
      z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$|^::1$/i, 'host names, like smba.trafficmanager.net')),
    ),
  ),
  TEAMS_TENANTS: optional(list),
  RETENTION_DAYS: withDefault(
    z.coerce.number({ message: 'a whole number of days, like 365' }).int().min(1),
    365,
  ),
  DIGEST_EVERY_DAYS: withDefault(
    z.coerce.number({ message: 'a whole number of days from 1 to 365, like 14' }).int().min(1).max(365),
    14,
  ),
  SUMMARY_LLM_URL: optional(
    z.url({ protocol: /^https?$/, message: 'an http(s) URL like http://127.0.0.1:8080/v1' }),
  ),
  SUMMARY_LLM_MODEL: optional(z.string()),
  SUMMARY_LLM_API_KEY: optional(z.string()),
  DASHBOARD_SECRET: optional(z.string().min(32, 'a random secret of at least 32 characters')),
  TEAMS_SSO_JWKS_URL: withDefault(
    z.url({ protocol: /^https?$/, message: 'the URL of the Entra key set (JWKS)' }),
    'https://login.microsoftonline.com/common/discovery/v2.0/keys',
  ),
  SLACK_MESSAGES_PER_MINUTE: withDefault(
    z.coerce.number({ message: 'a number of messages per minute, like 300' }).positive().max(60_000),
    300,
  ),
  STEERING_ANSWER_DAYS: withDefault(
    z.coerce.number({ message: 'a number of days, like 5' }).int().min(1).max(365),
    5,
  ),
  DELIVERY_SEND_TIMEOUT_MS: withDefault(
    z.coerce.number({ message: 'milliseconds, like 10000' }).int().min(100).max(120_000),
    10_000,
  ),
  DELIVERY_LEASE_MS: withDefault(
    z.coerce.number({ message: 'milliseconds, like 15000' }).int().min(500).max(600_000),
    15_000,
  ),
  DELIVERY_POLL_MS: withDefault(
    z.coerce.number({ message: 'milliseconds, like 5000' }).int().min(50).max(600_000),
    5_000,
  ),
  TEAMS_GRAPH_URL: optional(
    z.url({
      protocol: /^https?$/,
      message: 'the Microsoft Graph base URL, like https://graph.microsoft.com/v1.0',
    }),
  ),
  CYCLE_RHYTHM: optional(
    z.string().transform((text, ctx) => {
      try {
        return parseRhythm(text);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `a rhythm like "${RHYTHM_EXAMPLE}" (${(err as Error).message})`,
        });
        return z.NEVER;
      }
    }),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** DEFAULT_LOCALE alone, for the CLI's messages before (or without) the whole configuration. */
export function defaultLocaleOf(env: NodeJS.ProcessEnv): 'nl' | 'en' {
  const parsed = envSchema.shape.DEFAULT_LOCALE.safeParse(env.DEFAULT_LOCALE);
  return parsed.success ? parsed.data : 'nl';
}

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
