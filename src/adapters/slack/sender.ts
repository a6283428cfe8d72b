import type { Logger } from '@slack/logger';
import { ErrorCode, type WebAPICallError, WebClient } from '@slack/web-api';
import { toSlackMessage } from '../../cards/index';
import { outboxContent } from '../../cards/outbox-content';
import { AppError } from '../../core/errors';
import type { Core } from '../../core/index';
import {
  outcomeOfHttpStatus,
  outcomeOfNetworkError,
  outcomeOfSlackError,
  renderFailure,
} from '../../delivery/outcomes';
import {
  type LookUpOutcome,
  type OutgoingMessage,
  type Pace,
  type PreparedPost,
  type Sender,
  type SendFailure,
  type SendOutcome,
  unpaced,
} from '../../delivery/sender';
import { reportError } from '../../error-sink';
import { slackText } from './reply';
import { slackFetch } from './slack-fetch';

/** The metadata event type of every message delivery posts; its payload holds the dedupe key. */
const OUTBOX_EVENT = 'samenspraak_outbox';
/** How many of a channel's latest messages an uncertain send looks through for its own. */
const HISTORY_LOOKBACK = 100;

/** Where a row goes: its channel, or the member's user id (chat.postMessage opens the DM). */
const channelOf = (message: OutgoingMessage) => message.conversationId ?? message.memberExternalId;

/** A rendered row: the message's fields for chat.postMessage, and the texts of its thread's replies. */
interface Rendered {
  message: ReturnType<typeof toSlackMessage> | ReturnType<typeof slackText>;
  replies: string[];
}

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

  async send(message: OutgoingMessage, pace: Pace = unpaced): Promise<SendOutcome> {
    const prepared = await this.prepare(message);
    return 'post' in prepared ? prepared.post(pace) : prepared;
  }

  async prepare(message: OutgoingMessage): Promise<PreparedPost | SendFailure> {
    let body: Rendered | null;
    try {
      body = await this.render(message);
    } catch (err) {
      // Rendering again cannot help: a permanent failure, dead-lettered at once with the reason.
      reportError(this.core.deps.logger, err, { platform: 'slack', outbox: message.id, phase: 'render' });
      return renderFailure(err);
    }
    if (!body)
      return { kind: 'permanent', reason: `Slack cannot show "${message.kind}"`, recipientGone: false };
    const channel = channelOf(message);
    if (!channel)
      return { kind: 'permanent', reason: 'no Slack user or channel to send to', recipientGone: false };
    let client: WebClient | null;
    try {
      client = await this.clientFor(message.workspaceExternalId);
    } catch (err) {
      return this.outcome(err as WebAPICallError);
    }
    if (!client)
      return {
        kind: 'permanent',
        reason: `Samenspraak is not installed in ${message.workspaceExternalId}`,
        recipientGone: false,
      };
    const ready = client;
    return {
      post: (pace) =>
        this.post(ready, channel, message, body, pace).catch((err) => this.outcome(err as WebAPICallError)),
    };
  }

  /** Whether an earlier attempt of this uncertain row arrived: its dedupe key in the DM's or channel's history. */
  async lookUp(message: OutgoingMessage): Promise<LookUpOutcome> {
    const channel = channelOf(message);
    if (!channel) return { kind: 'absent' };
    try {
      const client = await this.clientFor(message.workspaceExternalId);
      const found = client ? await this.alreadyPosted(client, channel, message) : null;
      return found ? { kind: 'found', ref: found } : { kind: 'absent' };
    } catch (err) {
      const failure = this.outcome(err as WebAPICallError);
      if (failure.kind !== 'permanent' || failure.recipientGone) return failure;
      // Slack refusing the look-up itself (a missing scope): reported, and posted at-least-once.
      reportError(this.core.deps.logger, err, { platform: 'slack', outbox: message.id, phase: 'lookup' });
      return { kind: 'absent' };
    }
  }

  /** The message for a row: the shared content as Block Kit, with the thread's replies; null when Slack has none. */
  private async render(message: OutgoingMessage): Promise<Rendered | null> {
    const content = await outboxContent(this.core, message, 'slack.welcome');
    if (!content) return null;
    if ('card' in content)
      return {
        message: { ...toSlackMessage(content.card), ...(content.summary ? { text: content.summary } : {}) },
        replies: [],
      };
    return {
      message: slackText(content.text),
      replies: content.replies ?? [],
    };
  }

  private async post(
    client: WebClient,
    channel: string,
    message: OutgoingMessage,
    { message: body, replies }: Rendered,
    pace: Pace,
  ): Promise<SendOutcome> {
    const res = await client.chat.postMessage({
      channel,
      ...body,
      // The dedupe key travels along, so a message can be recognised (delivery's sender contract).
      metadata: { event_type: OUTBOX_EVENT, event_payload: { dedupe_key: message.dedupeKey } },
    });
    const ref = { channel: res.channel, ts: res.ts };
    if (replies.length === 0) return { kind: 'ok', ref };
    return {
      kind: 'ok',
      ref: { ...ref, replies: await this.postReplies(client, message, ref, replies, pace) },
    };
  }

  /**
   * The replies in the thread of the message just posted (a digest: one per ambition), each in its own
   * rate slot of the channel. The root is delivered: a failing reply is reported and ends the thread there
   * rather than posting the root again. Returns how many replies were posted.
   */
  private async postReplies(
    client: WebClient,
    message: OutgoingMessage,
    root: { channel?: string; ts?: string },
    replies: string[],
    pace: Pace,
  ): Promise<number> {
    if (!root.channel || !root.ts) {
      reportError(
        this.core.deps.logger,
        new AppError('DELIVERY_FAILED', 'no thread to post the replies in', { detail: message.dedupeKey }),
        { platform: 'slack', outbox: message.id },
      );
      return 0;
    }
    for (const [i, text] of replies.entries()) {
      try {
        await pace();
        await client.chat.postMessage({
          channel: root.channel,
          thread_ts: root.ts,
          ...slackText(text),
        });
      } catch (err) {
        reportError(this.core.deps.logger, err, { platform: 'slack', outbox: message.id, reply: i });
        return i;
      }
    }
    return replies.length;
  }

  /**
   * An earlier attempt may have been taken by Slack before the process died: look for a message carrying
   * this row's dedupe key among the channel's latest (a DM's channel comes from conversations.open).
   */
  private async alreadyPosted(
    client: WebClient,
    channel: string,
    message: OutgoingMessage,
  ): Promise<{ channel: string; ts: string } | null> {
    const channelId = message.conversationId
      ? channel
      : (await client.conversations.open({ users: channel })).channel?.id;
    if (!channelId) return null;
    const history = await client.conversations.history({
      channel: channelId,
      include_all_metadata: true,
      limit: HISTORY_LOOKBACK,
    });
    const posted = history.messages?.find(
      (m) =>
        m.metadata?.event_type === OUTBOX_EVENT &&
        (m.metadata.event_payload as { dedupe_key?: unknown } | undefined)?.dedupe_key === message.dedupeKey,
    );
    return posted?.ts ? { channel: channelId, ts: posted.ts } : null;
  }

  private outcome(err: WebAPICallError): SendFailure {
    return outcomeOfSlackCall(err, this.core.deps.clock.now());
  }
}

