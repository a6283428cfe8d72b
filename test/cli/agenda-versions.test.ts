import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { CLI } from '../../src/core/access';
import type { Agenda } from '../../src/core/agenda/model';
import { loadAgendas } from '../../src/store/agenda-files';
import { testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { runOn } from './run';

const bundled = path.resolve(__dirname, '../../agendas/po-raad-2022-2026.yaml');

describe('the bundled agendas are protected', () => {
  let t0: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    t0 = await pgliteDatabase();
  });
  afterAll(() => t0.close());
  beforeEach(async () => {
    await t0.reset();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-agenda-'));
    process.env.DATA_DIR = dataDir;
  });

  /** The PO-Raad agenda cut down to its first ambition, written where a coordinator would keep it. */
  function oneAmbition(): string {
    const agenda = YAML.parse(fs.readFileSync(bundled, 'utf8')) as Agenda;
    const file = path.join(dataDir, 'po-klein.yaml');
    fs.writeFileSync(file, YAML.stringify({ ...agenda, ambitions: agenda.ambitions.slice(0, 1) }));
    return file;
  }
  const effective = () => loadAgendas([], dataDir).find((a) => a.id === 'po-raad-2022-2026');

  it('refuses to import an agenda with a bundled id without --replace', async () => {
    const { core } = await testCore(t0.db);
    const r = await runOn(core, ['agenda', 'import', oneAmbition()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'De agenda "po-raad-2022-2026" hoort bij Samenspraak. Vervangen kan alleen met --replace',
    );
    expect(effective()?.ambitions).toHaveLength(10);
  });

  it('refuses --replace while an open cycle asks about ambitions that would disappear', async () => {
    const { core } = await testCore(t0.db);
    await core.planCycle(CLI, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a3'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-02-28T23:00:00Z'),
      closesAt: new Date('2027-03-21T22:59:00Z'),
    });
    const r = await runOn(core, ['agenda', 'import', oneAmbition(), '--replace']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deze onderdelen zouden verdwijnen: a3');
    expect(effective()?.ambitions).toHaveLength(10);
  });

  it('replaces with --replace, keeps the previous version, and removes back to the bundled one', async () => {
    const { core } = await testCore(t0.db);
    const replaced = await runOn(core, ['agenda', 'import', oneAmbition(), '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(
      /po-raad-2022-2026 vervangen \(1 ambitie\); de vorige versie is bewaard als 2027-03-01T08-00-00-000Z/,
    );
    expect(effective()?.ambitions).toHaveLength(1);
    const versions = await runOn(core, ['agenda', 'versions', 'po-raad-2022-2026', '--json']);
    expect(JSON.parse(versions.stdout)).toEqual([
      { version: '2027-03-01T08-00-00-000Z', ambitions: 10, items: 36 },
    ]);
    const removed = await runOn(core, ['agenda', 'remove', 'po-raad-2022-2026', '--json']);
    expect(removed).toMatchObject({ code: 0 });
    expect(JSON.parse(removed.stdout)).toMatchObject({ id: 'po-raad-2022-2026', removed: true });
    expect(effective()?.ambitions).toHaveLength(10);
    const again = await runOn(core, ['agenda', 'remove', 'po-raad-2022-2026']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is niet geïmporteerd');
  });
});
