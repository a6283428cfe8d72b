import type { SendOutcome } from './sender';

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
 * The outcome of an HTTP answer that is not a success, as Slack and Teams use them: 429 waits Retry-After;
 * 412 and 5xx are transient; Teams answers 403 when the member removed the bot and 404 for a conversation
 * that is gone. Other 4xx: our request is wrong, so retrying cannot help.
 */
export function outcomeOfHttpStatus(status: number, retryAfter: string | null, now: Date): SendOutcome {
  if (status === 429)
    return { kind: 'retryAfter', seconds: retryAfterSeconds(retryAfter, now), reason: 'HTTP 429' };
  if (status === 412 || status === 408 || status >= 500)
    return { kind: 'transient', reason: `HTTP ${status}` };
  if (status === 403 || status === 404)
    return { kind: 'permanent', reason: `HTTP ${status}`, recipientGone: true };
  return { kind: 'permanent', reason: `HTTP ${status}`, recipientGone: false };
}

/** The outcome of a Slack `{ ok: false, error }` answer. */
export function outcomeOfSlackError(error: string): SendOutcome {
  if (error === 'ratelimited') return { kind: 'retryAfter', seconds: 1, reason: error };
  if (SLACK_RECIPIENT_GONE.has(error)) return { kind: 'permanent', reason: error, recipientGone: true };
  if (['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'].includes(error))
    return { kind: 'transient', reason: error };
  return { kind: 'permanent', reason: error, recipientGone: false };
}

/**
 * A fetch that failed without an answer. A connection that was never made cannot have delivered anything;
 * one that broke after the request went out (timeout, reset) might have.
 */
export function outcomeOfNetworkError(err: unknown): SendOutcome {
  const code = (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  const reason = `${code ?? 'network error'}: ${(err as Error)?.message ?? String(err)}`;
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return { kind: 'transient', reason };
  return { kind: 'unknown', reason };
}
