import { z } from 'zod';
import { AppError } from '../errors';
import type { Summariser, SummariserInput } from './summariser';

/**
 * Key points written by a language model behind an OpenAI-compatible chat-completions endpoint. The
 * model sees only the best ranked sentences, numbered, and must answer which numbers each point rests
 * on, so every point still traces to its messages. Its answer is validated; anything else (an HTTP
 * error, a time-out, prose instead of JSON, numbers that were not given) throws, and the caller falls
 * back to the extractive summary.
 */

/** The part of fetch this client uses: passed in, so the core makes no network calls of its own. */
export type FetchPort = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface LlmSummariserOptions {
  /** The API base (…/v1) or the full …/chat/completions address. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  fetch: FetchPort;
}

/** Sentences offered to the model: enough for a discussion's gist, bounded for the prompt's size. */
const MAX_SENTENCES = 40;

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const pointsSchema = z.object({
  punten: z
    .array(
      z.object({
        tekst: z.string().trim().min(1).max(500),
        bronnen: z.array(z.number().int().positive()).min(1),
      }),
    )
    .min(1),
});

export function chatCompletionsUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

function prompt(input: SummariserInput, offered: number): string {
  const language = input.locale === 'en' ? 'in het Engels' : 'in het Nederlands';
  const lines = input.candidates.slice(0, offered).map((c, i) => `[${i + 1}] ${c.text.replace(/\s+/g, ' ')}`);
  return [
    `Ambitie ${input.ambition.id}: ${input.ambition.title}. ${input.ambition.text}`,
    '',
    'Hieronder staan genummerde uitspraken uit de discussie over deze ambitie in een leergemeenschap van schoolbesturen.',
    `Geef de hoogstens ${input.maxPoints} belangrijkste punten, elk in één zin ${language}, als JSON van de vorm`,
    '{"punten":[{"tekst":"…","bronnen":[1,4]}]}',
    'waarbij "bronnen" de nummers zijn van de uitspraken waarop het punt steunt. Voeg niets toe wat er niet staat.',
    '',
    ...lines,
  ].join('\n');
}

/** The JSON object in the model's answer, also when it is wrapped in a Markdown code fence. */
function answerOf(body: string): unknown {
  try {
    const content = completionSchema.parse(JSON.parse(body)).choices[0]?.message.content ?? '';
    const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
    return JSON.parse((fenced?.[1] ?? content).trim());
  } catch (cause) {
    throw new AppError(
      'SUMMARY_LLM_FAILED',
      'summary endpoint: the answer is not the JSON asked for',
      {},
      { cause },
    );
  }
}

export function llmSummariser(options: LlmSummariserOptions): Summariser {
  const url = chatCompletionsUrl(options.url);
  return {
    async keyPoints(input) {
      const offered = Math.min(input.candidates.length, MAX_SENTENCES);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      let body: string;
      try {
        const res = await options.fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            temperature: 0,
            messages: [
              { role: 'system', content: 'Je vat discussies samen. Je antwoordt alleen met JSON.' },
              { role: 'user', content: prompt(input, offered) },
            ],
          }),
          signal: controller.signal,
        });
        body = await res.text();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      } catch (cause) {
        const reason = controller.signal.aborted ? `no answer within ${options.timeoutMs} ms` : String(cause);
        throw new AppError('SUMMARY_LLM_FAILED', `summary endpoint: ${reason}`, {}, { cause });
      } finally {
        clearTimeout(timer);
      }
      const parsed = pointsSchema.safeParse(answerOf(body));
      if (!parsed.success)
        throw new AppError('SUMMARY_LLM_FAILED', `summary endpoint: ${z.prettifyError(parsed.error)}`);
      const points = parsed.data.punten.slice(0, input.maxPoints).map((p) => {
        const messageIds = [...new Set(p.bronnen)].map((n) => {
          const c = input.candidates[n - 1];
          if (!c || n > offered)
            throw new AppError('SUMMARY_LLM_FAILED', `summary endpoint: source [${n}] was not offered`);
          return c.messageId;
        });
        return { text: p.tekst, messageIds: [...new Set(messageIds)] };
      });
      return { by: 'llm', points };
    },
  };
}
