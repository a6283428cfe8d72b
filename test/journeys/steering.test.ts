import { BRAM, installPersonal, personalConversationId, TENANT } from '../teams/fixtures';
import { cardOf } from '../teams/harness';
import { type Journey, startJourney } from './support/rig';
import type { SlackView } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

type Option = { value: string; text: { text: string } };

/** The option of a select or radio block in a Slack modal, as Slack returns it in view.state. */
function chosen(view: SlackView, blockId: string, value: string) {
  const element = view.blocks.find((b) => b.block_id === blockId)?.element as
    | { type: string; options?: Option[] }
    | undefined;
  const option = element?.options?.find((o) => o.value === value);
  if (!element || !option) throw new Error(`no option ${value} in ${blockId}`);
  return { type: element.type, selected_option: option };
}

const typed = (value: string | null) => ({ type: 'plain_text_input', value });

/**
 * Issue 18, the steering loop: a cycle closes, the coordinator decides per ambition in chat, and the
 * community channel, the sector report and the dashboard's ambition page show the decision.
 */
describe('journey: a coordinator closes the cycle with a steering decision', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({
      coordinators: ['slack:UCORA', `teams:${TENANT}:${BRAM.aadObjectId}`],
      at: '2027-03-10T10:00:00Z',
    });
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
    j.slackApi.user('UANNA', 'Anna de Vries', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  it('decides on an ambition after the close; the channel, the report and the dashboard show it', async () => {
    trace('setup');
    await j.slack.command('UCORA', 'gemeenschap koppel onderwijskwaliteit', 'CKWAL');
    const boards = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\n',
    );
    expect((await j.cli('boards', 'import', boards)).code).toBe(0);
    const plan = await j.planCycle({ ambitions: 'a1,a2', boards: '41234' });
    const cycleId = plan.id;

    trace('too early');
    const [early] = await j.slack.command('UCORA', 'bijsturing besluit Voorjaar 2027');
    expect(early?.text).toContain('is nog niet gesloten');

    trace('close');
    expect((await j.cli('cycle', 'close', cycleId)).code).toBe(0);

    trace('a member may not decide');
    const [refused] = await j.slack.command('UANNA', 'bijsturing besluit');
    expect(refused?.text).toMatch(/coördinator/i);

    trace('decide');
    const modalsBefore = j.slack.calls('views.open').length;
    await j.slack.command('UCORA', 'bijsturing besluit');
    // The app opens the modal after its ack: lastModal waits for it.
    const form = await j.slack.lastModal();
    expect(j.slack.calls('views.open')).toHaveLength(modalsBefore + 1);
    expect(form.callback_id).toBe('steering.submit');
    expect(JSON.stringify(form.blocks)).toContain('Bijsturing na Voorjaar 2027');
    // Without a rationale the modal says what is missing, and nothing is decided.
    const missing = await j.slack.submit('UCORA', form, {
      ambition: chosen(form, 'ambition', 'a1'),
      decision: chosen(form, 'decision', 'adjust'),
      rationale: typed(null),
    });
    expect(missing).toMatchObject({ response_action: 'errors', errors: { rationale: expect.any(String) } });
    const decided = await j.slack.submit('UCORA', form, {
      ambition: chosen(form, 'ambition', 'a1'),
      decision: chosen(form, 'decision', 'adjust'),
      rationale: typed('Een derde van de besturen loopt achter op lezen.'),
      changeWhat: typed('Een extra leerkring over leesonderwijs'),
      changeWho: typed('Cora en twee bestuurders'),
      changeBy: typed('juni 2027'),
    });
    expect(decided).toEqual({});

    trace('channel');
    await j.tick();
    const channel = JSON.stringify(j.slack.posted('CKWAL'));
    expect(channel).toContain('Besluit na Voorjaar 2027');
    expect(channel).toContain('Een derde van de besturen loopt achter op lezen.');
    expect(channel).toContain('Wie: Cora en twee bestuurders');

    trace('report');
    const report = await j.cli('report', '--agenda', 'po-raad-2022-2026', '--year', '2027', '--format', 'md');
    expect(report.out).toContain('## Besluiten over bijsturing');
    expect(report.out).toContain('Bijsturen. Een derde van de besturen loopt achter op lezen.');

    trace('dashboard');
    const { cookie } = await j.signInToDashboard('UCORA');
    const page = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Besluiten over bijsturing');
    expect(page.text).toContain('<strong>Bijsturen</strong>');
    const other = await j.get('/dashboard/ambitions/po-raad-2022-2026/a2', cookie);
    expect(other.text).toContain('Over deze ambitie is nog geen besluit genomen.');
  });

  it('a coordinator on Teams decides on the card; the decision reaches the theme channel', async () => {
    await j.teams.post(installPersonal(j.teams.where, BRAM));
    await j.teams.say(BRAM, 'bijsturing besluit');
    const card = cardOf(j.teams.sentTo(personalConversationId(BRAM)).at(-1)?.body ?? null);
    const cycleId = (JSON.stringify(card).match(/"cycleId":"([^"]+)"/) ?? [])[1] ?? '';
    expect(JSON.stringify(card)).toContain('Bijsturing na Voorjaar 2027');
    const answer = await j.teams.act(BRAM, 'steering.submit', {
      cycleId,
      ambition: 'a2',
      decision: 'escalate',
      rationale: 'Kwaliteitszorg vraagt om een besluit van het verenigingsbestuur.',
    });
    expect(JSON.stringify(answer)).toContain('Het besluit over ambitie 2 is vastgelegd');
    await j.tick();
    expect(JSON.stringify(j.slack.posted('CKWAL'))).toContain('Escaleren naar het verenigingsbestuur');
  });
});
