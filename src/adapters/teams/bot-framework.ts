import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type ConversationParameters,
  type ConversationReference,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Config } from '../../config';
import { connectorPipeline, sdkChanged } from './connector-fence';
import type { TeamsEndpoints, TeamsMode, TeamsOptions } from './settings';

/**
 * Everything of botbuilder the rest of the adapter needs, in one place: the CloudAdapter with its
 * authentication, and a few helpers. botbuilder is archived upstream; keeping its surface here keeps
 * the adapter replaceable.
 */

/** Outgoing calls signed with a fixed token (tests): no call to Entra ID is ever made. */
class FixedTokenCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly token: string,
  ) {
    super();
  }
  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  override async isAuthenticationDisabled(): Promise<boolean> {
    return !this.appId;
  }
  override async createCredentials() {
    const token = this.token;
    return {
      async signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
  }
}

function endpointSettings(endpoints: TeamsEndpoints): Record<string, string | boolean> {
  // Given any endpoint, botbuilder takes all of them as given: fill the rest with the public cloud's.
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: endpoints.loginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: endpoints.oauthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: endpoints.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: endpoints.oauthUrl ?? AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      endpoints.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      endpoints.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The CloudAdapter, with its authenticate-and-run step public: the HTTP route is ours (see mount.ts). */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Authenticates the request, runs the turn, and gives the invoke response (undefined for others). */
  run(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface BotFramework {
  adapter: TeamsCloudAdapter;
  auth: BotFrameworkAuthentication;
  /** The bot's app id ('' when anonymous). */
  appId: string;
  /** The audience of outgoing calls. */
  audience: string;
  /** Every call to the Bot Connector gives up after this (shorter than delivery's lease). */
  timeoutMs: number;
  /** Signs a request to Microsoft Graph with the bot's own token (none when anonymous). */
  graphAuthorization(): Promise<string | null>;
}

export function createBotFramework(config: Config, mode: TeamsMode, options: TeamsOptions): BotFramework {
  checkConnectorInternals();
  const appId = mode.kind === 'authenticated' ? mode.appId : '';
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: mode.kind === 'authenticated' ? (config.teams.appPassword ?? '') : '',
    MicrosoftAppTenantId: config.teams.tenantId ?? '',
    MicrosoftAppType: config.teams.appType,
    ...(options.endpoints ? endpointSettings(options.endpoints) : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
  const credentials =
    options.outgoingToken !== undefined
      ? new FixedTokenCredentialsFactory(appId, options.outgoingToken)
      : undefined;
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const graphCredentials = credentials ?? new ConfigurationServiceClientCredentialFactory(settings as never);
  return {
    adapter: new TeamsCloudAdapter(auth),
    auth,
    appId,
    audience: options.endpoints?.oauthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
    timeoutMs: config.delivery.sendTimeoutMs,
    async graphAuthorization() {
      if (!appId) return null;
      const signer = await graphCredentials.createCredentials(
        appId,
        GRAPH_AUDIENCE,
        settings.ToChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
        true,
      );
      let header: string | null = null;
      await signer.signRequest({
        headers: {
          set(name: string, value: string) {
            if (name.toLowerCase() === 'authorization') header = value;
          },
        },
      } as never);
      return header;
    },
  };
}

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** True for a request Bot Framework authentication refused (missing, expired, badly signed, wrongly addressed). */
export function isAuthenticationFailure(err: unknown): boolean {
  if (err instanceof AuthenticationError) return true;
  const name = (err as { name?: unknown })?.name;
  return name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError';
}

/** A Bot Connector answer that is not a success. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly retryAfter: string | null,
    readonly body: string,
  ) {
    super(`Bot Connector answered HTTP ${statusCode}: ${body.slice(0, 300)}`);
    this.name = 'ConnectorHttpError';
  }
}

interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
  bodyAsText?: string | null;
}
interface Pipeline {
  removePolicy(options: { phase?: 'Retry'; name?: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: unknown, next: (r: unknown) => Promise<PipelineResponse>): Promise<PipelineResponse>;
  }): void;
  getOrderedPolicies(): { name: string }[];
}

const FAIL_POLICY = 'samenspraakFailOnHttpError';

/**
 * botframework-connector 4.23 on @azure/core-client takes any status as an answer (its operations list a
 * `default` response), so a 403 or 429 would pass as sent. This makes the client throw for them, and,
 * for proactive sends, drops its own retries: delivery decides when to try again (Retry-After). Every
 * call times out after `timeoutMs`.
 */
function strict(client: unknown, retries: boolean, timeoutMs: number): void {
  const pipeline = connectorPipeline<Pipeline>(client, ['addPolicy', 'removePolicy', 'getOrderedPolicies']);
  if (!retries) pipeline.removePolicy({ phase: 'Retry' });
  pipeline.removePolicy({ name: FAIL_POLICY });
  pipeline.addPolicy({
    name: FAIL_POLICY,
    async sendRequest(request, next) {
      // The client waits forever by default; a hung call then ends as an AbortError (delivery: uncertain).
      (request as { timeout?: number }).timeout = timeoutMs;
      const response = await next(request);
      if (response.status >= 400)
        throw new ConnectorHttpError(
          response.status,
          response.headers.get('retry-after') ?? null,
          response.bodyAsText ?? '',
        );
      return response;
    },
  });
  const names = pipeline.getOrderedPolicies().map((p) => p.name);
  if (!names.includes(FAIL_POLICY) || (!retries && names.some((n) => /retry/i.test(n))))
    throw sdkChanged(`the connector's policies are now ${names.join(', ')}`);
}

const probe = () =>
  new ConnectorClient({ signRequest: async (r: unknown) => r } as never, { baseUri: 'https://x.invalid' });

/** Checked once at start-up, on a connector client of the installed version (nothing is sent). */
export function checkConnectorInternals(make: () => unknown = probe): void {
  strict(make(), false, 1_000);
}

/** The turn's connector client fails on error answers; with `retries: false` it also stops retrying by itself. */
export function strictConnector(context: TurnContext, retries: boolean, timeoutMs: number): void {
  const adapter = context.adapter as CloudAdapter;
  strict(context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey), retries, timeoutMs);
}

export type { Activity, ConversationReference, TurnContext };

/** A connector client for calls outside a turn (creating a 1:1 chat), without automatic retries. */
async function connectorFor(bot: BotFramework, serviceUrl: string): Promise<ConnectorClient> {
  const claims = new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: bot.appId },
    { type: AuthenticationConstants.AppIdClaim, value: bot.appId },
  ]);
  const client = await bot.auth.createConnectorFactory(claims).create(serviceUrl, bot.audience);
  strict(client, false, bot.timeoutMs);
  return client;
}

