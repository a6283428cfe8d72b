import { closest } from './adapters/chat/parse-command';
import { type CliCommand, type CliContext, CliRefusal, UsageError } from './adapters/cli/command';
import { COMMANDS } from './adapters/cli/commands/index';
import { ConfigError, loadConfig } from './config';
import { defaultLocaleOf } from './config-schema';
import { isAppError } from './core/errors';
import { isLocale, keys, type Locale, t } from './i18n/index';
import { createLogger } from './logger';
import { openCore } from './open-core';

export const USAGE = `samenspraak <command> [--json] [--lang nl|en]\n\n${COMMANDS.flatMap((c) => c.usage.map((u) => `  ${u}`)).join('\n')}\n`;

/** The language asked for with `--lang` (anywhere on the line), else DEFAULT_LOCALE, else Dutch. */
function localeOf(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return defaultLocaleOf(process.env);
  const value = argv[i]?.includes('=') ? argv[i]?.slice('--lang='.length) : argv[i + 1];
  if (isLocale(value)) return value;
  throw new UsageError('cli.usage.lang', { value: value ?? '' });
}

/** The real context: stdout, stderr, and the database of the configuration. */
export function contextFor(locale: Locale): CliContext {
  return {
    locale,
    out: (line) => process.stdout.write(`${line}\n`),
    note: (line) => process.stderr.write(`${line}\n`),
    async withCore(fn) {
      const config = loadConfig();
      // The command prints its own result; the log says only what went wrong.
      // Beside a running bot the command uses the bot's embedded database; otherwise it serves DATA_DIR
      // itself while it runs.
      const { db, core } = await openCore(
        config,
        createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
        { share: true, inProcess: true },
      );
      try {
        return await fn(core);
      } finally {
        await db.close();
      }
    },
  };
}

const commandUsage = (command: CliCommand) =>
  command.usage.map((u) => (u.startsWith(' ') ? `             ${u}` : `  samenspraak ${u}`));

const usageText = (err: UsageError, locale: Locale) =>
  err.key.startsWith('cli.') ? t(locale, err.key, err.params) : err.key;

/**
 * Runs one command; resolves to the exit code: 0 done, 1 refused or failed, 2 a usage or configuration
 * mistake (null for the server, which keeps running and exits by itself).
 */
export async function runCli(
  argv: string[],
  makeContext: (locale: Locale) => CliContext = contextFor,
): Promise<number | null> {
  let locale: Locale = 'nl';
  let ctx = makeContext(locale);
  const command = COMMANDS.find((c) => c.name === argv[0]);
  try {
    locale = localeOf(argv);
    ctx = makeContext(locale);
    const [name, ...args] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      (name ? ctx.out : ctx.note)(USAGE.trimEnd());
      return name ? 0 : 2;
    }
    if (!command) {
      const hint = closest(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new UsageError(hint ? 'cli.usage.unknownCommandSuggest' : 'cli.usage.unknownCommand', {
        word: name,
        hint: hint ?? '',
      });
    }
    if (args.includes('--help') || args.includes('-h')) {
      for (const line of commandUsage(command)) ctx.out(line);
      return 0;
    }
    await command.run(args, ctx);
    return name === 'serve' ? null : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      const usage = command ? `${commandUsage(command).join('\n')}\n` : '';
      ctx.note(`samenspraak: ${usageText(err, locale)}\n\n${usage}${t(locale, 'cli.usage.see')}`);
      return 2;
    }
    if (err instanceof CliRefusal) {
      ctx.note(`samenspraak: ${t(locale, err.key, err.params)}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      ctx.note(`samenspraak: ${err.message}`);
      return 2;
    }
    if (isAppError(err)) {
      const key = `cli.error.${err.code}`;
      const text = keys(locale).includes(key) ? t(locale, key, err.params) : err.message;
      ctx.note(`samenspraak: ${text}`);
      return 1;
    }
    throw err;
  }
}

/** The `samenspraak` command: bin/samenspraak.js calls this. */
export function main(): void {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`samenspraak: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
