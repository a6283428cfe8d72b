import { type CliContext, UsageError } from './adapters/cli/command';
import { COMMANDS } from './adapters/cli/commands/index';
import { openCore } from './app';
import { ConfigError, loadConfig } from './config';
import { isAppError } from './core/errors';
import { createLogger } from './logger';

const USAGE = `samenspraak <command>\n\n${COMMANDS.flatMap((c) => c.usage.map((u) => `  ${u}`)).join('\n')}\n`;

const context: CliContext = {
  out: (line) => process.stdout.write(`${line}\n`),
  async withCore(fn) {
    const config = loadConfig();
    // The command prints its own result; the log says only what went wrong. Beside a running bot the
    // command uses the bot's embedded database; otherwise it serves DATA_DIR itself while it runs.
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

/** Runs one command; resolves to the exit code (the server keeps running and exits by itself). */
export async function runCli(argv: string[]): Promise<number | null> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command: ${argv.slice(0, 2).join(' ')}`);
    await command.run(args, context);
    return name === 'serve' ? null : 0;
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`samenspraak: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`samenspraak: ${err.message}\n`);
      return 2;
    }
    if (isAppError(err) || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`samenspraak: ${(err as Error).message}\n`);
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
