import { newStemmer } from 'snowball-stemmers';
import stopwords from 'stopwords-iso/stopwords-iso.json';

/** Dutch words for the classifier and the summariser: tokens, stop words and Snowball stems. */

const stemmer = newStemmer('dutch');

/** Lower case without diacritics: "geïnformeerd" and "geinformeerd" are one word. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Chat words that carry no subject beyond the ISO list: greetings, thanks, asking around. */
const CHAT_WORDS = [
  'hallo',
  'hoi',
  'goedemorgen',
  'goedemiddag',
  'dank',
  'dankjewel',
  'bedankt',
  'graag',
  'groet',
  'groeten',
  'vraag',
  'vragen',
  'iemand',
  'jullie',
  'hebben',
  'heel',
  'echt',
  'even',
  'haha',
  'fijn',
  'leuk',
  'mooi',
  'goed',
  'tip',
  'ervaring',
  'ervaringen',
  'weet',
  'denk',
  'zie',
  'zit',
  'gaan',
  'gaat',
  'komt',
  'kunnen',
  'willen',
  'wil',
  'zou',
  'via',
];

const STOP_WORDS = new Set([...stopwords.nl, ...CHAT_WORDS].map(fold));

export const isStopWord = (foldedWord: string) => STOP_WORDS.has(foldedWord);

/** Slack and Teams markup that is not the words of the message. */
const MARKUP =
  /<(?:@|#|!)[^>]*>|<https?:[^>|]*\|([^>]*)>|<https?:[^>]*>|https?:\/\/\S+|:[a-z0-9_+-]+:|<\/?[a-z][^>]*>/gi;

/** The readable text of a chat message: links keep their label, mentions and emoji codes go. */
export function plainText(text: string): string {
  return text.replace(MARKUP, (_whole, label?: string) => label ?? ' ');
}

/** The words of a text, folded, in order; hyphenated words split ("zij-instromers" gives "zij", "instromers"). */
export function words(text: string): string[] {
  const found = fold(plainText(text)).match(/[\p{L}\p{N}]+/gu) ?? [];
  return found.filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

// Stems are asked for the same words again and again; the cache is cleared when it grows past its bound.
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

export function stem(foldedWord: string): string {
  let s = stemCache.get(foldedWord);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    s = stemmer.stem(foldedWord);
    stemCache.set(foldedWord, s);
  }
  return s;
}

/** The content terms of a text: words without stop words, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}
