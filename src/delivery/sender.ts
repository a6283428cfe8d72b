import type { ClaimedMessage } from '../core/delivery-ports';
import type { Platform } from '../core/model';

/**
 * One outbox row to send, addressed: `kind` and `payload` say what to render, `memberExternalId` (1:1 chat)
 * or `conversationId` (a channel) where, `workspaceExternalId` in which Slack workspace or Teams tenant.
 */
export type OutgoingMessage = ClaimedMessage;

/**
 * What the platform said to one send. The worker turns each into the row's next state:
 * - `ok`: delivered. `ref` says where (Slack `{ channel, ts }`, Teams `{ conversationId, activityId }`); it is
 *   stored in outbox.result and, for a check-in prompt, in check_ins.message_ref to update the card in place.
 * - `retryAfter`: HTTP 429. Sending to this workspace or tenant pauses `seconds` (the Retry-After header),
 *   then the row is tried again; it does not count as a failed attempt.
 * - `transient`: the platform did not take it (412, a connection refused before the request was written):
 *   retried with exponential backoff and jitter, dead-lettered after the last attempt and shown to the
 *   coordinators.
 * - `permanent`: refused for good. `recipientGone` (Teams 403 MessageWritesBlocked, Slack user_not_found,
 *   account_inactive, channel_not_found) marks the member unreachable at once; otherwise (a payload the
 *   platform rejects) the row is dead-lettered. Either way the coordinators are told.
 * - `uncertain`: the platform may have taken it (5xx, 408, a timeout, a connection dropped after the request
 *   was written, a sender that threw). Retried like `transient`, but the row is marked uncertain, so the
 *   next attempt first looks whether the message is already there. `unanswered`: no answer came (timeout,
 *   dropped connection), so the request may still land: the next attempt waits a send timeout first.
 */
export type SendOutcome =
  | { kind: 'ok'; ref: Record<string, unknown> }
  | { kind: 'retryAfter'; seconds: number; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; reason: string; recipientGone: boolean }
  | { kind: 'uncertain'; reason: string; unanswered?: boolean };

/** Every outcome but delivered. */
export type SendFailure = Exclude<SendOutcome, { kind: 'ok' }>;

/** What looking for an uncertain row's earlier attempt found: it, nothing, or a failure (as a send's). */
export type LookUpOutcome =
  | { kind: 'found'; ref: Record<string, unknown> }
  | { kind: 'absent' }
  | SendFailure;

/**
 * A platform's way out, implemented by the Slack and Teams adapters. `send` renders the message for its
 * kind and posts it once; it resolves to an outcome and throws only on a bug (treated as `uncertain`). A
 * message that cannot be rendered is `permanent`: rendering again cannot help. Every platform call has a
 * timeout shorter than the worker's lease (DELIVERY_SEND_TIMEOUT_MS).
 *
 * Doubles: a platform send cannot be undone and neither Slack nor Teams deduplicates posts, so the
 * outbox row's state is what makes a send once-only. The worker marks a row `sent` right after the
 * platform answers; an `uncertain` answer, or a crash between the platform taking the message and that
 * update, makes the row uncertain (a crashed worker's row when its lease runs out), and it stays so through
 * any later retry (the column outbox.uncertain), so no later attempt posts blindly. A sender
 * must attach `message.dedupeKey` to what it posts (Slack: message `metadata`; Teams: `channelData`) and,
 * for an `uncertain` row, `lookUp` whether a message with that key is already there (Slack:
 * `conversations.history` with `include_all_metadata`; Teams: the chat's messages through Microsoft Graph,
 * when configured). The worker asks before it takes a post's rate slot: a row found costs no slot, since
 * look-ups are other API methods with limits of their own. Found, the row is `sent` with its ref; absent,
 * `send` posts. Where there is no such look-up (Teams without Graph), an uncertain send is at-least-once.
 */
export interface Sender {
  platform: Platform;
  /** Renders and posts: prepare(), then its post (paced as the worker paces it, or not at all). */
  send(message: OutgoingMessage, pace?: Pace): Promise<SendOutcome>;
  /**
   * Renders the row (database reads, no platform call): a post ready to go, or why there is none. The
   * worker prepares before it takes the post's rate slot, so the request leaves at its reserved moment
   * instead of a render's time later (two posts to one channel could otherwise arrive closer than allowed).
   */
  prepare?(message: OutgoingMessage): Promise<PreparedPost | SendFailure>;
  lookUp?(message: OutgoingMessage): Promise<LookUpOutcome>;
}

/**
 * Waits for the rate slots of one more call to the conversation just posted to: the worker took the
 * first post's, and a digest's thread replies each wait for theirs.
 */
export type Pace = () => Promise<void>;

/** A rendered row: post() makes the platform call(s) and says what came of it. */
export interface PreparedPost {
  post(pace: Pace): Promise<SendOutcome>;
}

/** No wait: a send outside the worker (tests, a single message). */
export const unpaced: Pace = async () => {};
