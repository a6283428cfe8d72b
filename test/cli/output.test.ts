import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI } from '../../src/core/access';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { runOn } from './run';

const answer = (itemId: string) => ({
  itemId,
  status: 'on_track' as const,
  progress: 50,
  done: 'Gedaan.',
  steeringNeeded: false,
  steeringExplanation: '',
  link: null,
});

describe('the command line as a coordinator reads it', () => {
  let t0: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-cli-out-'));
  beforeAll(async () => {
    t0 = await pgliteDatabase();
    process.env.TIMEZONE = 'Europe/Amsterdam';
    process.env.DATA_DIR = dir;
    delete process.env.DEFAULT_LOCALE;
  });
  afterAll(() => t0.close());

  /** Two boards, three people, a cycle open since 1 March with Anna's answer, and one planned for autumn. */
  async function world() {
    await t0.reset();
    const { core, clock } = await testCore(t0.db, '2027-02-20T09:00:00Z');
    const people = await seedPeople(core);
    await core.confirmBoard(CLI, people.anna.id, people.boardA.id);
    await core.registerBoards(CLI, [{ duoNumber: '43456', name: 'Stichting Nog Niemand', region: 'zuid' }]);
    const spring = await core.planCycle(CLI, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a2'],
      audience: { boards: [people.boardA.id, people.boardB.id], members: [] },
      opensAt: new Date('2027-02-28T23:00:00Z'),
      closesAt: new Date('2027-03-21T22:59:00Z'),
    });
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    await core.submitUpdate(people.anna.id, { cycleId: spring.id, answers: [answer('a1')] });
    const autumn = await core.planCycle(CLI, {
      agendaId: 'vo-raad-2020-2025',
      name: 'Najaar 2027',
      scope: [],
      audience: { boards: [people.boardB.id], members: [] },
      opensAt: new Date('2027-09-30T22:00:00Z'),
      closesAt: new Date('2027-10-21T21:59:00Z'),
    });
    return { core, clock, spring, autumn, ...people };
  }

  for (const lang of ['nl', 'en'] as const) {
    it(`shows cycles, a cycle's status and the boards in ${lang === 'nl' ? 'Dutch' : 'English'}`, async () => {
      const { core, spring } = await world();
      const run = async (...argv: string[]) => {
        const r = await runOn(core, [...argv, '--lang', lang]);
        expect(r).toMatchObject({ code: 0 });
        return r.stdout;
      };
      const list = await run('cycle', 'list');
      // Local time: the 1 March opening is 00:00 in Amsterdam, not 23:00 UTC the day before.
      expect(list).toContain('2027-03-01 00:00');
      expect(list).toMatchSnapshot('cycle list');
      // A short start of the id is enough.
      const status = await run('cycle', 'status', spring.id.slice(0, 4));
      expect(status).toContain('Bram Jansen');
      expect(status).toContain('Carla Bakker');
      expect(status).not.toContain('Anna de Vries');
      expect(status).toMatchSnapshot('cycle status');
      expect(await run('boards', 'list')).toMatchSnapshot('boards list');
      expect(await run('boards', 'list', '--region', 'zuid', '--without-members')).toMatchSnapshot(
        'boards list of zuid without members',
      );
      expect(await run('agenda', 'list')).toMatchSnapshot('agenda list');
    });
  }

  it('speaks English when DEFAULT_LOCALE says so', async () => {
    const { core } = await world();
    process.env.DEFAULT_LOCALE = 'en';
    try {
      expect((await runOn(core, ['cycle', 'list'])).stdout).toContain('scheduled');
    } finally {
      delete process.env.DEFAULT_LOCALE;
    }
  });

  it('prints JSON for scripts with stable names and no internal ids of boards or people', async () => {
    const { core, spring } = await world();
    const status = JSON.parse((await runOn(core, ['cycle', 'status', spring.id, '--json'])).stdout);
    expect(Object.keys(status).sort()).toEqual(
      [
        'agenda',
        'answered',
        'asked',
        'audience',
        'byBoard',
        'closedAt',
        'closesAt',
        'coverage',
        'id',
        'name',
        'notAnswered',
        'openedAt',
        'opensAt',
        'responseRate',
        'scope',
        'status',
      ].sort(),
    );
    expect(status).toMatchObject({ asked: 3, answered: 1, audience: { boards: 2, people: 0 } });
    expect(status.notAnswered.map((p: { name: string }) => p.name)).toEqual(['Bram Jansen', 'Carla Bakker']);
    // The cycle's own id is the only id: no board or member ids.
    expect(JSON.stringify({ ...status, id: 'cycle' })).not.toMatch(/"id-\d+"/);
    const boards = JSON.parse((await runOn(core, ['boards', 'list', '--json'])).stdout);
    expect(boards.find((b: { duoNumber: string }) => b.duoNumber === '41234')).toEqual({
      duoNumber: '41234',
      name: 'Stichting Openbaar Onderwijs Noord',
      region: 'noord',
      members: 2,
    });
  });

  it('reminds those who have not answered, counted with the right plural', async () => {
    const { core, spring } = await world();
    const r = await runOn(core, ['cycle', 'remind', spring.id]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toBe(
      '2 herinneringen klaargezet; 0 hadden het maximum al; 0 niet meer bereikbaar voor de sluiting\n',
    );
    const again = await runOn(core, ['cycle', 'close', spring.id, '--lang', 'en']);
    expect(again.stdout).toContain('Status: closed');
  });

  it('refuses an id prefix that fits two cycles, and names a cycle that does not exist', async () => {
    const { core } = await world();
    const twoMatch = await runOn(core, ['cycle', 'status', 'id-']);
    expect(twoMatch.code).toBe(1);
    expect(twoMatch.stderr).toContain('"id-" is het begin van 2 cycli');
    const none = await runOn(core, ['cycle', 'close', 'zzz']);
    expect(none).toMatchObject({
      code: 1,
      stderr: 'samenspraak: geen cyclus "zzz" (zie samenspraak cycle list)\n',
    });
  });

  it.each([
    ['2027-02-30', '2027-03-10', '--opens: "2027-02-30" is geen bestaande datum'],
    ['2027-13-01', '2027-14-01', '--opens: "2027-13-01" is geen bestaande datum'],
    ['2027-00-00', '2027-03-10', '--opens: "2027-00-00" is geen bestaande datum'],
    ['2027-03-01', '2027-02-01', 'de cyclus sluit (2027-02-01) voordat hij opent (2027-03-01)'],
  ])(
    'refuses cycle plan --opens %s --closes %s with exit code 2, writing nothing',
    async (opens, closes, said) => {
      const { core } = await world();
      const r = await runOn(core, [
        'cycle',
        'plan',
        '--agenda',
        'po-raad-2022-2026',
        '--name',
        'X',
        '--opens',
        opens,
        '--closes',
        closes,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
      expect((await t0.db.query('SELECT 1 FROM cycles')).rows).toHaveLength(2);
    },
  );

  it('warns about a cycle in the past but plans it', async () => {
    const { core } = await world();
    const r = await runOn(core, [
      'cycle',
      'plan',
      '--agenda',
      'po-raad-2022-2026',
      '--name',
      'Oud',
      '--opens',
      '2020-02-01',
      '--closes',
      '2020-02-21',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('let op: de openingsdatum 2020-02-01 ligt in het verleden');
    expect(r.stdout).toContain('Cyclus Oud');
  });

  it.each([
    [['--ambitions', 'a1,a99'], '"a99" is geen ambitie of actie van deze agenda'],
    [['--boards', '99999'], 'geen bestuur met bestuursnummer 99999'],
    [['--agenda', 'geen-agenda'], 'de agenda "geen-agenda" bestaat niet'],
  ])('leaves the members of --members FILE out when cycle plan %j fails', async (extra, said) => {
    const { core } = await world();
    const csv = path.join(dir, 'leden.csv');
    fs.writeFileSync(
      csv,
      'platform,workspace,user_id,naam\nslack,T9,U901,Nieuw Eén\nteams,tenant-9,29:x,Nieuw Twee\n',
    );
    const before = (await t0.db.query('SELECT 1 FROM members')).rows.length;
    const argv = [
      'cycle',
      'plan',
      '--agenda',
      'po-raad-2022-2026',
      '--name',
      'X',
      '--opens',
      '2027-04-01',
      '--closes',
      '2027-04-20',
      '--members',
      csv,
    ];
    const r = await runOn(core, [...argv, ...extra]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(said);
    expect((await t0.db.query('SELECT 1 FROM members')).rows).toHaveLength(before);
    expect((await t0.db.query('SELECT 1 FROM workspaces')).rows).toHaveLength(1);
    const ok = await runOn(core, argv);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('2 personen');
    expect((await t0.db.query('SELECT 1 FROM members')).rows).toHaveLength(before + 2);
  });

  it.each([
    [['agenda', 'list', '--jsn'], 'agenda: onbekende optie --jsn. Bedoel je --json?'],
    [['cycle', 'frobnicate'], 'cycle frobnicate: onbekend; kies uit plan, list, status, remind, close'],
    [['cycle', 'stauts', 'x'], 'cycle stauts: onbekend. Bedoel je cycle status?'],
    [['cycle', 'status'], 'cycle status: noem de cyclus'],
    [['cycle', 'list', '--opens', '2027-01-01'], 'cycle list: de optie --opens hoort hier niet bij'],
    [['cycle', 'plan', '--name'], 'cycle: --name heeft een waarde nodig'],
    [['cycle', 'list', '--json=ja'], 'cycle: --json krijgt geen waarde'],
    [['boards', 'lijst'], 'boards lijst: onbekend'],
    [['cycel', 'list'], 'onbekende opdracht: cycel. Bedoel je cycle?'],
    [['report', '--agenda', 'x', '--year', '2027', 'extra'], 'report: te veel argumenten: extra'],
    [['cycle', 'list', '--lang', 'fr'], '--lang: kies nl of en'],
  ])('answers %j as a usage error with exit code 2', async (argv, said) => {
    const { core } = await world();
    const r = await runOn(core, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/ERR_PARSE_ARGS|TypeError|at .*\.ts:/);
  });

  it('says it in English with --lang en', async () => {
    const { core } = await world();
    const r = await runOn(core, ['agenda', 'list', '--jsn', '--lang', 'en']);
    expect(r.stderr).toContain('agenda: unknown option --jsn. Did you mean --json?');
  });
});
