import { AppError } from '../errors';
import type { LinkSource } from '../model';
import type { CoreDeps } from '../ports';
import type { RankedAmbition } from './classifier';
import type { BatchLink } from './ports';

/** Ambition ids tagged in a text: #A3, #ambitie3 or an ambition's tag (#basisvaardigheden). */
export function taggedAmbitions(deps: CoreDeps, agendaId: string, text: string): string[] {
  const found = new Set<string>();
  for (const [, tag] of text.matchAll(/#([\p{L}\p{N}-]+)/gu)) {
    try {
      found.add(deps.agendas.findAmbition(tag as string, agendaId).ambition.id);
    } catch (err) {
      // A hashtag that names no ambition is ordinary text.
      if (!(err instanceof AppError && err.code === 'UNKNOWN_AMBITION')) throw err;
    }
  }
  return [...found];
}

/**
 * The links of a new message: the ambitions a person gave the thread it answers, and those it tags;
 * without either, the classifier's suggestions, marked `auto` with their score.
 */
export function newMessageLinks(
  messageId: string,
  threadLinks: readonly string[],
  tagged: readonly string[],
  suggested: readonly RankedAmbition[],
): BatchLink[] {
  const own = new Map<string, LinkSource>();
  for (const a of threadLinks) own.set(a, 'thread');
  for (const a of tagged) own.set(a, 'tag');
  if (own.size === 0)
    return suggested.map((s) => ({ messageId, ambitionId: s.ambition, source: 'auto', score: s.score }));
  return [...own].map(([ambitionId, source]) => ({ messageId, ambitionId, source, score: null }));
}
