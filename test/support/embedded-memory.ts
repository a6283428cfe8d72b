import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../../src/store/db';
import { SOCKET_NAME, SOCKET_PORT } from '../../src/store/embedded/socket-path';
import { serveOnSocket } from '../../src/store/embedded/socket-server';
import { migrate, readMigrations } from '../../src/store/migrate';
import { openPgDb } from '../../src/store/postgres-db';

/**
 * An in-memory PGlite served on a Unix socket in this process and reached through pg, as the bot reaches
 * its embedded database. Started from a dumped, migrated template (made once per set of migrations and
 * kept in the temporary directory): loading it skips initdb and the migrations.
 */
export async function memoryEmbeddedDb(): Promise<Db> {
  const pg = await PGlite.create({ loadDataDir: await migratedTemplate() });
  return serve(pg);
}

async function serve(pg: PGlite): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-db-'));
  const server = await serveOnSocket(pg, path.join(dir, SOCKET_NAME));
  return openPgDb(
    { host: dir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    {
      kind: 'pglite',
      max: 10,
      name: 'the in-memory test database',
      onIdleError: () => {},
      async afterClose() {
        await server.close();
        await pg.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
  );
}

function templateFile(): string {
  const hash = createHash('sha256');
  for (const m of readMigrations()) hash.update(m.name).update(m.sql);
  hash.update(fs.readFileSync(require.resolve('@electric-sql/pglite')));
  return path.join(os.tmpdir(), `samenspraak-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

async function migratedTemplate(): Promise<Blob> {
  const file = templateFile();
  if (!fs.existsSync(file)) {
    const pg = await PGlite.create();
    const db = await serve(pg);
    await migrate(db);
    const dump = await pg.dumpDataDir('gzip');
    await db.close();
    // Test files run in parallel workers: write aside, then rename into place atomically.
    const aside = `${file}.${process.pid}`;
    fs.writeFileSync(aside, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(aside, file);
  }
  return new Blob([fs.readFileSync(file)]);
}
