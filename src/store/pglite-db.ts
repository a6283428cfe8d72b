import path from 'node:path';
import { Mutex, PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import type { Db, Queryable, QueryResult } from './db';

function toResult<T>(res: { rows: T[]; affectedRows?: number }): QueryResult<T> {
  return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
}

/**
 * PGlite has one connection. Every statement outside a transaction and every transaction take turns
 * through one mutex, so a plain query never lands inside somebody else's open transaction.
 */
class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  private readonly turn = new Mutex();

  constructor(
    private readonly pg: PGlite,
    private readonly unlock: () => void,
  ) {}

  query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    return this.turn.runExclusive(async () => toResult(await this.pg.query<T>(sql, [...params])));
  }

  exec(sql: string): Promise<void> {
    return this.turn.runExclusive(async () => {
      await this.pg.exec(sql);
    });
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.turn.runExclusive(() =>
      this.pg.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) =>
            toResult(await tx.query<R>(sql, [...params])),
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    );
  }

  async close(): Promise<void> {
    try {
      await this.turn.runExclusive(() => this.pg.close());
    } finally {
      this.unlock();
    }
  }
}

/**
 * Opens (creating on first use) the embedded database in DATA_DIR/pglite, refusing a DATA_DIR another
 * process holds.
 */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  const unlock = lockDataDir(dataDir);
  try {
    const pg = await PGlite.create(path.join(dataDir, 'pglite'));
    return new PgliteDb(pg, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

/** An in-memory database, for tests; loadDataDir starts it from a dumped template. */
export async function openMemoryDb(loadDataDir?: Blob | File): Promise<Db> {
  const pg = await PGlite.create(loadDataDir ? { loadDataDir } : undefined);
  return new PgliteDb(pg, () => {});
}
