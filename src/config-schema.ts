// The environment's variables and what each may hold; src/config.ts reads them once into a Config.
import { z } from 'zod';
import { parseRhythm, RHYTHM_EXAMPLE } from './core/schedule/rhythm';
import { isTimeZone } from './core/time';

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

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.string().min(1)));

export const envSchema = z.object({
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
