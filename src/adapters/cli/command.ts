import type { Core } from '../../core/index';

/** A `samenspraak <name> …` command: it gets the arguments after its name. */
export interface CliCommand {
  name: string;
  /** Lines for the usage text. */
  usage: string[];
  run(args: string[], ctx: CliContext): Promise<void>;
}

export interface CliContext {
  out(line: string): void;
  /** Opens the database and the core for the duration of fn. */
  withCore<T>(fn: (core: Core) => Promise<T>): Promise<T>;
}

/** Wrong words on the command line: answered with the usage and exit code 2. */
export class UsageError extends Error {}

export const splitList = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
