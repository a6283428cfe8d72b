import type { Agenda } from '../agenda/model';
import { isStopWord, stem, words } from './dutch';
import { counts, inverseDocumentFrequency, norm, tfidf, type Vector } from './vectors';

/**
 * Ranks an agenda's ambitions by how close a message is to each ambition's words: its title, text, tag
 * and actions, (weaker) its theme, the sector lexicon of agendas/lexicon/, and the messages people of the
 * association linked to it by hand (learned examples). Two TF-IDF spaces are compared by cosine and
 * mixed: Snowball stems, and character 5-grams of the content words, which let Dutch compounds meet
 * their parts ("lerarentekort" and "personeelstekorten", "leesplan" and "lezen" do not share a stem).
 * Learning adds an example's features to its ambition's bag; the spaces are rebuilt on the next ranking.
 */

export interface RankedAmbition {
  ambition: string;
  score: number;
}

/**
 * Below this score nothing is linked automatically. Calibrated on the tuning sets (test/fixtures):
 * small talk scores far below it (`npm run bench -- discussion` prints the table).
 */
export const AUTO_LINK_THRESHOLD = 0.12;

/** Every other ambition within this much of the best (and above the threshold) is linked too. */
export const SECOND_LINK_MARGIN = 0.03;

/** A message with fewer content words ("Mooi, wij ook!") is too short to be linked on its own. */
export const MIN_CONTENT_WORDS = 4;

// Mixing, weights and gram length were chosen on the tuning sets only; the grams carry most of the signal.
const STEM_WEIGHT = 0.3;
const GRAM = 5;
const THEME_WEIGHT = 0.3;
const LEXICON_WEIGHT = 1;
const EXAMPLE_WEIGHT = 1;

function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w));
}

// A word's grams are asked for again and again: kept per word (the same string objects, whose hashes V8
// keeps), cleared when the cache grows past its bound.
const gramCache = new Map<string, string[]>();
const GRAM_CACHE_MAX = 100_000;

function gramsOfWord(w: string): string[] {
  let out = gramCache.get(w);
  if (!out) {
    const padded = `^${w}$`;
    out = [];
    if (padded.length <= GRAM) out.push(padded);
    else for (let i = 0; i + GRAM <= padded.length; i++) out.push(padded.slice(i, i + GRAM));
    if (gramCache.size >= GRAM_CACHE_MAX) gramCache.clear();
    gramCache.set(w, out);
  }
  return out;
}

function grams(contentWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of contentWords) for (const g of gramsOfWord(w)) out.push(g);
  return out;
}

interface Space {
  norms: number[];
  /**
   * Per term, its idf and the ambitions whose bag has it, with its weight there: a message meets only
   * those, with one look-up per term.
   */
  terms: Map<string, { idf: number; docs: number[]; weights: number[] }>;
}

function space(docTerms: Vector[]): Space {
  const idf = inverseDocumentFrequency(docTerms.map((tf) => tf.keys()));
  const terms: Space['terms'] = new Map();
  const norms = docTerms.map((tf, doc) => {
    const vector = tfidf(tf, idf);
    for (const [t, weight] of vector) {
      let entry = terms.get(t);
      if (!entry) {
        entry = { idf: idf.get(t) as number, docs: [], weights: [] };
        terms.set(t, entry);
      }
      entry.docs.push(doc);
      entry.weights.push(weight);
    }
    return norm(vector);
  });
  return { norms, terms };
}

/** Cosine of the query's TF-IDF vector (see tfidf) with each ambition's, without building the vector. */
function similarities(s: Space, query: Vector): number[] {
  const sums = new Float64Array(s.norms.length);
  let squares = 0;
  for (const [t, n] of query) {
    const entry = s.terms.get(t);
    if (!entry || n <= 0) continue;
    const w = (n >= 1 ? 1 + Math.log(n) : n) * entry.idf;
    squares += w * w;
    for (let i = 0; i < entry.docs.length; i++)
      sums[entry.docs[i] as number] =
        (sums[entry.docs[i] as number] as number) + w * (entry.weights[i] as number);
  }
  const qNorm = Math.sqrt(squares);
  return s.norms.map((n, i) => (qNorm === 0 || n === 0 ? 0 : (sums[i] as number) / (qNorm * n)));
}

interface Bag {
  stems: Vector;
  grams: Vector;
}

