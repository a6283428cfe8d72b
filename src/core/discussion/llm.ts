import { z } from 'zod';
import { AppError } from '../errors';
import { askModel, type ModelEndpoint } from './ask-model';
import type { Summariser, SummariserInput } from './summariser';

/**
 * Key points written by a language model behind an OpenAI-compatible chat-completions endpoint. The
 * model sees only the best ranked sentences, numbered, and must answer which numbers each point rests
 * on, so every point still traces to its messages. Its answer is validated; anything else (an HTTP
 * error, a time-out, prose instead of JSON, numbers that were not given) throws, and the caller falls
 * back to the extractive summary.
 */

export type LlmSummariserOptions = ModelEndpoint;

/** Sentences offered to the model: enough for a discussion's gist, bounded for the prompt's size. */
const MAX_SENTENCES = 40;

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

export function llmSummariser(options: LlmSummariserOptions): Summariser {
  return {
    async keyPoints(input) {
      const offered = Math.min(input.candidates.length, MAX_SENTENCES);
      const answer = await askModel(
        options,
        'summary',
        'Je vat discussies samen. Je antwoordt alleen met JSON.',
        prompt(input, offered),
      );
      const parsed = pointsSchema.safeParse(answer);
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
