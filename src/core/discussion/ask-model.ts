import { z } from 'zod';
import { AppError } from '../errors';

/** The part of fetch the model clients use: passed in, so the core makes no network calls of its own. */
export type FetchPort = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** How to reach an OpenAI-compatible chat-completions endpoint. */
export interface ModelEndpoint {
  /** The API base (…/v1) or the full …/chat/completions address. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  fetch: FetchPort;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export function chatCompletionsUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

/**
 * Asks the model once (temperature 0, within the time-out) and returns the JSON object of its answer, also
 * when it is wrapped in a Markdown code fence. Anything else (an HTTP error, a time-out, prose) throws
 * SUMMARY_LLM_FAILED naming `what` endpoint, so the caller falls back to its own result.
 */
export async function askModel(
  endpoint: ModelEndpoint,
  what: string,
  system: string,
  user: string,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), endpoint.timeoutMs);
  let body: string;
  try {
    const res = await endpoint.fetch(chatCompletionsUrl(endpoint.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: endpoint.model,
        temperature: 0,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal: controller.signal,
    });
    body = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (cause) {
    const reason = controller.signal.aborted ? `no answer within ${endpoint.timeoutMs} ms` : String(cause);
    throw new AppError('SUMMARY_LLM_FAILED', `${what} endpoint: ${reason}`, {}, { cause });
  } finally {
    clearTimeout(timer);
  }
  try {
    const content = completionSchema.parse(JSON.parse(body)).choices[0]?.message.content ?? '';
    const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
    return JSON.parse((fenced?.[1] ?? content).trim());
  } catch (cause) {
    throw new AppError(
      'SUMMARY_LLM_FAILED',
      `${what} endpoint: the answer is not the JSON asked for`,
      {},
      { cause },
    );
  }
}
