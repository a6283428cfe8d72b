import { isStopWord, stem, words } from './dutch';
import { sentences } from './sentences';
import type { Candidate } from './summariser';
import { counts, inverseDocumentFrequency, norm, tfidf, type Vector } from './vectors';

/**
 * The extractive side of a summary: the messages' sentences ranked by how central they are to the
 * discussion (cosine to the TF-IDF centroid of all sentences, linear in their number) and how close to
 * the ambition, near-duplicates (Jaccard on shingles of content terms) merged, questions set apart.
 */

export interface SourceMessage {
  id: string;
  text: string;
}

export interface Question {
  text: string;
  messageId: string;
  shingles: ReadonlySet<string>;
}

export interface Extraction {
  candidates: Candidate[];
  /** Every question asked, in message order. */
  questions: Question[];
}

const CENTROID_WEIGHT = 0.75;
const MIN_TERMS = 4;
const MAX_SENTENCE = 400;
const DUPLICATE = 0.5;

interface Sentence {
  text: string;
  messageId: string;
  terms: string[];
  shingles: ReadonlySet<string>;
}

/**
 * A sentence's shingles: its content terms and each pair of neighbouring ones. Stop words and word order
 * around them do not count, so "Ook bij ons: wij gebruiken een vragenlijst …" meets "Wij gebruiken een
 * vragenlijst …".
 */
function shingles(terms: readonly string[]): Set<string> {
  const out = new Set(terms);
  for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}

function split(messages: readonly SourceMessage[]) {
  const statements: Sentence[] = [];
  const questions: Sentence[] = [];
  for (const m of messages)
    for (const text of sentences(m.text)) {
      if (text.length > MAX_SENTENCE) continue;
      const terms = words(text)
        .filter((w) => !isStopWord(w))
        .map(stem);
      const s = { text, messageId: m.id, terms, shingles: shingles(terms) };
      if (text.endsWith('?')) {
        if (terms.length >= 2) questions.push(s);
      } else if (terms.length >= MIN_TERMS) statements.push(s);
    }
  return { statements, questions };
}

/** Keeps the first of each group of near-duplicates (and at most one per message); others join it. */
function dedupe<S extends Omit<Sentence, 'terms'>>(
  ranked: readonly S[],
  keep: number,
): { kept: S; alsoIn: Set<string> }[] {
  const groups: { kept: S; alsoIn: Set<string> }[] = [];
  const used = new Set<string>();
  for (const s of ranked) {
    const twin = groups.find((g) => jaccard(g.kept.shingles, s.shingles) >= DUPLICATE);
    if (twin) {
      if (s.messageId !== twin.kept.messageId) twin.alsoIn.add(s.messageId);
    } else if (groups.length < keep && !used.has(s.messageId)) {
      groups.push({ kept: s, alsoIn: new Set() });
      used.add(s.messageId);
    }
  }
  return groups;
}

/** Ranks the sentences of the messages; `keep` bounds the candidates returned. */
export function extract(messages: readonly SourceMessage[], ambitionText: string, keep: number): Extraction {
  const { statements, questions } = split(messages);
  const idf = inverseDocumentFrequency(statements.map((s) => s.terms));
  const vectors = statements.map((s) => tfidf(counts(s.terms), idf));
  const centroid: Vector = new Map();
  for (const v of vectors) {
    const n = norm(v);
    if (n > 0) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w / n);
  }
  const ambition = tfidf(
    counts(
      words(ambitionText)
        .filter((w) => !isStopWord(w))
        .map(stem),
    ),
    idf,
  );
  const centroidNorm = norm(centroid);
  const ambitionNorm = norm(ambition);
  const score = (v: Vector) => {
    const n = norm(v);
    if (n === 0) return 0;
    let c = 0;
    let a = 0;
    for (const [t, w] of v) {
      c += w * (centroid.get(t) ?? 0);
      a += w * (ambition.get(t) ?? 0);
    }
    return (
      CENTROID_WEIGHT * (centroidNorm ? c / (n * centroidNorm) : 0) +
      (1 - CENTROID_WEIGHT) * (ambitionNorm ? a / (n * ambitionNorm) : 0)
    );
  };
  const scored = statements.map((s, i) => ({ s, score: score(vectors[i] as Vector) }));
  scored.sort((a, b) => b.score - a.score);
  const scores = new Map(scored.map((x) => [x.s, x.score]));
  const candidates = dedupe(
    scored.map((x) => x.s),
    keep,
  ).map(({ kept, alsoIn }) => ({
    text: kept.text,
    messageId: kept.messageId,
    alsoIn: [...alsoIn],
    score: scores.get(kept) ?? 0,
  }));
  return {
    candidates,
    questions: questions.map(({ text, messageId, shingles }) => ({ text, messageId, shingles })),
  };
}

/** The first `keep` questions that are not near-duplicates of an earlier one. */
export function distinctQuestions(questions: readonly Question[], keep: number): Question[] {
  return dedupe(questions, keep).map((g) => g.kept);
}
