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
  // The handlers come first: a SIGTERM while the server starts (a container stopped at once) stops it as
  // soon as it has started, with exit code 0, instead of killing it halfway.
  let app: Awaited<ReturnType<typeof startServer>> | null = null;
  let stopping: string | null = null;
  const stop = () => {
    if (!app || !stopping) return;
    logger.info({ signal: stopping }, 'stopping');
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
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = signal;
    stop();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  try {
    app = await startServer(config, logger);
  } catch (err) {
    reportError(logger, err, { phase: 'start' });
    process.stderr.write(`samenspraak: ${(err as Error).message}\n`);
    process.exit(1);
  }
  stop();
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
