import { contentTerms, MIN_TERMS } from './analysis';
import type { StoredSentence } from './ports';
import type { Candidate } from './summariser';
import { inverseDocumentFrequency } from './vectors';

/**
 * The extractive side of a summary, over sentences analysed at ingestion: statements ranked by how
 * central they are to the discussion (cosine to the TF-IDF centroid of all statements, linear in their
 * number) and how close to the ambition; near-duplicates (Jaccard on shingles of content terms) merged
 * into one point that counts every message saying it; a statement that leans on the sentence before it
 * ("Dat komt door …") keeps that sentence; questions set apart.
 */

export interface Question {
  text: string;
  messageId: string;
  shingles: ReadonlySet<string>;
}

export interface Extraction {
  candidates: Candidate[];
  /** Every question asked. */
  questions: Question[];
}

const CENTROID_WEIGHT = 0.75;
const DUPLICATE = 0.5;

/**
 * A sentence's shingles: its content terms and each pair of neighbouring ones. Stop words and word order
 * around them do not count, so "Ook bij ons: wij gebruiken een vragenlijst …" meets "Wij gebruiken een
 * vragenlijst …".
 */
export function shingles(terms: readonly string[]): Set<string> {
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

interface Group<S> {
  kept: S;
  shingles: Set<string>;
  alsoIn: Set<string>;
}

/**
 * Keeps the first of each group of near-duplicates (at most `keep` groups, one per message); later ones
 * join their group. Groups are found through an index of their shingles, so a sentence is compared
 * only with the groups it shares a shingle with, and once the groups are full a sentence that shares
 * none with any is passed over without a comparison.
 */
function group<S extends { messageId: string }>(
  ranked: readonly S[],
  shinglesOf: (s: S) => Set<string>,
  keep: number,
): Group<S>[] {
  const groups: Group<S>[] = [];
  const index = new Map<string, number[]>();
  const used = new Set<string>();
  for (const s of ranked) {
    const own = shinglesOf(s);
    const seen = new Set<number>();
    let twin: Group<S> | undefined;
    for (const sh of own)
      for (const g of index.get(sh) ?? []) {
        if (seen.has(g)) continue;
        seen.add(g);
        const candidate = groups[g] as Group<S>;
        if (jaccard(candidate.shingles, own) >= DUPLICATE) {
          twin = candidate;
          break;
        }
      }
    if (twin) {
      if (s.messageId !== twin.kept.messageId) twin.alsoIn.add(s.messageId);
    } else if (groups.length < keep && !used.has(s.messageId)) {
      for (const sh of own) {
        const list = index.get(sh);
        if (list) list.push(groups.length);
        else index.set(sh, [groups.length]);
      }
      groups.push({ kept: s, shingles: own, alsoIn: new Set() });
      used.add(s.messageId);
    }
  }
  return groups;
}

/** Ranks the statements of the sentences; `keep` bounds the candidates returned. */
export function extract(
  sentences: readonly StoredSentence[],
  ambitionText: string,
  keep: number,
): Extraction {
  const statements = sentences.filter((s) => !s.question && s.terms.length >= MIN_TERMS);
  const idf = inverseDocumentFrequency(statements.map((s) => s.terms));
  // Each statement as a unit TF-IDF vector over its distinct terms (sublinear counts), then the centroid.
  const vectors = statements.map((s) => {
    const tf = new Map<string, number>();
    for (const t of s.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    let n2 = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * (idf.get(t) ?? 0);
      tf.set(t, w);
      n2 += w * w;
    }
    const n = Math.sqrt(n2) || 1;
    for (const [t, w] of tf) tf.set(t, w / n);
    return tf;
  });
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  let c2 = 0;
  for (const w of centroid.values()) c2 += w * w;
  const centroidNorm = Math.sqrt(c2) || 1;
  const ambition = new Map<string, number>();
  for (const t of contentTerms(ambitionText)) ambition.set(t, (ambition.get(t) ?? 0) + 1);
  for (const [t, n] of ambition) ambition.set(t, (1 + Math.log(n)) * (idf.get(t) ?? 0));
  let a2 = 0;
  for (const w of ambition.values()) a2 += w * w;
  const ambitionNorm = Math.sqrt(a2) || 1;

  const scored = statements.map((s, i) => {
    let c = 0;
    let a = 0;
    for (const [t, w] of vectors[i] as Map<string, number>) {
      c += w * (centroid.get(t) ?? 0);
      a += w * (ambition.get(t) ?? 0);
    }
    return {
      s,
      messageId: s.messageId,
      score: (CENTROID_WEIGHT * c) / centroidNorm + ((1 - CENTROID_WEIGHT) * a) / ambitionNorm,
    };
  });
  scored.sort((x, y) => y.score - x.score);
  const candidates = group(scored, (x) => shingles(x.s.terms), keep).map(({ kept, alsoIn }) => ({
    text: kept.s.context ? `${kept.s.context} ${kept.s.text}` : kept.s.text,
    messageId: kept.s.messageId,
    alsoIn: [...alsoIn],
    score: kept.score,
  }));
  const questions = sentences
    .filter((s) => s.question && s.terms.length >= 2)
    .map((s) => ({ text: s.text, messageId: s.messageId, shingles: shingles(s.terms) }));
  return { candidates, questions };
}

/** Whether a question is a near-duplicate of one of these (so it joins a group, never starts one). */
export function nearAny(question: Question, kept: readonly Question[]): boolean {
  return kept.some((k) => jaccard(k.shingles, question.shingles) >= DUPLICATE);
}

/** The first `keep` questions that are not near-duplicates of an earlier one. */
export function distinctQuestions(questions: readonly Question[], keep: number): Question[] {
  return group(questions, (q) => new Set(q.shingles), keep).map((g) => g.kept);
}
