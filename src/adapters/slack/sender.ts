import { ErrorCode, type WebAPICallError, WebClient } from '@slack/web-api';
import { toSlackMessage } from '../../cards/index';
import { outboxContent } from '../../cards/outbox-content';
import { isAppError } from '../../core/errors';
import type { Core } from '../../core/index';
import { outcomeOfHttpStatus, outcomeOfNetworkError, outcomeOfSlackError } from '../../delivery/outcomes';
import type { OutgoingMessage, Sender, SendOutcome } from '../../delivery/sender';
import { textBlocks } from './reply';

/** A Web API client for a workspace; null when the app is not installed there. */
export type ClientFor = (teamId: string) => Promise<WebClient | null>;

/**
 * Delivery's way out to Slack: renders an outbox row and posts it with chat.postMessage (to a user id,
 * which opens the DM, or to a channel). Rate limits are delivery's job, so the client does not retry on
 * its own: a 429 comes back as `retryAfter`, and Slack's permanent refusals mark the member unreachable.
 */
export class SlackSender implements Sender {
  readonly platform = 'slack' as const;

  constructor(
    private readonly core: Core,
    private readonly clientFor: ClientFor,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    let content: Awaited<ReturnType<typeof outboxContent>>;
    try {
      content = await outboxContent(this.core, message, 'slack.welcome');
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { kind: 'permanent', reason: `${err.code}: ${err.message}`, recipientGone: false };
    }
    if (!content)
      return { kind: 'permanent', reason: `Slack cannot show "${message.kind}"`, recipientGone: false };
    const channel = message.conversationId ?? message.memberExternalId;
    if (!channel)
      return { kind: 'permanent', reason: 'no Slack user or channel to send to', recipientGone: false };
    const client = await this.clientFor(message.workspaceExternalId);
    if (!client)
      return {
        kind: 'permanent',
        reason: `Samenspraak is not installed in ${message.workspaceExternalId}`,
        recipientGone: false,
      };
    const body =
      'card' in content
        ? { ...toSlackMessage(content.card), ...(content.summary ? { text: content.summary } : {}) }
        : { text: content.text, blocks: textBlocks(content.text) };
    try {
      const res = await client.chat.postMessage({
        channel,
        ...body,
        // The dedupe key travels along, so a message can be recognised (delivery's sender contract).
        metadata: { event_type: 'samenspraak_outbox', event_payload: { dedupe_key: message.dedupeKey } },
      });
      return { kind: 'ok', ref: { channel: res.channel, ts: res.ts } };
    } catch (err) {
      return this.outcome(err as WebAPICallError);
    }
  }

  private outcome(err: WebAPICallError): SendOutcome {
    switch (err.code) {
      case ErrorCode.RateLimitedError:
        return { kind: 'retryAfter', seconds: err.retryAfter, reason: 'ratelimited' };
      case ErrorCode.PlatformError:
        return outcomeOfSlackError(String(err.data.error));
      case ErrorCode.HTTPError:
        return outcomeOfHttpStatus(err.statusCode, null, this.core.deps.clock.now());
      default:
        return outcomeOfNetworkError(err);
    }
  }
}

/** A client that leaves retrying and rate limits to delivery. */
export function deliveryClient(token: string, apiUrl?: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}
