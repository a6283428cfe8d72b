import type { Config } from '../../config';
import { AppError } from '../../core/errors';

/**
 * Bot Framework endpoints other than the public cloud's: a private cloud, or the local OpenID metadata a
 * test serves. Given any of them, the rest default to the public cloud's values.
 */
export interface TeamsEndpoints {
  /** OpenID metadata of the tokens the channel sends (ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadataUrl?: string;
  /** OpenID metadata of emulator and skill tokens (ToBotFromEmulatorOpenIdMetadataUrl). */
  emulatorOpenIdMetadataUrl?: string;
  /** The issuer of the channel's tokens (ToBotFromChannelTokenIssuer). */
  tokenIssuer?: string;
  /** Where the bot gets its own tokens (ToChannelFromBotLoginUrl). */
  loginUrl?: string;
  /** The audience of the bot's own tokens (ToChannelFromBotOAuthScope). */
  oauthScope?: string;
  /** The user token service (OAuthUrl). */
  oauthUrl?: string;
}

export interface TeamsOptions {
  endpoints?: TeamsEndpoints;
  /**
   * For tests and local tools only: outgoing calls carry this bearer token instead of one from Entra ID,
   * so nothing calls login.microsoftonline.com.
   */
  outgoingToken?: string;
  /** How long an activity may take before Teams gets an answer anyway (it resends after 15 s). */
  deadlineMs?: number;
}

export type TeamsMode =
  | { kind: 'authenticated'; appId: string }
  | { kind: 'anonymous' }
  | { kind: 'disabled'; reason: string };

/**
 * How Teams runs with this configuration. With an app id every request needs a valid Bot Framework
 * token. Without one Teams is off, unless TEAMS_ANONYMOUS=local asks for a local trial (Agents
 * Playground) outside production; a half-done Teams configuration in production stops the start.
 */
export function teamsMode(config: Config): TeamsMode {
  const { appId, appPassword, tenantId, appType } = config.teams;
  if (appId) {
    const missing =
      appType === 'UserAssignedMSI'
        ? tenantId
          ? null
          : 'MICROSOFT_APP_TENANT_ID'
        : !appPassword
          ? 'MICROSOFT_APP_PASSWORD'
          : appType === 'SingleTenant' && !tenantId
            ? 'MICROSOFT_APP_TENANT_ID'
            : null;
    if (missing)
      throw new AppError(
        'CONFIG_INVALID',
        `Teams: ${missing} is required with MICROSOFT_APP_TYPE=${appType}`,
        { detail: `${missing} ontbreekt` },
      );
    if (appType === 'UserAssignedMSI' && appPassword)
      throw new AppError(
        'CONFIG_INVALID',
        'Teams: MICROSOFT_APP_PASSWORD must not be set with MICROSOFT_APP_TYPE=UserAssignedMSI',
        { detail: 'MICROSOFT_APP_PASSWORD hoort niet bij UserAssignedMSI' },
      );
    // Anyone can upload an app package naming a multi-tenant bot into their own tenant: which tenants
    // this installation serves is said explicitly in production (`*` for any).
    if (config.env === 'production' && config.teams.tenants.length === 0 && !config.teams.anyTenant)
      throw new AppError(
        'CONFIG_INVALID',
        'Teams: TEAMS_TENANTS is required in production with a multi-tenant app: the tenant ids this installation serves, comma-separated (or * for any tenant)',
        { detail: 'TEAMS_TENANTS ontbreekt' },
      );
    return { kind: 'authenticated', appId };
  }
  if (config.env === 'production') {
    if (appPassword || tenantId || config.teams.anonymous)
      throw new AppError(
        'CONFIG_INVALID',
        config.teams.anonymous
          ? 'Teams: TEAMS_ANONYMOUS=local is for a trial on your own machine; NODE_ENV=production refuses it. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead.'
          : 'Teams: MICROSOFT_APP_ID is not set, so the bot would run without authentication; production refuses that. Set MICROSOFT_APP_ID (or unset the other MICROSOFT_APP_* variables to run without Teams).',
        { detail: config.teams.anonymous ? 'TEAMS_ANONYMOUS in productie' : 'MICROSOFT_APP_ID ontbreekt' },
      );
  }
  if (config.teams.anonymous) return { kind: 'anonymous' };
  return {
    kind: 'disabled',
    reason:
      'Teams is disabled: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to enable it (TEAMS_ANONYMOUS=local runs it without authentication for a local trial)',
  };
}
