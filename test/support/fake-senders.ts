import { outcomeOfHttpStatus, outcomeOfNetworkError, outcomeOfSlackError } from '../../src/delivery/outcomes';
import type { OutgoingMessage, Sender, SendOutcome } from '../../src/delivery/sender';

/**
 * Senders against the fake platform, made the way the real adapters are meant to be: the dedupe key rides
 * along with every message, and an uncertain send looks first whether it arrived already (Slack only).
 */
async function post(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

export function fakeSlackSender(baseUrl: string, timeoutMs = 5_000): Sender {
  const api = `${baseUrl}/slack/api`;
  return {
    platform: 'slack',
    async send(m: OutgoingMessage): Promise<SendOutcome> {
      const auth = { authorization: `Bearer xoxb-${m.workspaceExternalId}` };
      const channel = m.conversationId ?? m.memberExternalId ?? '';
      try {
        if (m.uncertain) {
          const res = await post(
            `${api}/conversations.history`,
            { channel, include_all_metadata: true },
            auth,
            timeoutMs,
          );
          const history = (await res.json()) as {
            messages?: { ts: string; metadata?: { event_payload?: { dedupe_key?: string } } }[];
          };
          const found = history.messages?.find((x) => x.metadata?.event_payload?.dedupe_key === m.dedupeKey);
          if (found) return { kind: 'ok', ref: { channel, ts: found.ts, found: true } };
        }
        const res = await post(
          `${api}/chat.postMessage`,
          {
            channel,
            text: `${m.kind}`,
            metadata: { event_type: 'samenspraak', event_payload: { dedupe_key: m.dedupeKey, kind: m.kind } },
          },
          auth,
          timeoutMs,
        );
        if (res.status !== 200)
          return outcomeOfHttpStatus(res.status, res.headers.get('retry-after'), new Date());
        const json = (await res.json()) as { ok: boolean; error?: string; channel?: string; ts?: string };
        if (!json.ok) return outcomeOfSlackError(json.error ?? 'unknown_error');
        return { kind: 'ok', ref: { channel: json.channel, ts: json.ts } };
      } catch (err) {
        return outcomeOfNetworkError(err);
      }
    },
  };
}

export function fakeTeamsSender(baseUrl: string, timeoutMs = 5_000): Sender {
  return {
    platform: 'teams',
    async send(m: OutgoingMessage): Promise<SendOutcome> {
      const conversation = m.conversationId ?? `a:${m.memberExternalId}`;
      try {
        const res = await post(
          `${baseUrl}/teams/v3/conversations/${encodeURIComponent(conversation)}/activities`,
          {
            type: 'message',
            text: m.kind,
            channelData: { tenant: { id: m.workspaceExternalId }, dedupeKey: m.dedupeKey, kind: m.kind },
          },
          {},
          timeoutMs,
        );
        if (res.status !== 200 && res.status !== 201)
          return outcomeOfHttpStatus(res.status, res.headers.get('retry-after'), new Date());
        const json = (await res.json()) as { id: string };
        return { kind: 'ok', ref: { conversationId: conversation, activityId: json.id } };
      } catch (err) {
        return outcomeOfNetworkError(err);
      }
    },
  };
}

/**
 * Wraps a sender to check, where the client stands, that Retry-After is kept: after a 429 reached the
 * worker, no send to that workspace may start before the wait is over. (A request already on its way when
 * the 429 came is no fault; the platform just answers it with another 429.)
 */
export function auditRetryAfter(sender: Sender): Sender & { violations: string[]; pauses: number } {
  const paused = new Map<string, { from: number; until: number }>();
  const audited = {
    platform: sender.platform,
    violations: [] as string[],
    pauses: 0,
    async send(m: OutgoingMessage): Promise<SendOutcome> {
      const start = Date.now();
      const pause = paused.get(m.workspaceId);
      // A few milliseconds either side: the worker pauses in the same turn it gets the answer.
      if (pause && start > pause.from + 5 && start < pause.until - 5)
        audited.violations.push(`${m.dedupeKey} started ${pause.until - start} ms before the wait was over`);
      const outcome = await sender.send(m);
      if (outcome.kind === 'retryAfter') {
        audited.pauses++;
        const now = Date.now();
        paused.set(m.workspaceId, { from: now, until: now + outcome.seconds * 1000 });
      }
      return outcome;
    },
  };
  return audited;
}
