import { BRAM, installPersonal, personalConversationId, TENANT } from '../teams/fixtures';
import { cardOf, inputsOf } from '../teams/harness';
import { slackUpdateAnswers, teamsUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';
import { buttonOf } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

/** Cora's Teams-side colleague Dirk is in the CSV but the bot never met him: no chat to write in. */
const DIRK_AAD = 'a1b2c3d4-0000-4000-8000-00000000d333';

/**
 * A coordinator on the server and the dashboard: boards from a CSV, one cycle whose audience spans a Slack
 * workspace and a Teams tenant, the coverage report, remind, close, the report and the dashboard.
 */
describe('journey: a coordinator', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-10T10:00:00Z' });
    j.slackApi.user('UANNA', 'Anna de Vries', 'Europe/Amsterdam');
    j.slackApi.user('USEM', 'Sem de Boer', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  it('plans across Slack and Teams, sees who cannot be reached, and reads the answers of both', async () => {
    trace('boards');
    const boards = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\nSKO Zuid;42345;zuid\nStichting Leeg;43456;midden\n',
    );
    expect((await j.cli('boards', 'import', boards)).out).toContain('3 besturen toegevoegd');

    trace('people');
    // Anna (Slack) and Bram (Teams) choose their board through their own platform.
    await j.slack.chooseBoard('UANNA', '41234');
    await j.teams.post(installPersonal(j.teams.where, BRAM));
    await j.teams.say(BRAM, 'profiel');
    const profile = cardOf(j.teams.sentTo(personalConversationId(BRAM)).at(-1)?.body ?? null);
    const zuid = ((inputsOf(profile).get('board')?.choices ?? []) as { title: string; value: string }[]).find(
      (b) => b.title === 'SKO Zuid',
    );
    await j.teams.act(BRAM, 'profile.submit', {
      board: zuid?.value,
      timeZone: 'Europe/Amsterdam',
      locale: 'nl',
    });

    trace('plan');
    const members = j.file(
      'publiek.csv',
      [
        'platform,workspace,user_id,name',
        'slack,T1,UANNA,Anna de Vries',
        'slack,T1,USEM,Sem de Boer',
        `teams,${TENANT},${BRAM.aadObjectId},Bram Jansen`,
        `teams,${TENANT},${DIRK_AAD},Dirk Visser`,
      ].join('\n'),
    );
    const plan = await j.planCycle({ ambitions: 'a1,a2', boards: '43456', members: members });
    expect(plan.code).toBe(0);
    const planned = plan.planned as {
      id: string;
      coverage: {
        audience: number;
        reachable: number;
        notReachable: { name: string; reason: string }[];
        boardsWithoutMembers: string[];
      };
    };
    expect(planned.coverage).toMatchObject({
      audience: 4,
      reachable: 2,
      boardsWithoutMembers: ['Stichting Leeg'],
    });
    expect(planned.coverage.notReachable.map((p) => [p.name, p.reason]).sort()).toEqual([
      ['Dirk Visser', 'no_chat'],
      ['Sem de Boer', 'no_board'],
    ]);

    trace('holiday');
    // SKO Zuid keeps its own day off on the opening Monday: Bram is asked on Tuesday.
    const [dayOff] = await j.slack.command('UCORA', 'vakantie 42345 voorjaarsvakantie 2027-03-15 2027-03-15');
    expect(dayOff?.text).toContain('SKO Zuid');
    const bramSeen = j.teams.sentTo(personalConversationId(BRAM)).length;

    trace('open');
    await j.at('2027-03-15T08:05:00Z');
    expect(j.teams.sentTo(personalConversationId(BRAM))).toHaveLength(bramSeen);
    // Sem, who has no board, gets a message with a button on Slack: the form itself opens in a modal.
    const [prompt] = j.slack.posted('USEM');
    if (!prompt) throw new Error('Sem got no profile prompt');
    expect(prompt.blocks?.some((b) => b.type === 'input')).toBe(false);
    await j.slack.press('USEM', prompt, buttonOf(prompt.blocks, 'profile.open'));
    expect((await j.slack.lastModal()).callback_id).toBe('profile.submit');
    const [forSem] = (await j.slack.suggest('USEM', 'board', 'Noord')).options;
    await j.slack.submit('USEM', await j.slack.lastModal(), {
      board: { type: 'external_select', selected_option: forSem },
      timeZone: {
        type: 'static_select',
        selected_option: { text: { text: 'Amsterdam' }, value: 'Europe/Amsterdam' },
      },
      locale: { type: 'radio_buttons', selected_option: { text: { text: 'Nederlands' }, value: 'nl' } },
    });
    await j.at('2027-03-15T08:10:00Z');
    expect(j.slack.posted('USEM')).toHaveLength(2);

    await j.at('2027-03-16T08:05:00Z');
    expect(j.teams.sentTo(personalConversationId(BRAM))).toHaveLength(bramSeen + 1);
    expect(
      (await j.cli('boards', 'holiday', 'remove', '42345', 'voorjaarsvakantie', '2026-2027')).out,
    ).toContain('verwijderd');

    trace('answers');
    const [annaCheckin] = j.slack.posted('UANNA');
    if (!annaCheckin) throw new Error('Anna got no check-in');
    await j.slack.press('UANNA', annaCheckin, buttonOf(annaCheckin.blocks, 'checkin.open'));
    const form = await j.slack.lastModal();
    expect(await j.slack.submit('UANNA', form, slackUpdateAnswers(form, { status: 'behind' }))).toEqual({});
    const bramCard = cardOf(j.teams.sentTo(personalConversationId(BRAM)).at(-1)?.body ?? null);
    const cycleId = planned.id;
    expect(JSON.stringify(bramCard)).toContain(cycleId);
    const bramForm = (await j.teams.act(BRAM, 'checkin.open', { cycleId })).value;
    const items = [...inputsOf(bramForm).keys()]
      .filter((k) => k.startsWith('status__'))
      .map((k) => k.slice(8));
    expect(items).toEqual(['a1', 'a2']);
    await j.teams.act(BRAM, 'update.submit', { cycleId, page: '1', items, ...teamsUpdateAnswers(items) });

    trace('status');
    const status = JSON.parse((await j.cli('cycle', 'status', cycleId, '--json')).out) as {
      answered: number;
      asked: number;
      coverage: { notReachable: { name: string; reason: string }[] };
    };
    expect(status).toMatchObject({ answered: 2, asked: 3 });
    expect(status.coverage.notReachable.map((p) => p.name)).toEqual(['Dirk Visser']);

    trace('remind');
    expect((await j.cli('cycle', 'remind', cycleId)).out).toContain('1 herinnering klaargezet');
    await j.tick();
    expect(j.slack.posted('USEM')).toHaveLength(3);
    expect(j.slack.posted('UANNA')).toHaveLength(1);

    trace('close');
    expect((await j.cli('cycle', 'close', cycleId)).code).toBe(0);
    const report = await j.cli('report', '--agenda', 'po-raad-2022-2026', '--year', '2027', '--format', 'md');
    expect(report.out).toContain('Voorjaar 2027');

    trace('dashboard');
    const { status: signedIn, cookie } = await j.signInToDashboard('UCORA');
    expect(signedIn).toBe(303);
    const page = await j.get(`/dashboard/cycles/${cycleId}`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Anna de Vries');
    expect(page.text).toContain('Bram Jansen');
    expect(page.text).toContain('Nog niet te bereiken: 1 van 4');
    expect(page.text).toContain('Dirk Visser (teams)');
    // The pages the Teams manifest names, in both languages.
    const privacy = await j.get('/privacy');
    expect(privacy.status).toBe(200);
    expect(privacy.text).toContain('na 365 dagen gewist');
    expect((await j.get('/privacy?lang=en')).text).toContain('erased after 365 days');
    expect((await j.get('/voorwaarden')).text).toContain('Gebruiksvoorwaarden');
    expect(j.errors).toEqual([]);
  }, 120_000);
});
