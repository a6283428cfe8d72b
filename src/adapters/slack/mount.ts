import type { Config } from '../../config';
import type { Core } from '../../core/index';
import type { Queryable } from '../../store/db';
import { slackInstallationRepository } from '../../store/repositories/slack-installations';
import type { HttpServer } from '../web/server';
import { slackEdge } from './edge';
import { createSlackAdapter, type SlackAdapter, slackConfigured } from './slack-app';

/**
 * Slack on the shared server when configured: HTTP mode mounts /slack/events; Socket Mode (with
 * SLACK_APP_TOKEN) connects out instead. Returns null and logs how to enable it otherwise.
 */
export async function mountSlack(
  http: HttpServer,
  config: Config,
  core: Core,
  db: Queryable,
): Promise<SlackAdapter | null> {
  if (!slackConfigured(config)) {
    core.deps.logger.info(
      { platform: 'slack' },
      'Slack is disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET) to enable it',
    );
    return null;
  }
  const slack = createSlackAdapter(config, core, slackInstallationRepository(db));
  if (slack.router) {
    http.app.use(slackEdge(config.slack.signingSecret as string, core.deps.logger));
    http.app.use(slack.router);
  } else await slack.app.start();
  core.deps.logger.info({ platform: 'slack', mode: slack.router ? 'http' : 'socket' }, 'Slack is enabled');
  return slack;
}
