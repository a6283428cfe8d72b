import { loadConfig } from '../../../config';
import { migrate } from '../../../store/migrate';
import { openDb } from '../../../store/open-db';
import { type CliCommand, UsageError } from '../command';

export const dbCommand: CliCommand = {
  name: 'db',
  usage: ['db migrate                            apply the database migrations'],
  async run([sub], { out }) {
    if (sub !== 'migrate') throw new UsageError(`db ${sub ?? ''}: unknown`);
    const db = await openDb(loadConfig(), undefined, { share: true });
    try {
      const applied = await migrate(db);
      out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    } finally {
      await db.close();
    }
  },
};
