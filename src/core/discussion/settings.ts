import type { CoreDeps, Logger } from '../ports';
import type { FetchPort } from './ask-model';
import { llmSummariser } from './llm';
import { llmRanker } from './llm-classifier';
import type { DiscussionSettings } from './ports';
import { extractiveSummariser, withFallback } from './summariser';

export const DEFAULT_RETENTION_DAYS = 365;
export const DEFAULT_DIGEST_EVERY_DAYS = 14;
/** A summary endpoint that has not answered by then is slow: the extractive summary is used instead. */
export const LLM_TIMEOUT_MS = 20_000;
/** Classifying one message may wait this long for the model; then the lexical ranking is used. */
export const LLM_CLASSIFY_TIMEOUT_MS = 5_000;

/** The discussion settings of the deps, with the defaults filled in. */
export function settingsOf(deps: CoreDeps): Required<Omit<DiscussionSettings, 'classifier'>> {
  const s = deps.discussion ?? {};
  return {
    summariser: s.summariser ?? extractiveSummariser,
    retentionDays: s.retentionDays ?? DEFAULT_RETENTION_DAYS,
    digestEveryDays: s.digestEveryDays ?? DEFAULT_DIGEST_EVERY_DAYS,
    timeZone: s.timeZone ?? 'Europe/Amsterdam',
  };
}

/** The settings from the configuration: the LLM summariser (with the extractive fallback) only when configured. */
export function discussionSettings(
  config: {
    retentionDays: number;
    digestEveryDays: number;
    timeZone: string;
    llm?: { url: string; model: string; apiKey?: string };
  },
  ports: { fetch: FetchPort; logger: Logger },
): DiscussionSettings {
  const { llm, ...rest } = config;
  return {
    ...rest,
    ...(llm
      ? { classifier: llmRanker({ ...llm, timeoutMs: LLM_CLASSIFY_TIMEOUT_MS, fetch: ports.fetch }) }
      : {}),
    summariser: llm
      ? withFallback(
          llmSummariser({ ...llm, timeoutMs: LLM_TIMEOUT_MS, fetch: ports.fetch }),
          extractiveSummariser,
          ports.logger,
        )
      : extractiveSummariser,
  };
}
