import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliProcess } from '../support/processes';

describe('the samenspraak command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-cli-'));

  it('lists both agendas as JSON: 10 and 7 ambitions, each with its actions', async () => {
    const result = await runCliProcess(['agenda', 'list', '--json'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const agendas = JSON.parse(result.stdout) as {
      id: string;
      ambitions: { actions: unknown[] }[];
      themes: { actions: unknown[] }[];
    }[];
    expect(agendas.map((a) => [a.id, a.ambitions.length])).toEqual([
      ['po-raad-2022-2026', 10],
      ['vo-raad-2020-2025', 7],
    ]);
    expect(agendas[0]?.ambitions.every((a) => a.actions.length > 0)).toBe(true);
    expect(agendas[1]?.themes.every((l) => l.actions.length > 0)).toBe(true);
  });

  it('validates an agenda file and names what is wrong', async () => {
    const good = path.resolve(__dirname, '../../agendas/vo-raad-2020-2025.yaml');
    expect((await runCliProcess(['agenda', 'validate', good])).stdout).toContain(
      'in orde (vo-raad-2020-2025: 5 thema’s, 7 ambities)',
    );
    const bad = path.join(dataDir, 'bad.yaml');
    fs.writeFileSync(bad, fs.readFileSync(good, 'utf8').replace(/^(\s+)tag: uitdagendonderwijs$/m, ''));
    const result = await runCliProcess(['agenda', 'validate', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: ambitions.0.tag:`);
  });

  it('imports an agenda of the association, which the list then shows', async () => {
    const own = path.join(dataDir, 'eigen.yaml');
    const text = fs
      .readFileSync(path.resolve(__dirname, '../../agendas/vo-raad-2020-2025.yaml'), 'utf8')
      .replace(/^id: vo-raad-2020-2025$/m, 'id: eigen-vereniging-2027');
    fs.writeFileSync(own, text);
    expect((await runCliProcess(['agenda', 'import', own], { DATA_DIR: dataDir })).code).toBe(0);
    const list = await runCliProcess(['agenda', 'list'], { DATA_DIR: dataDir });
    expect(list.stdout).toContain('eigen-vereniging-2027');
  });

  it('migrates the database and imports boards from a CSV, refusing a bad row by its line', async () => {
    expect((await runCliProcess(['db', 'migrate'], { DATA_DIR: dataDir })).stdout).toContain(
      'applied: 001_schema.sql',
    );
    expect((await runCliProcess(['db', 'migrate'], { DATA_DIR: dataDir })).stdout).toContain('up to date');
    const csv = path.join(dataDir, 'besturen.csv');
    fs.writeFileSync(
      csv,
      'naam;bestuursnummer;regio\nStichting Noorderlicht;41001;Noord\nSKO Zuid;41002;zuid\n',
    );
    const ok = await runCliProcess(['boards', 'import', csv], { DATA_DIR: dataDir });
    expect(ok.stdout).toContain('2 besturen toegevoegd, 0 bijgewerkt');
    expect(ok.stderr).toContain(`${csv}: gelezen als UTF-8`);
    fs.writeFileSync(csv, 'naam,bestuursnummer,regio\nStichting X,123,west\n');
    const bad = await runCliProcess(['boards', 'import', csv], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${csv}, rij 2, kolom 2 (bestuursnummer): verwacht een bestuursnummer (DUO) van vijf cijfers; gevonden: "123"`,
    );
    const missing = await runCliProcess(['boards', 'import', path.join(dataDir, 'weg.csv')], {
      DATA_DIR: dataDir,
      DEFAULT_LOCALE: 'en',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`samenspraak: ${path.join(dataDir, 'weg.csv')}: file not found`);
    expect(missing.stderr).not.toContain('ENOENT');
  });

  it('plans and lists a cycle from the command line', async () => {
    const planned = await runCliProcess(
      [
        'cycle',
        'plan',
        '--agenda',
        'po-raad-2022-2026',
        '--name',
        'Voorjaar 2027',
        '--opens',
        '2027-03-01',
        '--closes',
        '2027-03-21',
        '--ambitions',
        'a1,a2',
        '--json',
      ],
      { DATA_DIR: dataDir },
    );
    expect(planned.code).toBe(0);
    const cycle = JSON.parse(planned.stdout) as { status: string; opensAt: string; closesAt: string };
    // Midnight in Amsterdam (UTC+1 in winter) and the end of the closing day.
    expect(cycle).toMatchObject({
      status: 'scheduled',
      opensAt: '2027-02-28T23:00:00.000Z',
      closesAt: '2027-03-21T22:59:00.000Z',
    });
    expect((await runCliProcess(['cycle', 'list'], { DATA_DIR: dataDir })).stdout).toContain(
      'gepland  po-raad-2022-2026  Voorjaar 2027  2027-03-01 00:00  2027-03-21 23:59',
    );
    const usage = await runCliProcess(['cycle', 'plan', '--agenda', 'po-raad-2022-2026'], {
      DATA_DIR: dataDir,
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('cycle plan: --name is verplicht');
  });

  it('answers an unknown command with a suggestion and exit code 2', async () => {
    const result = await runCliProcess(['agnda', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('onbekende opdracht: agnda. Bedoel je agenda?');
    expect(result.stderr).toContain('samenspraak --help');
  });

  it('names a member it does not know when asked for their data', async () => {
    const result = await runCliProcess(['member-data', 'nobody'], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('samenspraak: no member nobody\n');
    expect((await runCliProcess(['member-data'], { DATA_DIR: dataDir })).stderr).toContain(
      'member-data: give one MEMBER_ID',
    );
  });
});

describe('samenspraak cards preview', () => {
  it('prints a card bound with sample data for Teams and its Block Kit for Slack', async () => {
    const teams = await runCliProcess(['cards', 'preview', 'checkin', '--platform', 'teams']);
    expect(teams.code).toBe(0);
    expect(JSON.parse(teams.stdout)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const slack = await runCliProcess([
      'cards',
      'preview',
      'update-form',
      '--platform',
      'slack',
      '--locale',
      'en',
    ]);
    expect(JSON.parse(slack.stdout)).toMatchObject({ type: 'modal' });
    const wrong = await runCliProcess(['cards', 'preview', 'nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('NAME is one of welcome');
  });
});
