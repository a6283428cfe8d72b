import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Db } from '../../src/store/db';
import { migrate } from '../../src/store/migrate';
import { openPostgresDb } from '../../src/store/postgres-db';
import { memoryEmbeddedDb } from './embedded-memory';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  db: Db;
  /** Empties every table, so each test starts from nothing. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

async function emptyTables(db: Db) {
  const res = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
  );
  if (res.rows.length) await db.exec(`TRUNCATE ${res.rows.map((r) => r.name).join(', ')} CASCADE`);
}

/**
 * An in-memory PGlite, migrated, reached through pg on its socket as the bot reaches its own: one per
 * test file (started from a migrated template, so it costs about a second).
 */
export async function pgliteDatabase(): Promise<TestDatabase> {
  const db = await memoryEmbeddedDb();
  return { db, reset: () => emptyTables(db), close: () => db.close() };
}

/** A fresh database on the PostgreSQL server of TEST_DATABASE_URL, dropped at close. */
export async function postgresDatabase(
  url = TEST_DATABASE_URL as string,
): Promise<TestDatabase & { url: string }> {
  const name = `samenspraak_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  // The drop at close ends this database's connections: that is expected, not a warning.
  const db = await openPostgresDb(dbUrl.toString(), 10, () => {});
  await migrate(db);
  return {
    db,
    url: dbUrl.toString(),
    reset: () => emptyTables(db),
    async close() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The drivers to run shared storage tests against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: [string, () => Promise<TestDatabase>][] = [
  ['PGlite', pgliteDatabase],
  ...(TEST_DATABASE_URL
    ? ([['PostgreSQL', () => postgresDatabase()]] as [string, () => Promise<TestDatabase>][])
    : []),
];
