import type { Repositories } from '../ports';
import { distinctQuestions, nearAny, type Question } from './extractive';
import { toRef } from './message-links';
import type { AmbitionMessage, AnsweredMessage, StoredSentence } from './ports';
import { MAX_OPEN_QUESTIONS, type OpenQuestion } from './summary-model';

/** Question messages read at first; then twice as many each time, while too few open ones are found. */
export const QUESTIONS_READ = 4 * MAX_OPEN_QUESTIONS;

/** The questions, newest first (by the time their sentences came with), and their messages in that order. */
export function newestFirst(sentences: readonly StoredSentence[], questions: readonly Question[]) {
  const askedAt = new Map<string, number>();
  for (const s of sentences) if (s.askedAt !== null) askedAt.set(s.messageId, s.askedAt);
  const newest = [...questions].sort(
    (a, b) => (askedAt.get(b.messageId) ?? 0) - (askedAt.get(a.messageId) ?? 0),
  );
  return { newest, ids: [...new Set(newest.map((q) => q.messageId))] };
}

/**
 * Questions nobody else answered in their thread afterwards, newest first, near-duplicates left out. Their
 * messages are read newest first, a few at a time, until enough open ones are found: the first questions
 * kept from the newest are the first kept from all (later ones only join a group or come after). A
 * question that is a near-duplicate of one kept already can only join its group, so its message is not
 * read; the messages `asked` for already (found in `messages`, or gone) are not read again.
 */
export async function openQuestions(
  repos: Repositories,
  newest: readonly Question[],
  messages: Map<string, AnsweredMessage>,
  asked: Set<string>,
): Promise<OpenQuestion[]> {
  const keptSoFar = () =>
    distinctQuestions(
      newest.filter((q) => messages.get(q.messageId)?.answered === false),
      MAX_OPEN_QUESTIONS,
    );
  let kept = keptSoFar();
  for (let chunk = QUESTIONS_READ; kept.length < MAX_OPEN_QUESTIONS; chunk *= 2) {
    const unread = newest.filter((q) => !asked.has(q.messageId) && !nearAny(q, kept));
    const next = [...new Set(unread.map((q) => q.messageId))].slice(0, chunk);
    if (next.length === 0) break;
    for (const id of next) asked.add(id);
    for (const m of await repos.discussion.messageRefs(next)) messages.set(m.messageId, m);
    kept = keptSoFar();
  }
  return kept.map((q) => ({ text: q.text, source: toRef(messages.get(q.messageId) as AmbitionMessage) }));
}
