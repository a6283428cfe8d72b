import type { Agenda } from '../agenda/model';
import { isStopWord, stem, words } from './dutch';
import { counts, inverseDocumentFrequency, norm, tfidf, type Vector } from './vectors';

/**
 * Ranks an agenda's ambitions by how close a message is to each ambition's own words: its title, text,
 * tag and actions, and (weaker) its theme. Two TF-IDF spaces are compared by cosine and mixed: Snowball
 * stems, and character 5-grams of the content words, which let Dutch compounds meet their parts
 * ("lerarentekort" and "personeelstekorten", "leesplan" and "lezen" do not share a stem).
 */

export interface RankedAmbition {
  ambition: string;
  score: number;
}

/**
 * Below this score nothing is linked automatically. Calibrated on test/fixtures/discussion-messages.ts:
 * about 80% of the messages reach it, and of those about 9 in 10 get the right ambition; small talk
 * scores under 0.08 (`npm run bench -- discussion` prints the table).
 */
export const AUTO_LINK_THRESHOLD = 0.15;

/** A message with fewer content words ("Mooi, wij ook!") is too short to be linked on its own. */
export const MIN_CONTENT_WORDS = 4;

// Mixing and gram length were chosen on the fixtures; the grams carry most of the signal.
const STEM_WEIGHT = 0.2;
const GRAM = 5;
const THEME_WEIGHT = 0.5;

function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w));
}

function grams(contentWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of contentWords) {
    const padded = `^${w}$`;
    if (padded.length <= GRAM) out.push(padded);
    else for (let i = 0; i + GRAM <= padded.length; i++) out.push(padded.slice(i, i + GRAM));
  }
  return out;
}

interface Space {
  idf: Map<string, number>;
  docs: { vector: Vector; norm: number }[];
}

function space(docTerms: Vector[]): Space {
  const idf = inverseDocumentFrequency(docTerms.map((tf) => tf.keys()));
  return {
    idf,
    docs: docTerms.map((tf) => {
      const vector = tfidf(tf, idf);
      return { vector, norm: norm(vector) };
    }),
  };
}

function similarities(s: Space, query: Vector): number[] {
  const q = tfidf(query, s.idf);
  const qNorm = norm(q);
  return s.docs.map((d) => {
    if (qNorm === 0 || d.norm === 0) return 0;
    let sum = 0;
    for (const [t, w] of q) {
      const o = d.vector.get(t);
      if (o) sum += w * o;
    }
    return sum / (qNorm * d.norm);
  });
}

/** Adds the text's features to a bag, weighted. */
function addText(bag: { stems: Vector; grams: Vector }, text: string, weight: number) {
  const cw = contentWords(text);
  for (const w of cw) {
    const s = stem(w);
    bag.stems.set(s, (bag.stems.get(s) ?? 0) + weight);
  }
  for (const g of grams(cw)) bag.grams.set(g, (bag.grams.get(g) ?? 0) + weight);
}

export class AmbitionClassifier {
  private readonly ids: string[];
  private readonly stems: Space;
  private readonly grams: Space;

  constructor(agenda: Agenda) {
    this.ids = agenda.ambitions.map((a) => a.id);
    const bags = agenda.ambitions.map((amb) => {
      const bag = { stems: new Map<string, number>(), grams: new Map<string, number>() };
      addText(bag, `${amb.title}. ${amb.text}. ${amb.tag}`, 1);
      for (const action of amb.actions) addText(bag, action.text, 1);
      const theme = agenda.themes.find((t) => t.id === amb.theme);
      if (theme) addText(bag, `${theme.title}. ${theme.text ?? ''}`, THEME_WEIGHT);
      return bag;
    });
    this.stems = space(bags.map((b) => b.stems));
    this.grams = space(bags.map((b) => b.grams));
  }

  /** Every ambition with its score (0 to 1), best first. */
  rank(text: string): RankedAmbition[] {
    const cw = contentWords(text);
    const byStem = similarities(this.stems, counts(cw.map(stem)));
    const byGram = similarities(this.grams, counts(grams(cw)));
    return this.ids
      .map((ambition, i) => ({
        ambition,
        score: STEM_WEIGHT * (byStem[i] ?? 0) + (1 - STEM_WEIGHT) * (byGram[i] ?? 0),
      }))
      .sort((a, b) => b.score - a.score || a.ambition.localeCompare(b.ambition));
  }

  /** The best ambition when it reaches the threshold and the text says enough, else null. */
  suggest(text: string, threshold = AUTO_LINK_THRESHOLD): RankedAmbition | null {
    if (contentWords(text).length < MIN_CONTENT_WORDS) return null;
    const best = this.rank(text)[0];
    return best && best.score >= threshold ? best : null;
  }
}

const built = new WeakMap<Agenda, AmbitionClassifier>();

/** One classifier per agenda, built on first use. */
export function classifierFor(agenda: Agenda): AmbitionClassifier {
  let c = built.get(agenda);
  if (!c) {
    c = new AmbitionClassifier(agenda);
    built.set(agenda, c);
  }
  return c;
}
