import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type PoolConfig, type QueryConfig } from 'pg';
import { AppError } from '../core/errors';
import type { Db, Queryable, QueryResult } from './db';

/**
 * Distinct statements named per process; beyond these, a statement is parsed each time it runs. The code
 * has about 160 queries; a prepared one holds about 30 KB of the embedded database's memory.
 */
const MAX_NAMED = 500;

/**
 * On the embedded database a statement with parameters runs as a named (prepared) statement: PGlite
 * parses and plans in WebAssembly, which costs two thirds of a short query, and the socket server keeps
 * one prepared copy for every connection and process (turns.ts). The name is the text's hash, so one
 * name always means one text. A PostgreSQL server parses natively, and a replica's prepared statement would
 * fail after another replica's migration changed a table it reads with `*`: there, no names.
 */
class Statements {
  private readonly names = new Map<string, string>();

  config(sql: string, values: unknown[]): QueryConfig | string {
    if (values.length === 0) return sql;
    let name = this.names.get(sql);
    if (name === undefined) {
      if (this.names.size >= MAX_NAMED) return { text: sql, values };
      name = `s_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      this.names.set(sql, name);
    }
    return { name, text: sql, values };
  }
}

/** The one driver: a pg pool, on a PostgreSQL server or on the embedded database's socket. */
class PgDb implements Db {
  private readonly statements: Statements | null;

  constructor(
    readonly kind: Db['kind'],
    private readonly pool: Pool,
    private readonly afterClose: () => Promise<void>,
  ) {
    this.statements = kind === 'pglite' ? new Statements() : null;
  }

  private run(on: Pool | PoolClient, sql: string, params: readonly unknown[]) {
    const values = [...params];
    const named = this.statements?.config(sql, values);
    return typeof named === 'object' ? on.query(named) : on.query(sql, values);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const res = await this.run(this.pool, sql, params);
    return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => {
          const res = await this.run(client, sql, params);
          return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
        },
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A failed ROLLBACK leaves the connection unusable: release(error) makes the pool discard it.
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    try {
      await this.pool.end();
    } finally {
      await this.afterClose();
    }
  }
}

export interface PgDbOptions {
  kind: Db['kind'];
  max: number;
  /** How the database is named in messages, without secrets. */
  name: string;
  onIdleError: (err: Error) => void;
  afterClose?: () => Promise<void>;
}

/** A pool that answered SELECT 1, or DB_UNAVAILABLE naming the database. */
export async function openPgDb(connection: PoolConfig, opts: PgDbOptions): Promise<Db> {
  const pool = new Pool({ ...connection, max: opts.max });
  pool.on('error', opts.onIdleError);
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end();
    throw new AppError(
      'DB_UNAVAILABLE',
      `${opts.name}: cannot connect (${(cause as Error).message}). Is the server running and the URL right?`,
      {},
      { cause },
    );
  }
  return new PgDb(opts.kind, pool, opts.afterClose ?? (async () => {}));
}

/**
 * A pool on DATABASE_URL. An idle connection the server drops (restart, failover) emits an error on the
 * pool; it is reported through onIdleError and the pool opens a new connection at the next query.
 */
export function openPostgresDb(
  url: string,
  max = 10,
  onIdleError: (err: Error) => void = (err) =>
    process.emitWarning(`PostgreSQL idle connection: ${err.message}`),
): Promise<Db> {
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  return openPgDb(
    { connectionString: url },
    { kind: 'postgres', max, name: `DATABASE_URL ${safeUrl}`, onIdleError },
  );
}
