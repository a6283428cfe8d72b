import type { Config } from '../../config';
import type { Core } from '../../core/index';
import { reportError } from '../../error-sink';
import { connectInBackground, PlatformStatus } from '../platform-status';
import type { HttpServer } from '../web/server';
import type { SlackInstallations } from './installation-store';
import { createSlackAdapter, type SlackAdapter, slackConfigured } from './slack-app';

/**
 * Slack on the shared server when configured: HTTP mode mounts /slack/events; Socket Mode (with
 * SLACK_APP_TOKEN) connects out instead, in the background. Returns null and logs how to enable it otherwise.
 */
export async function mountSlack(
  http: HttpServer,
  config: Config,
  core: Core,
  installations: SlackInstallations,
  status: PlatformStatus = new PlatformStatus(),
): Promise<(SlackAdapter & { stop(): Promise<void> }) | null> {
  if (!slackConfigured(config)) {
    core.deps.logger.info(
      { platform: 'slack' },
      'Slack is disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET) to enable it',
    );
    return null;
  }
  const slack = createSlackAdapter(config, core, installations);
  let connection: { stop(): void } | null = null;
  if (slack.router) http.app.use(slack.router);
  else if (slack.socket) {
    // Socket Mode connects out; readiness does not wait for Slack (an unreachable Slack is retried).
    const client = slack.socket.client;
    client.on('reconnecting', () => status.set('slack', 'connecting'));
    client.on('connected', () => status.set('slack', 'connected'));
    connection = connectInBackground('slack', () => slack.app.start(), status, core.deps.logger);
  }
  core.deps.logger.info({ platform: 'slack', mode: slack.router ? 'http' : 'socket' }, 'Slack is enabled');
  return {
    ...slack,
    async stop() {
      connection?.stop();
      if (slack.socket)
        await slack.app
          .stop()
          .catch((err: unknown) => reportError(core.deps.logger, err, { platform: 'slack', step: 'stop' }));
    },
  };
}
