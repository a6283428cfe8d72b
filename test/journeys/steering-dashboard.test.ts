import { slackUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';
import { buttonOf, type SlackView } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);
const tsAt = (at: Date, seq: number) => `${Math.floor(at.getTime() / 1000)}.${String(seq).padStart(6, '0')}`;

/** The hidden csrf value of the page's decision form. */
const csrfOf = (page: string) => page.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

/**
 * Issue 18, the steering loop in the dashboard: a board asks for steering and the community talks about
 * the ambition; after the close the coordinator sees on the ambition page what to decide on (the status
 * mix, the request with its explanation, the discussion), records the decision through the form, and
 * the community channel and the sector report show it.
 */
describe('journey: a coordinator records a steering decision in the dashboard', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-10T10:00:00Z' });
    j.slackApi.user('UANNA', 'Anna de Vries', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  const post = async (path: string, cookie: string, fields: Record<string, string>) => {
    const res = await fetch(`${j.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, text: await res.text(), location: res.headers.get('location') ?? '' };
  };

  /** The modal's update after `before` updates: the steering form with what to decide on. */
  const filledIn = async (before: number) => {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const update = j.slack.calls<{ view: SlackView }>('views.update')[before];
      if (update) return update.view.blocks;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the steering form was not filled in');
  };

  it('shows what to decide on, refuses a form without rationale, and posts the decision', async () => {
    trace('setup');
    await j.slack.command('UCORA', 'gemeenschap koppel onderwijskwaliteit', 'CKWAL');
    const boards = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\n',
    );
    expect((await j.cli('boards', 'import', boards)).code).toBe(0);
    await j.slack.chooseBoard('UANNA', '41234');
    const plan = await j.planCycle({ ambitions: 'a1,a2', boards: '41234' });
    const cycleId = plan.id;

    trace('ask for steering');
    await j.at('2027-03-15T08:05:00Z');
    const [checkin] = j.slack.posted('UANNA');
    if (!checkin) throw new Error('Anna got no check-in');
    await j.slack.press('UANNA', checkin, buttonOf(checkin.blocks, 'checkin.open'));
    const form = await j.slack.lastModal();
    const asked = slackUpdateAnswers(form, {
      status: 'behind',
      steeringOn: 'a1',
      explanation: 'We zoeken hulp bij <b>leesonderwijs</b>.',
    });
    expect(await j.slack.submit('UANNA', form, asked)).toEqual({});

    trace('talk');
    const said = [
      'Voor #basisvaardigheden werken wij met een leescoördinator op elke school.',
      'Een leescoördinator op elke school helpt #basisvaardigheden vooruit, zien wij ook.',
    ];
    for (const [n, text] of said.entries())
      await j.slack.say('UANNA', 'CKWAL', text, tsAt(j.clock.now(), n + 1));

    trace('close');
    expect((await j.cli('cycle', 'close', cycleId)).code).toBe(0);

    trace('chat form shows what to decide on');
    const updatesBefore = j.slack.calls('views.update').length;
    await j.slack.command('UCORA', 'bijsturing besluit');
    // Slack opens the form with the results at once, then fills in what to decide on.
    expect(JSON.stringify((await j.slack.lastModal()).blocks)).toContain('Bijsturing na Voorjaar 2027');
    const chatForm = JSON.stringify(await filledIn(updatesBefore));
    expect(chatForm).toContain('Vraag om bijsturing van Stichting Openbaar Onderwijs Noord');
    expect(chatForm).toContain('leesonderwijs');

    trace('a member sees no form and may not post one');
    const anna = await j.signInToDashboard('UANNA');
    const annaPage = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', anna.cookie);
    expect(annaPage.text).not.toContain('Besluit vastleggen');
    const refused = await post('/dashboard/ambitions/po-raad-2022-2026/a1/decide', anna.cookie, {
      csrf: csrfOf(annaPage.text),
      cycleId,
      decision: 'continue',
      rationale: 'Ik besluit zelf.',
    });
    expect(refused.status).toBe(403);

    trace('the ambition page shows what to decide on');
    const { cookie } = await j.signInToDashboard('UCORA');
    const page = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Besluit na Voorjaar 2027');
    expect(page.text).toContain('1 achter');
    expect(page.text).toContain(
      'Vraag om bijsturing van Stichting Openbaar Onderwijs Noord: We zoeken hulp bij &lt;b&gt;leesonderwijs&lt;/b&gt;.',
    );
    expect(page.text).toContain('Trend: geen eerdere cyclus om mee te vergelijken');
    expect(page.text).toContain('Uit het gesprek:');
    expect(page.text).toContain('Over deze ambitie is nog geen besluit genomen.');
    const csrf = csrfOf(page.text);

    trace('without csrf');
    const forged = await post('/dashboard/ambitions/po-raad-2022-2026/a1/decide', cookie, {
      cycleId,
      decision: 'continue',
      rationale: 'Van elders.',
    });
    expect(forged.status).toBe(403);

    trace('bad input');
    const channelBefore = j.slack.posted('CKWAL').length;
    const bad = await post('/dashboard/ambitions/po-raad-2022-2026/a1/decide', cookie, {
      csrf,
      cycleId,
      decision: 'adjust',
      rationale: '   ',
      changeWho: 'Cora <script>alert(1)</script>',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Het besluit is niet vastgelegd.');
    expect(bad.text).toContain('Schrijf een toelichting bij het besluit');
    expect(bad.text).toContain('Schrijf bij bijsturen op wat er verandert');
    expect(bad.text).toContain('value="Cora &lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(bad.text).not.toContain('<script>alert(1)');
    const badEn = await post('/dashboard/ambitions/po-raad-2022-2026/a1/decide?lang=en', cookie, {
      csrf,
      cycleId,
      decision: 'maybe',
      rationale: '',
    });
    expect(badEn.status).toBe(400);
    expect(badEn.text).toContain('The decision was not recorded.');
    expect(badEn.text).toContain('Choose continue, adjust or escalate.');
    expect(badEn.text).toContain('Write a rationale for the decision');
    expect(j.slack.posted('CKWAL')).toHaveLength(channelBefore);
    // Nothing was decided by the refused forms.
    const unchanged = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie);
    expect(unchanged.text).toContain('Over deze ambitie is nog geen besluit genomen.');

    trace('decide');
    const done = await post('/dashboard/ambitions/po-raad-2022-2026/a1/decide', cookie, {
      csrf,
      cycleId,
      decision: 'adjust',
      rationale: 'Het lezen blijft achter; de besturen vragen om <hulp>.',
      changeWhat: 'Een leerkring over leesonderwijs',
      changeWho: 'Cora en twee bestuurders',
      changeBy: 'juni 2027',
    });
    expect(done.status).toBe(303);
    const after = await j.get(done.location, cookie);
    expect(after.text).toContain('Het besluit is vastgelegd en gaat naar de leergemeenschap.');
    expect(after.text).toContain('<strong>Bijsturen</strong>');
    expect(after.text).toContain('Het lezen blijft achter; de besturen vragen om &lt;hulp&gt;.');
    expect(after.text).not.toContain('Over deze ambitie is nog geen besluit genomen.');

    trace('channel');
    await j.tick();
    const channel = JSON.stringify(j.slack.posted('CKWAL').slice(channelBefore));
    expect(channel).toContain('Besluit na Voorjaar 2027');
    expect(channel).toContain('Wie: Cora en twee bestuurders');
    await j.tick();
    const decided = j.slack.posted('CKWAL').filter((m) => JSON.stringify(m).includes('Besluit na Voorjaar'));
    expect(decided).toHaveLength(1);

    trace('report');
    const report = await j.cli('report', '--agenda', 'po-raad-2022-2026', '--year', '2027', '--format', 'md');
    expect(report.out).toContain('## Besluiten over bijsturing');
    expect(report.out).toContain('Bijsturen. Het lezen blijft achter');
  });
});