/** Adds the text's features to a bag, weighted (a negative weight takes a learned example back out). */
function addText(bag: Bag, text: string, weight: number) {
  const cw = contentWords(text);
  const add = (v: Vector, t: string) => {
    const n = (v.get(t) ?? 0) + weight;
    if (n > 1e-9) v.set(t, n);
    else v.delete(t);
  };
  for (const w of cw) add(bag.stems, stem(w));
  for (const g of grams(cw)) add(bag.grams, g);
}

export class AmbitionClassifier {
  private readonly ids: string[];
  private readonly bags: Bag[];
  private spaces: { stems: Space; grams: Space } | null = null;
  private learned = 0;

  constructor(agenda: Agenda) {
    this.ids = agenda.ambitions.map((a) => a.id);
    this.bags = agenda.ambitions.map((amb) => {
      const bag: Bag = { stems: new Map(), grams: new Map() };
      addText(bag, `${amb.title}. ${amb.text}. ${amb.tag}`, 1);
      for (const action of amb.actions) addText(bag, action.text, 1);
      const theme = agenda.themes.find((t) => t.id === amb.theme);
      if (theme) addText(bag, `${theme.title}. ${theme.text ?? ''}`, THEME_WEIGHT);
      for (const term of agenda.lexicon?.[amb.id] ?? []) addText(bag, term, LEXICON_WEIGHT);
      return bag;
    });
  }

  /** How many examples were learned. */
  get examples(): number {
    return this.learned;
  }

  /** A message a person linked to this ambition: its words now count for the ambition. */
  learn(ambitionId: string, text: string, weight = EXAMPLE_WEIGHT): void {
    const i = this.ids.indexOf(ambitionId);
    const bag = this.bags[i];
    if (!bag) return;
    addText(bag, text, weight);
    this.learned += weight > 0 ? 1 : -1;
    this.spaces = null;
  }

  /** A person removed their link: the example is taken back out. */
  unlearn(ambitionId: string, text: string): void {
    this.learn(ambitionId, text, -EXAMPLE_WEIGHT);
  }

  private built() {
    if (!this.spaces)
      this.spaces = {
        stems: space(this.bags.map((b) => b.stems)),
        grams: space(this.bags.map((b) => b.grams)),
      };
    return this.spaces;
  }

  /** Every ambition with its score (0 to 1), best first. */
  rank(text: string): RankedAmbition[] {
    return this.rankWords(contentWords(text));
  }

  private rankWords(cw: readonly string[]): RankedAmbition[] {
    const { stems, grams: gramSpace } = this.built();
    const byStem = similarities(stems, counts(cw.map(stem)));
    const byGram = similarities(gramSpace, counts(grams(cw)));
    return this.ids
      .map((ambition, i) => ({
        ambition,
        score: STEM_WEIGHT * (byStem[i] ?? 0) + (1 - STEM_WEIGHT) * (byGram[i] ?? 0),
      }))
      .sort((a, b) => b.score - a.score || a.ambition.localeCompare(b.ambition));
  }

  /** The best ambition when it reaches the threshold and the text says enough, else null. */
  suggest(text: string, threshold = AUTO_LINK_THRESHOLD): RankedAmbition | null {
    return this.suggestAll(text, threshold)[0] ?? null;
  }

  /**
   * The ambitions to link automatically: the best when it reaches the threshold, and every other one
   * within SECOND_LINK_MARGIN of it that also reaches the threshold. Empty when the text says too little.
   */
  suggestAll(text: string, threshold = AUTO_LINK_THRESHOLD): RankedAmbition[] {
    const cw = contentWords(text);
    return cw.length >= MIN_CONTENT_WORDS ? pickSuggestions(this.rankWords(cw), threshold) : [];
  }
}

/** Whether a text has enough content words to be linked on its own. */
export const saysEnough = (text: string) => contentWords(text).length >= MIN_CONTENT_WORDS;

/** Of a ranking, the ambitions to link: see suggestAll. */
export function pickSuggestions(ranked: readonly RankedAmbition[], threshold = AUTO_LINK_THRESHOLD) {
  const best = ranked[0];
  if (!best || best.score < threshold) return [];
  return ranked.filter((r) => r.score >= threshold && r.score >= best.score - SECOND_LINK_MARGIN);
}

const built = new WeakMap<Agenda, AmbitionClassifier>();

/** One classifier per agenda from its texts and lexicon only, built on first use (no learned examples). */
export function classifierFor(agenda: Agenda): AmbitionClassifier {
  let c = built.get(agenda);
  if (!c) {
    c = new AmbitionClassifier(agenda);
    built.set(agenda, c);
  }
  return c;
}
