import type { Core } from '../../core/index';
import type { Locale } from '../../i18n/index';

/** A `samenspraak <name> …` command: it gets the arguments after its name. */
export interface CliCommand {
  name: string;
  /** Lines for the usage text. */
  usage: string[];
  run(args: string[], ctx: CliContext): Promise<void>;
}

export interface CliContext {
  out(line: string): void;
  /** Warnings and progress: on stderr, so stdout stays clean for `--json` and pipes. */
  note(line: string): void;
  /** The coordinator's language: `--lang`, else DEFAULT_LOCALE, else Dutch. */
  locale: Locale;
  /** Opens the database and the core for the duration of fn. */
  withCore<T>(fn: (core: Core) => Promise<T>): Promise<T>;
}

/**
 * Wrong words on the command line: answered with the usage and exit code 2. The message is an i18n key
 * (`cli.…`) with its parameters, or plain text.
 */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

/** A refusal the command line itself makes (exit code 1, no usage): an i18n key with its parameters. */
export class CliRefusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CliRefusal';
  }
}

export const splitList = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
