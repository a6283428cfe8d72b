import type { CoreDeps } from '../ports';
import { AmbitionClassifier } from './classifier';

/**
 * The classifier that learns from the association: per agenda, the agenda's texts and lexicon plus
 * every message a person linked to an ambition by hand (the "Koppel aan ambitie" shortcut, the Teams
 * message action, a correction on the dashboard). The examples are read from the store once, then each
 * new manual link is learned as it is made; a removed link makes the next use read them again. Other
 * replicas' links arrive when the examples are read again, at most REFRESH_MS later.
 */

export const REFRESH_MS = 10 * 60_000;
/** The most recent manual links read as examples. */
export const MAX_EXAMPLES = 5_000;

interface Learned {
  classifier: Promise<AmbitionClassifier>;
  loadedAt: number;
}

// Per store: every core (and every test's database) learns on its own.
const cache = new WeakMap<object, Map<string, Learned>>();

function entries(deps: CoreDeps): Map<string, Learned> {
  let m = cache.get(deps.store);
  if (!m) {
    m = new Map();
    cache.set(deps.store, m);
  }
  return m;
}

async function load(deps: CoreDeps, agendaId: string): Promise<AmbitionClassifier> {
  const classifier = new AmbitionClassifier(deps.agendas.get(agendaId));
  for (const e of await deps.store.repos.discussion.labelledExamples(agendaId, MAX_EXAMPLES))
    classifier.learn(e.ambitionId, e.text);
  return classifier;
}

/** The agenda's classifier with the association's examples learned. */
export function learnedClassifier(deps: CoreDeps, agendaId: string): Promise<AmbitionClassifier> {
  const now = deps.clock.now().getTime();
  const all = entries(deps);
  const found = all.get(agendaId);
  if (found && now - found.loadedAt < REFRESH_MS) return found.classifier;
  const classifier = load(deps, agendaId);
  all.set(agendaId, { classifier, loadedAt: now });
  // A failed read is not kept: the next message tries again (the error goes to the caller).
  classifier.catch(() => all.delete(agendaId));
  return classifier;
}

/** A person linked a message by hand: the classifier of its agenda learns it at once. */
export async function learnLinks(
  deps: CoreDeps,
  agendaId: string,
  text: string | null,
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  const all = entries(deps);
  if (removed.length) {
    all.delete(agendaId);
    return;
  }
  const found = all.get(agendaId);
  if (!found || text === null) return;
  const classifier = await found.classifier;
  for (const a of added) classifier.learn(a, text);
}
