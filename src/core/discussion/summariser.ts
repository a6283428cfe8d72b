import { isAppError } from '../errors';
import type { Logger } from '../ports';

/**
 * The pluggable part of a summary: turning the ranked sentences of a discussion into key points. The
 * extractive summariser needs nothing but the sentences; an LLM (llm.ts) may rewrite them, and falls
 * back to the extractive one when it fails or is slow. Either way every point names its messages.
 */

/** A sentence of the discussion, ranked, with the messages that said (nearly) the same. */
export interface Candidate {
  text: string;
  messageId: string;
  /** Messages with a near-duplicate of this sentence. */
  alsoIn: string[];
  score: number;
}

export interface SummariserInput {
  ambition: { id: string; title: string; text: string };
  /** Best first, near-duplicates already merged. */
  candidates: readonly Candidate[];
  maxPoints: number;
  locale: 'nl' | 'en';
}

export interface KeyPointDraft {
  text: string;
  /** The messages the point comes from: at least one. */
  messageIds: string[];
}

export interface SummariserResult {
  by: 'extractive' | 'llm';
  points: KeyPointDraft[];
}

export interface Summariser {
  keyPoints(input: SummariserInput): Promise<SummariserResult>;
}

export const extractiveSummariser: Summariser = {
  async keyPoints({ candidates, maxPoints }) {
    return {
      by: 'extractive',
      points: candidates
        .slice(0, maxPoints)
        .map((c) => ({ text: c.text, messageIds: [c.messageId, ...c.alsoIn] })),
    };
  },
};

/** Uses primary; when it throws (an error, a time-out, an answer that fails validation) uses fallback. */
export function withFallback(primary: Summariser, fallback: Summariser, logger: Logger): Summariser {
  return {
    async keyPoints(input) {
      if (input.candidates.length === 0) return fallback.keyPoints(input);
      try {
        return await primary.keyPoints(input);
      } catch (err) {
        logger.warn(
          {
            code: isAppError(err) ? err.code : 'INTERNAL',
            err: (err as Error).message,
            ambition: input.ambition.id,
          },
          'summariser failed; using the extractive summary',
        );
        return fallback.keyPoints(input);
      }
    },
  };
}
