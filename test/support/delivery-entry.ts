// A process that runs the scheduler and the outbox worker as the server does, against the database of
// DATABASE_URL or DATA_DIR and the fake platform of FAKE_PLATFORM_URL, on the shared clock of CLOCK_FILE.
// It ticks every second (production: every minute). Used by the crash and replica tests.

import { loadConfig } from '../../src/config';
import { startDelivery } from '../../src/delivery/start';
import { createLogger } from '../../src/logger';
import { prepareCore } from '../../src/open-core';
import { openDb } from '../../src/store/open-db';
import { fakeSlackSender, fakeTeamsSender } from './fake-senders';
import { fileClock } from './file-clock';

async function main() {
  const env = process.env;
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  const db = await openDb(config, logger);
  const core = await prepareCore(db, config, logger, { clock: fileClock(env.CLOCK_FILE ?? '') });
  const platform = env.FAKE_PLATFORM_URL ?? '';
  const leaseMs = Number(env.LEASE_MS ?? 2_000);
  const delivery = startDelivery(
    core.deps,
    [fakeSlackSender(platform, 1_000), fakeTeamsSender(platform, 1_000)],
    {
      slackPerMinute: config.delivery.slackPerMinute,
      replica: env.REPLICA ?? `entry-${process.pid}`,
      pollMs: 100,
      cron: '* * * * * *',
      worker: { leaseMs, sendTimeoutMs: 1_000 },
    },
  );
  await delivery.scheduler.started;
  process.stdout.write('READY\n');
  process.on('SIGTERM', () => {
    delivery
      .stop()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`stop failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`delivery entry failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
