import type { SendFailure } from './sender';

/** Slack Web API errors that mean the recipient is gone for good. */
export const SLACK_RECIPIENT_GONE = new Set([
  'user_not_found',
  'account_inactive',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_disabled',
]);

/** Retry-After is seconds or an HTTP date; missing or unreadable means one second. */
export function retryAfterSeconds(header: string | null, now: Date): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * The outcome of an HTTP answer that is not a success, as Slack and Teams use them. "Not taken" (safe to
 * send again): 429 waits Retry-After; 412 (Teams: retry) is transient; Teams answers 403 when the member
 * removed the bot and 404 for a conversation that is gone; other 4xx mean our request is wrong. "Maybe
 * taken": a 5xx or 408 may come after the platform stored the message, so the row becomes uncertain and
 * the next attempt looks before it posts.
 */
export function outcomeOfHttpStatus(status: number, retryAfter: string | null, now: Date): SendFailure {
  if (status === 429)
    return { kind: 'retryAfter', seconds: retryAfterSeconds(retryAfter, now), reason: 'HTTP 429' };
  if (status === 408 || status >= 500) return { kind: 'uncertain', reason: `HTTP ${status}` };
  if (status === 412) return { kind: 'transient', reason: `HTTP ${status}` };
  if (status === 403 || status === 404)
    return { kind: 'permanent', reason: `HTTP ${status}`, recipientGone: true };
  return { kind: 'permanent', reason: `HTTP ${status}`, recipientGone: false };
}

/**
 * Slack errors that say the server failed while handling the call: Slack documents for internal_error and
 * fatal_error that "some aspect of the operation" may have succeeded, so the message may be there.
 */
const SLACK_MAYBE_TAKEN = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** The outcome of a Slack `{ ok: false, error }` answer. */
export function outcomeOfSlackError(error: string): SendFailure {
  if (error === 'ratelimited') return { kind: 'retryAfter', seconds: 1, reason: error };
  if (SLACK_RECIPIENT_GONE.has(error)) return { kind: 'permanent', reason: error, recipientGone: true };
  if (SLACK_MAYBE_TAKEN.has(error)) return { kind: 'uncertain', reason: error };
  return { kind: 'permanent', reason: error, recipientGone: false };
}

/**
 * A message that cannot be rendered (a card too large for the platform, data gone): rendering again cannot
 * help, so it is a permanent failure with the error's code and message as the reason.
 */
export function renderFailure(err: unknown): SendFailure {
  const code = (err as { code?: unknown })?.code;
  const message = (err as Error)?.message ?? String(err);
  return {
    kind: 'permanent',
    reason: `${typeof code === 'string' ? code : 'RENDER_FAILED'}: ${message}`,
    recipientGone: false,
  };
}

/** Codes of a connection that was never made: the request cannot have reached the platform. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

interface Failure {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: Failure;
  original?: Failure;
}

/**
 * The system error code of a failed call, however deeply the client wrapped it: Node's fetch puts it in
 * `cause` (TypeError "fetch failed"), the Slack WebClient wraps that once more in `original`, Azure's
 * pipeline (botframework-connector) copies it onto its RestError.
 */
function systemCode(err: Failure | undefined, depth = 0): string | undefined {
  if (!err || depth > 4) return undefined;
  if (typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code)) return err.code;
  return systemCode(err.cause, depth + 1) ?? systemCode(err.original, depth + 1);
}

/**
 * A call that failed without an answer. A connection that was never made cannot have delivered anything:
 * transient. A timeout or a connection that broke after the request went out (reset, socket closed) might
 * have: uncertain.
 */
export function outcomeOfNetworkError(err: unknown): SendFailure {
  const failure = err as Failure | undefined;
  const code = systemCode(failure) ?? (typeof failure?.name === 'string' ? failure.name : undefined);
  const message = typeof failure?.message === 'string' ? failure.message : String(err);
  const reason = `${code ?? 'network error'}: ${message}`;
  if (code && NEVER_CONNECTED.has(code)) return { kind: 'transient', reason };
  return { kind: 'uncertain', reason, unanswered: true };
}
