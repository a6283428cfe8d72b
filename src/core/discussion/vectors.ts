/** Sparse term vectors (term → weight) for TF-IDF and cosine similarity. */
export type Vector = Map<string, number>;

export function counts(terms: readonly string[]): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

/**
 * Sublinear term frequency (1 + log tf, or tf itself below one, as weighted texts give) times inverse
 * document frequency; terms the idf does not know are dropped.
 */
export function tfidf(tf: Vector, idf: ReadonlyMap<string, number>): Vector {
  const v: Vector = new Map();
  for (const [t, n] of tf) {
    const w = idf.get(t);
    if (w && n > 0) v.set(t, (n >= 1 ? 1 + Math.log(n) : n) * w);
  }
  return v;
}

export function norm(v: Vector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o) s += w * o;
  }
  return s;
}

export function cosine(a: Vector, b: Vector, normA = norm(a), normB = norm(b)): number {
  return normA === 0 || normB === 0 ? 0 : dot(a, b) / (normA * normB);
}

/** Smoothed idf over documents given as their sets of terms: log(1 + n / df). */
export function inverseDocumentFrequency(docs: Iterable<Iterable<string>>): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  return idf;
}
