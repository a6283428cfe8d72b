/** The fake platform's log and helpers: its random draws, how it reads bodies, what tests read from the log. */

/** A message the fake platform took. */
export interface RecordedSend {
  platform: 'slack' | 'teams';
  workspace: string;
  conversation: string;
  dedupeKey: string;
  kind: string;
  at: number;
  /** Slack: the metadata event type the message carried. */
  eventType?: string;
}

/** Every post that reached the fake, taken or not: the combined rate the replicas kept. */
export interface RecordedRequest {
  platform: 'slack' | 'teams';
  workspace: string;
  conversation: string;
  at: number;
  /** Whether the fake stored the message (a fault after storing still counts as stored). */
  stored: boolean;
}

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The real WebClient posts form fields (structured ones as JSON); the test senders post JSON. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** `checkin:<cycle>:<member>:prompt` → `checkin.prompt`: what the real senders do not send along. */
export function kindOf(dedupeKey: string): string {
  const parts = dedupeKey.split(':');
  return parts.length >= 4 ? `${parts[0]}.${parts.at(-1)}` : '';
}

/** The most requests to one workspace within any windowMs: the combined rate the fake saw. */
export function densestRate(
  requests: readonly RecordedRequest[],
  workspace: string,
  windowMs = 1_000,
): number {
  const times = requests
    .filter((r) => r.workspace === workspace)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** How many times each dedupe key arrived. */
export function countByKey(sends: readonly RecordedSend[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sends) counts.set(s.dedupeKey, (counts.get(s.dedupeKey) ?? 0) + 1);
  return counts;
}
