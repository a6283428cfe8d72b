import { fold, isStopWord, stem, words } from './dutch';
import { sentences } from './sentences';

/**
 * The work done once per message, when it is recorded or edited: the sentences a summary can use (a
 * question, or a statement of at least MIN_TERMS content terms), each with its content terms (Snowball
 * stems), whether it is a question, and whether it leans on the sentence before it (it opens with "Dat",
 * "Daarom", "Ze" …, so it means little alone: the sentence before is kept with it); and whether the
 * message asks for help or steering. Summaries read this back instead of analysing every message again.
 * Short sentences ("Herkenbaar.", "Goed punt.") are not stored: about four in ten of a discussion's.
 */

export interface AnalysedSentence {
  position: number;
  text: string;
  terms: string[];
  question: boolean;
  /** The sentence before, when this one leans on it (it opens with "Dat", "Daarom", "Ze" …). */
  context: string | null;
}

export interface MessageAnalysis {
  sentences: AnalysedSentence[];
  steering: boolean;
}

/** Statements with fewer content terms say too little to be a key point. */
export const MIN_TERMS = 4;

/** Longer "sentences" are pasted documents or lists without full stops: not a key point. */
export const MAX_SENTENCE = 400;

/** Words that, opening a sentence, point back to the one before it. */
const LEANING = new Set(
  [
    'dat',
    'dit',
    'die',
    'deze',
    'daarom',
    'daardoor',
    'daarbij',
    'daarnaast',
    'daarmee',
    'daarvoor',
    'daar',
    'hierdoor',
    'hiermee',
    'hiervoor',
    'hierbij',
    'ze',
    'zij',
    'hij',
    'hun',
    'hem',
    'dus',
    'ook',
    'maar',
    'toch',
    'bovendien',
    'zo',
    'verder',
    'vervolgens',
    'dezelfde',
  ].map(fold),
);

/** Words of a message that asks the association for help or for steering. */
const STEERING =
  /\b(bijsturen|bijsturing|bij te sturen|hulp nodig|lukt (ons )?niet|loopt vast|lopen vast|knelpunt|zorgen over|zorgelijk|alarm|noodplan)\b/i;

export function contentTerms(text: string): string[] {
  return termsOf(words(text));
}

function termsOf(folded: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of folded) if (!isStopWord(w)) out.push(stem(w));
  return out;
}

export function analyseMessage(text: string): MessageAnalysis {
  const out: AnalysedSentence[] = [];
  let position = 0;
  let before: string | null = null;
  for (const s of sentences(text)) {
    if (s.length > MAX_SENTENCE) continue;
    const folded = words(s);
    const first = folded[0];
    const leans = before !== null && first !== undefined && LEANING.has(first);
    const terms = termsOf(folded);
    const question = s.endsWith('?');
    if (question || terms.length >= MIN_TERMS)
      out.push({ position, text: s, terms, question, context: leans ? before : null });
    position++;
    before = s;
  }
  return { sentences: out, steering: STEERING.test(text) };
}
