import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UpdateAnswer } from '../../src/core/model';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { runCliProcess } from '../support/processes';
import { discussionWorld, PO } from './world';

const answer = (itemId: string, status: UpdateAnswer['status'], progress: number): UpdateAnswer => ({
  itemId,
  status,
  progress,
  done: '',
  steeringNeeded: status === 'behind',
  steeringExplanation: status === 'behind' ? 'Te weinig leraren voor de leesaanpak.' : '',
  link: null,
});

const YEAR_2027 = {
  year: 2027,
  from: new Date('2026-12-31T23:00:00Z'),
  to: new Date('2027-12-31T23:00:00Z'),
};

describe('the sector report', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  /** A year of PO-Raad work: one cycle about a1 with two boards' answers, talk about a1, a practice. */
  async function world() {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-03-02T09:00:00Z');
    const { core, clock, coordinator, anna, carla, post } = w;
    const asCoordinator = { memberId: coordinator.id };
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Voorjaar, ronde 1',
      scope: ['a1', 'a1.2'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T00:00:00Z'),
      closesAt: new Date('2027-03-26T23:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    await core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1', 'on_track', 70)] });
    await core.submitUpdate(carla.id, {
      cycleId: cycle.id,
      answers: [answer('a1', 'behind', 20), answer('a1.2', 'attention', 30)],
    });
    await post(
      'Onze resultaten op begrijpend lezen blijven achter; we starten een schoolbreed leesplan. #A1',
    );
    await post(
      'De referentieniveaus als ijkpunt in de groepsbespreking helpen leraren om achterstanden te zien. #A1',
    );
    await core.sharePractice(anna.id, {
      workspaceId: 'slack:T1',
      channelId: 'C-KWAL',
      title: '<b>Lees & schrijf</b>',
      description: 'Dagelijks 30 minuten lezen, ook in groep 8.',
      ambitionIds: ['a1'],
      instruments: 'Leesmonitor',
      contact: 'anna@stichting.nl',
    });
    clock.set('2027-06-01T09:00:00Z');
    await core.closeCycle(asCoordinator, cycle.id);
    return w;
  }

  it('has per theme and ambition the cycle results, the discussion and the practices, without names', async () => {
    const { core } = await world();
    const report = await core.sectorReport({ agendaId: PO, ...YEAR_2027 });
    expect(report.themes.map((th) => [th.id, th.ambitions.map((a) => a.ambition.id)])).toEqual([
      ['t1', ['a1', 'a2', 'a3']],
      ['t2', ['a4', 'a5']],
      ['t3', ['a6', 'a7', 'a8']],
      ['t4', ['a9', 'a10']],
    ]);
    const a1 = report.themes[0]?.ambitions[0];
    expect(a1?.cycles.map((c) => [c.name, c.boards, c.counts, c.averageProgress])).toEqual([
      ['Voorjaar, ronde 1', 2, { on_track: 1, attention: 1, behind: 1, not_started: 0 }, 40],
    ]);
    expect(a1?.messages.total).toBe(2);
    expect(a1?.practices.map((p) => p.title)).toEqual(['<b>Lees & schrijf</b>']);
    expect(a1?.steering.map((s) => [s.explanation, s.boardName])).toEqual([
      ['Te weinig leraren voor de leesaanpak.', null],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/Anna|Carla|Bram/);
  });

  it('renders Markdown, HTML that prints cleanly, and CSV', async () => {
    const { core } = await world();
    const input = { agendaId: PO, ...YEAR_2027 };
    const md = await core.renderReport(input, 'md');
    expect(md).toContain('# Staat van de sector 2027: PO-Raad');
    expect(md).toContain('1 januari 2027 t/m 31 december 2027');
    expect(md).toContain('## Thema t1: Onderwijskwaliteit');
    expect(md).toContain('### Ambitie 1: Trend van achterblijvende onderwijsresultaten kenteren');
    expect(md).toContain('| Voorjaar, ronde 1 (27 maart 2027) | 2 | 1 | 1 | 1 | 0 | 40% |');

    const html = await core.renderReport(input, 'html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).toContain('&lt;b&gt;Lees &amp; schrijf&lt;/b&gt;');
    expect(html).not.toContain('<b>Lees');

    const csv = (await core.renderReport(input, 'csv')).split('\r\n');
    expect(csv[0]).toBe(
      'agenda,theme_id,theme,item_id,item,cycle,cycle_closes,boards,on_track,attention,behind,not_started,average_progress,trend,messages,practices,steering_signals,steering_decision',
    );
    expect(csv).toContain(
      'po-raad-2022-2026,t1,Onderwijskwaliteit,a1,Trend van achterblijvende onderwijsresultaten kenteren,"Voorjaar, ronde 1",2027-03-27,2,1,1,1,0,40,,2,1,1,',
    );
    expect(csv).toContain(
      'po-raad-2022-2026,t1,Onderwijskwaliteit,a2,Kwaliteitszorg op orde bij alle besturen,,,,,,,,,,0,0,0,',
    );
  });

  it('groups VO-raad’s sector ambitions apart and gives its lines the results of their actions', async () => {
    const { core, clock, coordinator, anna } = await world();
    const asCoordinator = { memberId: coordinator.id };
    clock.set('2027-09-02T09:00:00Z');
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: 'vo-raad-2020-2025',
      name: 'Najaar',
      scope: ['l1.1', 'l1.2'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-09-01T00:00:00Z'),
      closesAt: new Date('2027-09-30T00:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    await core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('l1.1', 'on_track', 80)] });
    const report = await core.sectorReport({ agendaId: 'vo-raad-2020-2025', ...YEAR_2027 });
    expect(report.themes[0]?.title).toBeNull();
    expect(report.themes[0]?.ambitions).toHaveLength(7);
    const l1 = report.themes.find((th) => th.id === 'l1');
    expect(l1?.actionResults.map((c) => [c.name, c.counts.on_track, c.averageProgress])).toEqual([
      ['Najaar', 1, 80],
    ]);
    expect(await core.renderReport({ agendaId: 'vo-raad-2020-2025', ...YEAR_2027 }, 'md')).toContain(
      '## Sectorambities',
    );
  });
});

describe('samenspraak report', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-report-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the report of a year in the format asked, and refuses an unknown format', async () => {
    const csv = await runCliProcess(['report', '--agenda', PO, '--year', '2027', '--format', 'csv'], {
      DATA_DIR: dataDir,
    });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^agenda,theme_id,theme,item_id/);
    expect(csv.stdout.split('\r\n')).toHaveLength(11);
    const pdf = await runCliProcess(['report', '--agenda', PO, '--year', '2027', '--format', 'pdf'], {
      DATA_DIR: dataDir,
    });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--format expects md, html, csv');
  });
});
