import type { Authorize } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';

const AUTH_TEST_TIMEOUT_MS = 2_000;

/**
 * Authorisation for one workspace with a bot token. Bolt's own (`token` option) starts `auth.test`
 * in its constructor and leaves the promise unobserved until the first request: with Slack
 * unreachable at start-up it retries for half an hour and then rejects unhandled, which ends the
 * process. Here `auth.test` runs at the first request, its answer is kept, and a failure is
 * handed to Bolt (which logs it and answers that request) and tried again on the next one. It is
 * not retried within a request and times out well before Slack's 3-second acknowledgement bound. A request
 * of another workspace than the token's is refused (Bolt acknowledges it and calls no listener).
 */
export function botTokenAuthorize(
  botToken: string,
  clientOptions: WebClientOptions = {},
): Authorize<boolean> {
  const client = new WebClient(botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    timeout: AUTH_TEST_TIMEOUT_MS,
  });
  let identity: Promise<{ botId: string; botUserId: string; teamId: string }> | null = null;
  return async ({ isEnterpriseInstall, teamId }) => {
    identity ??= client.auth.test().then(
      (result) => ({
        botId: String(result.bot_id ?? ''),
        botUserId: String(result.user_id ?? ''),
        teamId: String(result.team_id ?? ''),
      }),
      (err: unknown) => {
        identity = null;
        throw err;
      },
    );
    const { botId, botUserId, teamId: ours } = await identity;
    // A bot token serves one workspace: a request naming another is refused before anything is stored.
    if (teamId !== ours)
      throw new Error(`team ${String(teamId).slice(0, 40)} is not this bot token's workspace`);
    return { isEnterpriseInstall, botToken, botId, botUserId, teamId: ours };
  };
}
