import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, readMigrations } from '../../src/store/migrate';
import { openPostgresDb } from '../../src/store/postgres-db';
import { DRIVERS, postgresDatabase, TEST_DATABASE_URL } from '../support/databases';

describe.each(DRIVERS)('migrations on %s', (_name, open) => {
  it('are applied once, in order', async () => {
    const t = await open();
    try {
      expect(await migrate(t.db)).toEqual([]); // the test database is migrated already
      const applied = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(applied.rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await t.close();
    }
  });

  it('roll a failing migration back entirely and name it', async () => {
    const t = await open();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    fs.writeFileSync(
      path.join(dir, '900_half.sql'),
      'CREATE TABLE half_done (id int);\nSELECT no_such_function();',
    );
    try {
      await expect(migrate(t.db, readMigrations(dir))).rejects.toMatchObject({
        code: 'MIGRATION_FAILED',
        message: expect.stringContaining('900_half.sql'),
      });
      const table = await t.db.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
      expect(table.rows).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

(TEST_DATABASE_URL ? describe : describe.skip)('replicas starting together', () => {
  // Skipped without TEST_DATABASE_URL: it needs a PostgreSQL server (CI sets it).
  it('migrate once under the advisory lock', async () => {
    const t = await postgresDatabase();
    try {
      await t.db.exec('DROP TABLE schema_migrations; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const replicas = await Promise.all([1, 2, 3].map(() => openPostgresDb(t.url, 2)));
      const results = await Promise.all(replicas.map((db) => migrate(db)));
      await Promise.all(replicas.map((db) => db.close()));
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await t.close();
    }
  });
});
