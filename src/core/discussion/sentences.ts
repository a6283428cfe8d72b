import { plainText } from './dutch';

/**
 * Dutch sentence splitting: a sentence ends at . ! ? or … followed by a space, unless the word before
 * the full stop is an abbreviation ("o.a.", "bijv.", "d.w.z.", "dhr.") or an initial ("J. de Vries").
 * Line breaks end a sentence too, and list bullets ("- ", "• ", "3. ") are dropped.
 */

const ABBREVIATIONS = new Set(
  [
    'a.s.',
    'bijv.',
    'bv.',
    'blz.',
    'ca.',
    'd.m.v.',
    'd.w.z.',
    'dhr.',
    'drs.',
    'dr.',
    'e.a.',
    'e.d.',
    'e.e.a.',
    'enz.',
    'etc.',
    'evt.',
    'excl.',
    'i.c.m.',
    'i.p.v.',
    'i.s.m.',
    'ihkv.',
    'incl.',
    'jl.',
    'm.b.t.',
    'm.i.',
    'm.u.v.',
    'mevr.',
    'mr.',
    'mw.',
    'n.a.v.',
    'nl.',
    'nr.',
    'o.a.',
    'o.b.v.',
    'o.i.d.',
    'ong.',
    'p.p.',
    'prof.',
    'resp.',
    's.v.p.',
    't.a.v.',
    't.b.v.',
    't.o.v.',
    'vgl.',
    'vnl.',
    'z.g.a.n.',
    'zgn.',
    'zg.',
  ].map((a) => a.toLowerCase()),
);

/** The word (with its dots) that ends just before position end. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1] as string)) start--;
  return text.slice(start, end + 1);
}

function endsSentence(text: string, dot: number): boolean {
  if (text[dot] !== '.') return true;
  const word = wordBefore(text, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{L}\.$/u.test(word)) return false; // an initial
  return true;
}

/** The sentences of a chat message, trimmed, in order. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of plainText(text).split(/\n+/)) {
    const clean = line
      .replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!clean) continue;
    let start = 0;
    for (const m of clean.matchAll(/[.!?…]+["'”’)\]]*(?=\s|$)/gu)) {
      const index = m.index as number;
      const lastMark = index + m[0].replace(/["'”’)\]]+$/u, '').length - 1;
      if (!endsSentence(clean, lastMark)) continue;
      const end = index + m[0].length;
      const s = clean.slice(start, end).trim();
      if (s) out.push(s);
      start = end;
    }
    const rest = clean.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