/** Posts an activity into a stored conversation (a 1:1 chat or a channel); returns the new activity's id. */
export async function postToConversation(
  bot: BotFramework,
  reference: Partial<ConversationReference>,
  activity: Partial<Activity>,
): Promise<string | null> {
  let id: string | null = null;
  let failure = null as { err: unknown } | null;
  await bot.adapter.continueConversationAsync(bot.appId, reference, async (context) => {
    strictConnector(context, false, bot.timeoutMs);
    // botbuilder would reply to the made-up id of the continuation; a new message (a new thread in a channel) is meant.
    context.onSendActivities(async (_context, activities, next) => {
      for (const a of activities) delete a.replyToId;
      return next();
    });
    try {
      id = (await context.sendActivity(activity))?.id ?? null;
    } catch (err) {
      // Kept from the adapter's turn-error handler: the caller decides what a failed send means.
      failure = { err };
    }
  });
  if (failure) throw failure.err;
  return id;
}

/** Opens a 1:1 chat with a Teams user who never wrote to the bot; returns its conversation reference. */
export async function createPersonalConversation(
  bot: BotFramework,
  to: { serviceUrl: string; tenantId: string; userId: string; botAccount: { id: string; name?: string } },
): Promise<Partial<ConversationReference>> {
  const client = await connectorFor(bot, to.serviceUrl);
  const created = await client.conversations.createConversation({
    isGroup: false,
    bot: to.botAccount,
    members: [{ id: to.userId, name: '' }],
    tenantId: to.tenantId,
    channelData: { tenant: { id: to.tenantId } },
  } as ConversationParameters);
  return {
    channelId: 'msteams',
    serviceUrl: to.serviceUrl,
    bot: { id: to.botAccount.id, name: to.botAccount.name ?? '' },
    user: { id: to.userId, name: '' },
    conversation: {
      id: created.id,
      conversationType: 'personal',
      tenantId: to.tenantId,
      isGroup: false,
      name: '',
    },
  };
}

/** The HTTP status and Retry-After of a failed connector call, when it got an answer. */
export function httpFailure(err: unknown): { status: number; retryAfter: string | null } | null {
  if (err instanceof ConnectorHttpError) return { status: err.statusCode, retryAfter: err.retryAfter };
  const e = err as {
    statusCode?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  if (typeof e?.statusCode !== 'number') return null;
  return { status: e.statusCode, retryAfter: e.response?.headers?.get?.('retry-after') ?? null };
}