/**
 * What a failed WebClient call means, by the shapes @slack/web-api throws: a rate-limited error with its
 * Retry-After, a platform error (`ok: false`), an HTTP error with its status, or a request error wrapping
 * fetch's failure (`original`, its `cause` holding the system error code; a timeout is a TimeoutError).
 */
export function outcomeOfSlackCall(err: WebAPICallError, now: Date): SendFailure {
  switch (err.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'retryAfter', seconds: err.retryAfter, reason: 'ratelimited' };
    case ErrorCode.PlatformError:
      return outcomeOfSlackError(String(err.data.error));
    case ErrorCode.HTTPError: {
      const retryAfter = (err.headers as Record<string, string | undefined>)?.['retry-after'] ?? null;
      return outcomeOfHttpStatus(err.statusCode, retryAfter, now);
    }
    default:
      return outcomeOfNetworkError(err);
  }
}

/**
 * Clients that leave retrying and rate limits to delivery, one per bot token and kept: a WebClient
 * holds its own queue and HTTP agent, too much to build for every message sent.
 */
export function deliveryClients(
  logger: Logger,
  apiUrl: string | undefined,
  timeoutMs: number,
): (token: string) => WebClient {
  const clients = new Map<string, WebClient>();
  return (token) => {
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        slackApiUrl: apiUrl,
        fetch: slackFetch(timeoutMs),
        logger,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        // Shorter than delivery's lease: a hung call ends as `uncertain` instead of holding its batch.
        timeout: timeoutMs,
      });
      clients.set(token, client);
    }
    return client;
  };
}
