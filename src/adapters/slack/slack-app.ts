import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import express, { type Router } from 'express';
import type { Config } from '../../config';
import type { Core } from '../../core/index';
import { botTokenAuthorize } from './authorize';
import { acknowledgeEverything, onceMiddleware, slackEdge, unreadableForBolt } from './edge';
import { registerCardActions } from './handlers/card-actions';
import { registerCommands } from './handlers/commands';
import { registerEvents } from './handlers/events';
import { registerLinkShortcut } from './handlers/link-shortcut';
import { databaseInstallationStore, type SlackInstallations } from './installation-store';
import { deliveryClients, SlackSender } from './sender';
import { slackFetch } from './slack-fetch';
import { slackLogger } from './slack-logger';

/** The bot scopes the code needs; the manifest declares the same (a test checks). */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'im:write',
  'im:history',
];

export interface SlackAdapter {
  app: App;
  /** Delivery's way out to Slack. */
  sender: SlackSender;
  /** Mounted on the shared server: /slack/events behind the edge (HTTP mode); null in Socket Mode. */
  router: Router | null;
  /** Socket Mode's connection to Slack (null in HTTP mode): started in the background, never awaited. */
  socket: SocketModeReceiver | null;
}

/** Whether the configuration holds what Slack needs. */
export function slackConfigured(config: Config): boolean {
  const s = config.slack;
  return Boolean(s.signingSecret && (s.botToken || (s.clientId && s.clientSecret && s.stateSecret)));
}

/**
 * The Bolt app on the shared express server: Bolt's receiver verifies the signature and the 5-minute
 * timestamp window of every request and acknowledges events at once (processBeforeResponse is off).
 */
export function createSlackAdapter(
  config: Config,
  core: Core,
  installations: SlackInstallations,
): SlackAdapter {
  const s = config.slack;
  const logger = slackLogger(core.deps.logger);
  const clientOptions = {
    fetch: slackFetch(config.delivery.sendTimeoutMs),
    ...(s.apiUrl ? { slackApiUrl: s.apiUrl } : {}),
  };
  const authorize = s.botToken ? botTokenAuthorize(s.botToken, { ...clientOptions, logger }) : undefined;
  let app: App;
  let router: Router | null = null;
  let socket: SocketModeReceiver | null = null;
  if (s.appToken) {
    // SLACK_API_URL applies to the connection too; its attempts are ours to retry (with backoff), not
    // the Web API client's half hour of retries.
    socket = new SocketModeReceiver({
      appToken: s.appToken,
      logger,
      installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 0 } } },
    });
    // Bolt's conversation store is not used here, and its look-up costs every request.
    app = new App({ receiver: socket, authorize, logger, clientOptions, convoStore: false });
  } else {
    // One workspace with a bot token, or several through OAuth installation (/slack/install).
    const oauth =
      !s.botToken && s.clientId
        ? {
            clientId: s.clientId,
            clientSecret: s.clientSecret,
            stateSecret: s.stateSecret,
            scopes: SLACK_BOT_SCOPES,
            installationStore: databaseInstallationStore(installations),
            installerOptions: { directInstall: true, clientOptions },
          }
        : {};
    const receiver = new ExpressReceiver({
      signingSecret: s.signingSecret as string,
      endpoints: '/slack/events',
      logger,
      processBeforeResponse: false,
      // The edge in front verifies every request with the same function, and a future timestamp too.
      signatureVerification: false,
      processEventErrorHandler: unreadableForBolt(core.deps.logger),
      ...oauth,
    });
    app = new App({ receiver, authorize, logger, clientOptions, convoStore: false });
    // One router, so that Bolt's receiver is never mounted without the edge that verifies for it.
    router = express.Router();
    router.use(slackEdge(s.signingSecret as string, core.deps.logger));
    router.use(receiver.router as unknown as Router);
  }
  acknowledgeEverything(app as never);
  // Retried events (x-slack-retry-num) and resent submissions are acted on once (see edge.ts).
  app.use(onceMiddleware(core));
  registerEvents(app, core);
  registerCommands(app, core, config.defaultLocale);
  registerLinkShortcut(app, core);
  registerCardActions(app, core);
  const installationStore = databaseInstallationStore(installations);
  const clientOf = deliveryClients(logger, s.apiUrl, config.delivery.sendTimeoutMs);
  const sender = new SlackSender(core, async (teamId) => {
    if (s.botToken) return clientOf(s.botToken);
    const installation = await installationStore
      .fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })
      .catch((err: Error) => {
        core.deps.logger.warn({ platform: 'slack', teamId, err }, 'no Slack installation for this workspace');
        return null;
      });
    const token = installation?.bot?.token;
    return token ? clientOf(token) : null;
  });
  return { app, router, sender, socket };
}
