import { z } from 'zod';
import type { Agenda } from '../agenda/model';
import { AppError } from '../errors';
import { askModel, type ModelEndpoint } from './ask-model';
import type { RankedAmbition } from './classifier';

/**
 * Classification by a language model behind an OpenAI-compatible endpoint (SUMMARY_LLM_URL), when one is
 * configured: the model gets the agenda's ambitions with their lexicon and names the ambitions a message
 * is about, best first. Its answer reorders the lexical ranking (the model's choices first, lifted to the
 * lexical best score so the same threshold applies); anything else than the JSON asked for, an HTTP
 * error or a time-out throws, and the caller keeps the lexical ranking.
 */

export type LlmClassifierOptions = ModelEndpoint;

export type LlmRanker = (
  agenda: Agenda,
  text: string,
  lexical: readonly RankedAmbition[],
) => Promise<RankedAmbition[]>;

/** Lexicon terms per ambition in the prompt: enough to know the sector's words, bounded in size. */
const TERMS_IN_PROMPT = 30;

const answerSchema = z.object({ ambities: z.array(z.string()).max(5) });

function prompt(agenda: Agenda, text: string): string {
  return [
    `Strategische agenda: ${agenda.name} (${agenda.association}). De ambities:`,
    ...agenda.ambitions.map(
      (a) =>
        `${a.id}: ${a.title}. ${a.text.replace(/\s+/g, ' ')} Woorden: ${(agenda.lexicon?.[a.id] ?? []).slice(0, TERMS_IN_PROMPT).join(', ')}`,
    ),
    '',
    'Over welke ambities gaat het bericht hieronder, de best passende eerst (hoogstens drie)?',
    'Antwoord alleen met JSON van de vorm {"ambities":["a3","a1"]}, of {"ambities":[]} als het over geen ambitie gaat.',
    '',
    `Bericht: ${text.replace(/\s+/g, ' ').slice(0, 2_000)}`,
  ].join('\n');
}

export function llmRanker(options: LlmClassifierOptions): LlmRanker {
  return async (agenda, text, lexical) => {
    const answer = answerSchema.safeParse(
      await askModel(
        options,
        'classification',
        'Je deelt berichten in bij ambities. Je antwoordt alleen met JSON.',
        prompt(agenda, text),
      ),
    );
    if (!answer.success)
      throw new AppError('SUMMARY_LLM_FAILED', `classification endpoint: ${z.prettifyError(answer.error)}`);
    const ids = answer.data.ambities;
    const known = new Set(agenda.ambitions.map((a) => a.id));
    const chosen = [...new Set(ids.filter((id) => known.has(id)))];
    const top = lexical[0]?.score ?? 0;
    const first = chosen.map((id) => ({
      ambition: id,
      score: Math.max(top, lexical.find((r) => r.ambition === id)?.score ?? 0),
    }));
    return [...first, ...lexical.filter((r) => !chosen.includes(r.ambition))];
  };
}
