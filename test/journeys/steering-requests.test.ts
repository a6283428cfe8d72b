import { slackUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';
import { buttonOf } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

/**
 * Issue 18, every steering request answered: a board member asks for steering in the check-in, the
 * coordinator answers in chat, the member receives the answer and sees it again at the next check-in;
 * the dashboard's cycle page shows the request as answered.
 */
describe('journey: a steering request is answered', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-10T10:00:00Z' });
    j.slackApi.user('UANNA', 'Anna de Vries', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  const plan = async (name: string, opens: string, closes: string) => {
    const out = await j.planCycle({ ambitions: 'a1', boards: '41234', name, opens, closes });
    return out.id;
  };

  it('asks, is answered, and is reminded of the answer at the next check-in', async () => {
    trace('board');
    const boards = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\nStichting Katholiek Onderwijs Zuid;42345;zuid\n',
    );
    expect((await j.cli('boards', 'import', boards)).code).toBe(0);
    await j.slack.chooseBoard('UANNA', '41234');

    trace('ask');
    const cycleId = await plan('Voorjaar 2027', '2027-03-15', '2027-03-26');
    await j.at('2027-03-15T08:05:00Z');
    const [checkin] = j.slack.posted('UANNA');
    if (!checkin) throw new Error('Anna got no check-in');
    await j.slack.press('UANNA', checkin, buttonOf(checkin.blocks, 'checkin.open'));
    const form = await j.slack.lastModal();
    const asked = slackUpdateAnswers(form, {
      status: 'behind',
      steeringOn: 'a1',
      explanation: 'We zoeken hulp bij leesonderwijs.',
    });
    expect(await j.slack.submit('UANNA', form, asked)).toEqual({});

    trace('a member may not see or answer requests');
    const [refused] = await j.slack.command('UANNA', 'bijsturing vragen');
    expect(refused?.text).toMatch(/coördinator/i);

    trace('answer');
    const [open] = await j.slack.command('UCORA', 'bijsturing vragen');
    expect(open?.text).toContain('Stichting Openbaar Onderwijs Noord');
    expect(open?.text).toContain('We zoeken hulp bij leesonderwijs.');
    const ref = (open?.text ?? '').match(/`([0-9a-z]{8})`/)?.[1] ?? '';
    const seen = j.slack.posted('UANNA').length;
    const [saved] = await j.slack.command(
      'UCORA',
      `bijsturing antwoord ${ref} Sluit aan bij de leerkring lezen op 4 april. | contact: 42345`,
    );
    expect(saved?.text).toContain('gaat naar Anna de Vries');
    // The answer goes out through delivery, at once or at the next tick.
    await j.tick();
    const received = j.slack.posted('UANNA').slice(seen);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received)).toContain('Antwoord op je vraag om bijsturing');
    expect(JSON.stringify(received)).toContain('Sluit aan bij de leerkring lezen op 4 april.');
    expect(JSON.stringify(received)).toContain('Neem contact op met Stichting Katholiek Onderwijs Zuid.');
    await j.tick();
    expect(j.slack.posted('UANNA')).toHaveLength(seen + 1);

    trace('dashboard');
    const { cookie } = await j.signInToDashboard('UCORA');
    const page = await j.get(`/dashboard/cycles/${cycleId}`, cookie);
    expect(page.text).toContain('Vragen om bijsturing: 0 open, 0 te laat, 1 beantwoord');
    expect(page.text).toContain('Sluit aan bij de leerkring lezen op 4 april.');

    trace('next check-in');
    expect((await j.cli('cycle', 'close', cycleId)).code).toBe(0);
    await plan('Najaar 2027', '2027-09-15', '2027-09-30');
    const before = j.slack.posted('UANNA').length;
    await j.at('2027-09-15T08:05:00Z');
    const next = j.slack.posted('UANNA').slice(before);
    expect(JSON.stringify(next)).toContain(
      'Antwoord van de coördinatoren op je vraag om bijsturing in Voorjaar 2027',
    );
    expect(JSON.stringify(next)).toContain(
      'Sluit aan bij de leerkring lezen op 4 april. Neem contact op met Stichting Katholiek Onderwijs Zuid.',
    );
  });
});
