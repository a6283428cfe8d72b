import { startServer } from './app';
import { ConfigError, loadConfig } from './config';
import type { Logger } from './core/ports';
import { reportError } from './error-sink';
import { createLogger } from './logger';
import { checkStartup } from './startup-checks';

/** `npm start`: one server until SIGTERM or SIGINT, then a graceful stop with exit code 0. */
export async function serve(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    checkStartup(config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `samenspraak: ${err.message}\nSee the table of environment variables in README.md.\n`,
    );
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof startServer>>;
  try {
    app = await startServer(config, logger);
  } catch (err) {
    reportError(logger, err, { phase: 'start' });
    process.stderr.write(`samenspraak: ${(err as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.stop().then(
      () => {
        logger.info({}, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        reportError(logger, err, { phase: 'stop' });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** A failure serve() did not handle itself (a bug): reported through the error sink, then exit 1. */
export function failedToServe(
  err: unknown,
  logger: Logger = createLogger('error'),
  exit: (code: number) => void = process.exit,
): void {
  reportError(logger, err, { phase: 'serve' });
  exit(1);
}

if (require.main === module) serve().catch((err: unknown) => failedToServe(err));
