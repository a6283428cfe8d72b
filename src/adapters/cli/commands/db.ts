import fs from 'node:fs';
import { loadConfig } from '../../../config';
import { readBackup, restoreBackup, takeBackup } from '../../../store/backup';
import type { Db } from '../../../store/db';
import { migrate } from '../../../store/migrate';
import { type OpenOptions, openDb } from '../../../store/open-db';
import { systemClock } from '../../../system-clock';
import { type CliCommand, UsageError } from '../command';

async function withDb<T>(opts: OpenOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(loadConfig(), undefined, opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export const dbCommand: CliCommand = {
  name: 'db',
  usage: [
    'db migrate                            apply the database migrations',
    'db backup FILE                        copy the embedded database to FILE (also while the bot runs)',
    'db restore FILE                       replace the embedded database with FILE (the bot stopped)',
  ],
  async run([sub, file, ...rest], { out }) {
    if (sub === 'migrate') {
      await withDb({ share: true, inProcess: true }, async (db) => {
        const applied = await migrate(db);
        out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      });
      return;
    }
    if ((sub !== 'backup' && sub !== 'restore') || !file || rest.length)
      throw new UsageError(`db ${[sub, file, ...rest].filter(Boolean).join(' ')}: unknown`);
    if (loadConfig().databaseUrl)
      throw new UsageError(
        `db ${sub} is for the embedded database; for PostgreSQL use pg_dump and pg_restore`,
      );
    if (sub === 'backup') {
      // Beside a running bot, through its database: the copy is one consistent snapshot.
      const content = await withDb({ share: true, inProcess: true }, (db) =>
        takeBackup(db, systemClock.now()),
      );
      fs.writeFileSync(file, content);
      out(`backup written: ${file} (${content.length} bytes)`);
      return;
    }
    const backup = readBackup(file, fs.readFileSync(file));
    // Not shared: a running bot holds DATA_DIR and the restore is refused until it stops.
    const { rows } = await withDb({ inProcess: true }, (db) => restoreBackup(db, backup, file));
    out(`restored ${file}: ${rows} rows, taken at ${backup.takenAt}`);
  },
};
