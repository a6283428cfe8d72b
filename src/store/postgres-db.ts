import { Pool } from 'pg';
import { AppError } from '../core/errors';
import type { Db, Queryable, QueryResult } from './db';

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;

  constructor(private readonly pool: Pool) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const res = await this.pool.query(sql, [...params]);
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
          const res = await client.query(sql, [...params]);
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

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * A pool on DATABASE_URL. An idle connection the server drops (restart, failover) emits an error on the
 * pool; it is reported through onIdleError and the pool opens a new connection at the next query.
 */
export async function openPostgresDb(
  url: string,
  max = 10,
  onIdleError: (err: Error) => void = (err) =>
    process.emitWarning(`PostgreSQL idle connection: ${err.message}`),
): Promise<Db> {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', onIdleError);
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end();
    const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new AppError(
      'DB_UNAVAILABLE',
      `DATABASE_URL ${safeUrl}: cannot connect (${(cause as Error).message}). Is the server running and the URL right?`,
      {},
      { cause },
    );
  }
  return new PostgresDb(pool);
}
