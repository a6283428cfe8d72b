import type { Logger } from '../core/ports';
import type { Db } from './db';
import { openPgliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';

/** PostgreSQL when DATABASE_URL is set, the embedded PGlite in DATA_DIR otherwise. */
export function openDb(config: { databaseUrl?: string; dataDir: string }, logger?: Logger): Promise<Db> {
  return config.databaseUrl
    ? openPostgresDb(config.databaseUrl, 10, (err) =>
        logger?.warn({ code: 'DB_UNAVAILABLE', err }, 'database connection lost'),
      )
    : openPgliteDb(config.dataDir);
}
