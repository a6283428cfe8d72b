import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import { MIGRATIONS_DIR } from '../paths';
import type { Db, Queryable } from './db';

/** Any constant will do; every replica must use the same one. */
const MIGRATION_LOCK = 72_517_001;

export interface Migration {
  name: string;
  sql: string;
}

export const SCHEMA_MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())';

/** Applies migrations inside the caller's transaction, unconditionally (a restore into an empty schema). */
export async function applyMigrations(tx: Queryable, migrations: readonly Migration[]): Promise<void> {
  await tx.exec(SCHEMA_MIGRATIONS_TABLE);
  for (const migration of migrations) {
    await tx.exec(migration.sql);
    await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Applies the migrations not applied yet, in order, each in its own transaction under an advisory lock:
 * replicas starting together wait for each other, and each migration runs once.
 * Returns the names it applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(SCHEMA_MIGRATIONS_TABLE);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db
      .transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
        if (done.rows.length > 0) return false;
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
        return true;
      })
      .catch((cause: unknown) => {
        throw new AppError(
          'MIGRATION_FAILED',
          `migration ${migration.name} failed: ${(cause as Error).message}`,
          { migration: migration.name },
          { cause },
        );
      });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
