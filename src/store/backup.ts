import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../core/errors';
import type { Db, Queryable } from './db';
import { applyMigrations, migrate, readMigrations } from './migrate';

const FORMAT = 'samenspraak-backup';

const backupSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  takenAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  sequences: z.record(z.string(), z.union([z.string(), z.number()]).nullable()),
});
export type Backup = z.infer<typeof backupSchema>;

/** Quoted so that any table name the migrations create is safe in SQL. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function userTables(db: Queryable): Promise<string[]> {
  const res = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  return res.rows.map((r) => r.name);
}

/**
 * Every row of every table and every sequence's position, read in one read-only transaction: one snapshot
 * on PostgreSQL, and on the embedded database the transaction holds the backend, so the bot's writes
 * wait for the few seconds it takes instead of landing half in it.
 */
export async function takeBackup(db: Db, now: Date): Promise<Buffer> {
  const backup = await db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const migrations = await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    const tables: Backup['tables'] = {};
    for (const table of await userTables(tx)) {
      const res = await tx.query<{ rows: Record<string, unknown>[] | null }>(
        `SELECT json_agg(t) AS rows FROM ${ident(table)} t`,
      );
      tables[table] = res.rows[0]?.rows ?? [];
    }
    const seqs = await tx.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = current_schema()`,
    );
    return {
      format: FORMAT,
      version: 1,
      takenAt: now.toISOString(),
      migrations: migrations.rows.map((r) => r.name),
      tables,
      sequences: Object.fromEntries(seqs.rows.map((s) => [s.name, s.last])),
    } satisfies Backup;
  });
  return gzipSync(JSON.stringify(backup));
}

export function readBackup(file: string, content: Buffer): Backup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(content).toString('utf8'));
  } catch (cause) {
    throw new AppError(
      'INPUT_INVALID',
      `${file} is not a Samenspraak backup (not gzip'd JSON)`,
      {},
      { cause },
    );
  }
  const res = backupSchema.safeParse(parsed);
  if (!res.success)
    throw new AppError(
      'INPUT_INVALID',
      `${file} is not a Samenspraak backup: ${res.error.issues[0]?.message}`,
      {},
    );
  return res.data;
}

/**
 * Replaces the whole database with the backup, in one transaction: the schema is rebuilt at the backup's
 * migrations, the rows and sequences put back (foreign keys checked by the data's own consistency, not
 * row by row), and newer migrations of this version applied after. A backup from a newer version is refused.
 */
export async function restoreBackup(db: Db, backup: Backup, file: string): Promise<{ rows: number }> {
  const known = readMigrations();
  const unknown = backup.migrations.filter((name) => !known.some((m) => m.name === name));
  if (unknown.length)
    throw new AppError(
      'INPUT_INVALID',
      `${file} was made by a newer Samenspraak (migrations ${unknown.join(', ')}); restore it with that version`,
      {},
    );
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await applyMigrations(
      tx,
      known.filter((m) => backup.migrations.includes(m.name)),
    );
    await tx.exec('SET LOCAL session_replication_role = replica');
    for (const [table, data] of Object.entries(backup.tables)) {
      await tx.query(
        `INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1)`,
        [JSON.stringify(data)],
      );
      rows += data.length;
    }
    for (const [sequence, last] of Object.entries(backup.sequences))
      if (last !== null) await tx.query('SELECT setval($1::regclass, $2::bigint)', [ident(sequence), last]);
  });
  await migrate(db);
  return { rows };
}
