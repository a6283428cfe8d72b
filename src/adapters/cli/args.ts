import { parseArgs } from 'node:util';
import { closest } from '../chat/parse-command';
import { UsageError } from './command';

export type FlagSpec = Record<
  string,
  { type: 'string'; default?: string } | { type: 'boolean'; default?: boolean }
>;

/** Flags every command understands: the output language and JSON for scripts. */
export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const satisfies FlagSpec;

/**
 * Parses a command's flags strictly: an unknown flag, a flag without its value or a value for a switch
 * is a usage error that names the flag and suggests the nearest known one.
 */
export function parseFlags<O extends FlagSpec>(command: string, args: string[], options: O) {
  const all = { ...COMMON_FLAGS, ...options };
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw err;
    const flag = /'(-{1,2}[^'\s]+)/.exec((err as Error).message)?.[1] ?? '';
    const name = flag.replace(/^-+/, '').replace(/=.*$/, '');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = closest(name, Object.keys(all));
      throw new UsageError(near ? 'cli.usage.unknownFlagSuggest' : 'cli.usage.unknownFlag', {
        command,
        flag: `--${name}`,
        hint: `--${near}`,
      });
    }
    const spec = all[name as keyof typeof all] as { type: string } | undefined;
    throw new UsageError(spec?.type === 'boolean' ? 'cli.usage.flagNoValue' : 'cli.usage.flagNeedsValue', {
      command,
      flag: `--${name}`,
    });
  }
}

/** The sub-command, or a usage error naming it with the nearest known one. */
export function subCommand<S extends string>(
  command: string,
  word: string | undefined,
  known: readonly S[],
): S {
  if (word && (known as readonly string[]).includes(word)) return word as S;
  if (!word) throw new UsageError('cli.usage.missingSub', { command, known: known.join(', ') });
  const near = closest(word, known);
  throw new UsageError(near ? 'cli.usage.unknownSubSuggest' : 'cli.usage.unknownSub', {
    command,
    word,
    hint: near ?? '',
    known: known.join(', '),
  });
}

/** Refuses positionals beyond those a command takes. */
export function noExtra(command: string, extra: readonly string[]): void {
  if (extra.length) throw new UsageError('cli.usage.extra', { command, extra: extra.join(' ') });
}
