/**
 * Seeded mutations of JSON payloads for the hostile-input suite. The randomness is injected (one seed
 * gives one run), so a failure is reproduced by running the same seed again.
 */

/** mulberry32: a small, well-known 32-bit PRNG; good enough to pick mutations, and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Values an attacker or a broken client sends instead of the expected one. */
const HOSTILE: readonly unknown[] = [
  null,
  '',
  ' ',
  0,
  -1,
  1e308,
  true,
  [],
  {},
  [null],
  { id: null },
  'null',
  '\u0000',
  'a\u0000b',
  '\u001b[2J',
  '\ud800',
  'x'.repeat(10_000),
  '[iedereen](!channel)',
  '<!channel>',
  '[mail](mailto:a@example.nl)',
  '=HYPERLINK("https://evil.example")',
  '../../../etc/passwd',
  "'; DROP TABLE members; --",
  '{"verb":"cycle.close"}',
  'https://attacker.example/',
  'http://169.254.169.254/latest/meta-data/',
  'T',
  'U',
  'T1',
  'UCOORD',
  'T9OTHER',
  'C-KWAL',
  '1700000000.000100',
  '0.0',
  'Ev',
  '__proto__',
  { __proto__: { polluted: true } },
  '😀'.repeat(100),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON tree (objects and arrays included). */
function paths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (out.length > 500) return out;
  if (Array.isArray(node)) for (const [i, v] of node.entries()) paths(v, [...at, i], out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: unknown, remove = false): Json {
  if (path.length === 0) return value as Json;
  const parent = path.slice(0, -1).reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], root);
  if (!parent || typeof parent !== 'object') return root;
  const key = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, unknown>)[key];
  } else (parent as Record<string, unknown>)[key] = value;
  return root;
}

/** One to three mutations of a deep copy: a value replaced, a key removed or added, a string bent. */
export function mutate<T>(random: Random, seed: T): T {
  let copy = JSON.parse(JSON.stringify(seed)) as Json;
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) {
    const all = paths(copy);
    const path = pick(random, all.length > 1 ? all.slice(1) : all);
    const current = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], copy);
    const op = random();
    if (op < 0.35) copy = setAt(copy, path, pick(random, HOSTILE));
    else if (op < 0.55) copy = setAt(copy, path, undefined, true);
    else if (op < 0.7 && typeof current === 'string') copy = setAt(copy, path, bend(random, current));
    else if (op < 0.8 && current && typeof current === 'object' && !Array.isArray(current))
      copy = setAt(
        copy,
        [...path, pick(random, ['type', 'id', 'user', 'team', 'value', 'extra'])],
        pick(random, HOSTILE),
      );
    else if (op < 0.9) copy = setAt(copy, path, JSON.stringify(current ?? null));
    else copy = setAt(copy, path, pick(random, HOSTILE));
  }
  return copy as T;
}

/** A string changed the way fuzzers do: cut, doubled, a character flipped, control characters added. */
function bend(random: Random, s: string): string {
  const at = Math.floor(random() * (s.length + 1));
  switch (Math.floor(random() * 6)) {
    case 0:
      return s.slice(0, at);
    case 1:
      return s + s;
    case 2:
      return `${s.slice(0, at)}\u0000${s.slice(at)}`;
    case 3:
      return s.toLowerCase() === s ? s.toUpperCase() : s.toLowerCase();
    case 4:
      return `${s.slice(0, at)}${String.fromCharCode(Math.floor(random() * 0xffff))}${s.slice(at)}`;
    default:
      return `${s} ${pick(random, HOSTILE.filter((h) => typeof h === 'string') as string[])}`;
  }
}

/** A raw body broken below the JSON level: truncated, a byte flipped, or not JSON at all. */
export function breakText(random: Random, text: string): string {
  const at = Math.floor(random() * text.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return `${text.slice(0, at)}${String.fromCharCode(Math.floor(random() * 128))}${text.slice(at + 1)}`;
    case 2:
      return `${text}}`;
    default:
      return pick(random, ['', 'null', '[]', '"x"', 'payload=', 'payload=%7B', 'a=b&c', '{"type":']);
  }
}
