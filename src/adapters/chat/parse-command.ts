import { z } from 'zod';

/** The chat commands, Dutch first, with their English aliases. */
export const COMMAND_NAMES = {
  help: ['help', 'hulp'],
  agenda: ['agenda'],
  community: ['gemeenschap', 'community'],
  join: ['lid', 'join'],
  leave: ['verlaat', 'leave'],
  practice: ['praktijk', 'practice'],
  summary: ['samenvatting', 'summary'],
  cycle: ['cyclus', 'cycle'],
  dashboard: ['dashboard'],
  myData: ['mijn-gegevens', 'my-data'],
  profile: ['profiel', 'profile'],
  holiday: ['vakantie', 'holiday'],
  steering: ['bijsturing', 'steering'],
} as const;

export type CommandName = keyof typeof COMMAND_NAMES;

export const CYCLE_ACTIONS = {
  plan: ['plan'],
  start: ['start'],
  status: ['status'],
  remind: ['herinner', 'remind'],
  close: ['sluit', 'close'],
} as const;

/** `bijsturing besluit|vragen|antwoord`: one command, so Teams' list of ten commands keeps room. */
export const STEERING_ACTIONS = {
  decide: ['besluit', 'decide'],
  requests: ['vragen', 'requests'],
  answer: ['antwoord', 'answer'],
} as const;

export const MY_DATA_ACTIONS = {
  export: ['export', 'download'],
  erase: ['wis', 'erase', 'verwijder'],
} as const;

/** The word that carries out `mijn-gegevens wis`. */
export const CONFIRM_WORDS = ['bevestig', 'confirm'] as const;

/** The action named by the first word, if it is one of the aliases. */
export function actionOf<A extends string>(
  actions: Record<A, readonly string[]>,
  word: string | undefined,
): A | undefined {
  const lower = (word ?? '').toLowerCase();
  return (Object.keys(actions) as A[]).find((a) => actions[a].includes(lower));
}

export type ParsedCommand =
  | { name: CommandName; args: string[] }
  | { name: 'unknown'; word: string; suggestion: string | null };

/** Text typed after /samenspraak or to the bot: at most one Slack message long, without control characters. */
export const commandTextSchema = z
  .string()
  .max(4000)
  .transform((s) =>
    s
      .replace(/<at>[^<]*<\/at>/g, ' ') // a Teams @mention of the bot
      .replace(/\p{Cc}/gu, ' ')
      .trim(),
  );

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] as number;
}

/** The known word closest to `word`, if it is close enough to be a typing error. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export function parseCommand(raw: string): ParsedCommand {
  const text = commandTextSchema.parse(raw);
  const [first = 'help', ...args] = text.split(/\s+/).filter(Boolean);
  const word = first.toLowerCase();
  for (const [name, aliases] of Object.entries(COMMAND_NAMES))
    if ((aliases as readonly string[]).includes(word)) return { name: name as CommandName, args };
  return { name: 'unknown', word, suggestion: closest(word, Object.values(COMMAND_NAMES).flat()) };
}
