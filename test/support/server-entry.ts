// The whole server as `node dist/main.js` runs it (startServer: Bolt and the Slack sender, CloudAdapter and
// the Teams sender, the scheduler and the outbox worker with limits shared through the database), only on
// the shared clock of CLOCK_FILE instead of the system's, so a test can say what day it is.
import { startServer } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { fileClock } from './file-clock';

async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  // The handler comes first: a SIGTERM while the server starts stops it once started, with exit code 0.
  let stopAsked = false;
  let stop = () => {
    stopAsked = true;
  };
  process.on('SIGTERM', () => stop());
  const app = await startServer(config, logger, [], { clock: fileClock(process.env.CLOCK_FILE ?? '') });
  stop = () => {
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.stdout.write('READY\n');
  if (stopAsked) stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`server entry failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
