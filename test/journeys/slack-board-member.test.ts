import { slackUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';
import { buttonOf, type SlackView, textsOf } from './support/slack-door';

/**
 * A board member on Slack, from the first time she opens the app to the results of the cycle: nothing is
 * in the database but what people did through the doors.
 */
describe('journey: a Slack board member', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-10T10:00:00Z' });
    // What Slack knows of them (users.info): Anna lives on Curaçao.
    j.slackApi.user('UANNA', 'Anna de Vries', 'America/Curacao');
    j.slackApi.user('UBRAM', 'Bram Jansen', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  /** First contact on the App Home → profile modal → board chosen (found by typing) and saved. */
  async function chooseBoard(user: string, search: string) {
    await j.slack.openHome(user);
    const home = j.slack
      .calls<{ user_id: string; view: SlackView }>('views.publish')
      .filter((p) => p.user_id === user);
    const first = home.at(-1)?.view as SlackView;
    expect(textsOf(first.blocks).join('\n')).toContain('Kies eerst voor welk bestuur');
    await j.slack.press(user, null, buttonOf(first.blocks, 'profile.open'));
    const modal = await j.slack.lastModal();
    expect(modal.callback_id).toBe('profile.submit');
    const found = await j.slack.suggest(user, 'board', search);
    expect(found.options.length).toBe(1);
    const board = found.options[0] as { value: string; text: { text: string } };
    const zone = modal.blocks.find((b) => b.block_id === 'timeZone')?.element;
    const answer = await j.slack.submit(user, modal, {
      board: { type: 'external_select', selected_option: board },
      timeZone: {
        type: 'static_select',
        selected_option: (zone?.options ?? []).find(
          (o) => o.value === (user === 'UANNA' ? 'America/Curacao' : 'Europe/Amsterdam'),
        ),
      },
      locale: { type: 'radio_buttons', selected_option: { text: { text: 'Nederlands' }, value: 'nl' } },
    });
    expect(answer).toEqual({});
    const after = j.slack
      .calls<{ user_id: string; view: SlackView }>('views.publish')
      .filter((p) => p.user_id === user);
    expect(textsOf(after.at(-1)?.view.blocks).join('\n')).not.toContain('Kies eerst voor welk bestuur');
    return board.text.text;
  }

  it('goes from first contact to the results of the cycle', async () => {
    const step = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);
    step('1');
    // The association's boards, as the coordinator registers them on the server.
    const csv = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\nSKO Zuid;42345;zuid\n',
    );
    expect((await j.cli('boards', 'import', csv)).out).toContain('2 besturen toegevoegd');

    step('2');
    // Anna and Bram find the profile on the App Home and choose their board and time zone.
    expect(await chooseBoard('UANNA', 'Noord')).toBe('Stichting Openbaar Onderwijs Noord');
    await chooseBoard('UBRAM', '42345');

    step('3');
    // `profiel` opens the same form from a slash command.
    const before = j.slack.calls('views.open').length;
    await j.slack.command('UANNA', 'profiel');
    expect(j.slack.calls('views.open').length).toBe(before + 1);
    expect((await j.slack.lastModal()).callback_id).toBe('profile.submit');

    step('4');
    // The coordinator links the community channel and plans the cycle in chat.
    await j.slack.command('UCORA', 'gemeenschap koppel onderwijskwaliteit', 'CKWAL');
    const planned = await j.slack.command('UCORA', 'cyclus plan Voorjaar 2027 2027-03-15 2027-03-26');
    expect(planned.map((r) => r.text).join('\n')).toContain('Voorjaar 2027');

    step('5');
    // Monday 15 March: the cycle opens; at 09:00 in Amsterdam Bram gets his check-in, Anna not yet.
    await j.at('2027-03-15T08:05:00Z');
    expect(j.slack.posted('UBRAM').map((m) => m.text)).toHaveLength(1);
    expect(j.slack.posted('UANNA')).toHaveLength(0);
    step('6');
    // 09:00 on Curaçao is 13:00 UTC.
    await j.at('2027-03-15T12:55:00Z');
    expect(j.slack.posted('UANNA')).toHaveLength(0);
    await j.at('2027-03-15T13:00:00Z');
    const [checkin] = j.slack.posted('UANNA');
    if (!checkin) throw new Error('Anna got no check-in');
    expect(textsOf(checkin.blocks).join('\n')).toContain('Voorjaar 2027');
    // The coordinator's App Home: the response so far, and that everyone asked can be reached.
    await j.slack.openHome('UCORA');
    const coraHome = j.slack.calls<{ user_id: string; view: SlackView }>('views.publish').at(-1);
    expect(coraHome?.user_id).toBe('UCORA');
    expect(textsOf(coraHome?.view.blocks).join('\n')).toContain('Alle 2 gevraagden zijn te bereiken.');

    step('7');
    // The button opens the update form; a first try without an explanation is refused next to the field.
    await j.slack.press('UANNA', checkin, buttonOf(checkin.blocks, 'checkin.open'));
    const form = await j.slack.lastModal();
    expect(form.callback_id).toBe('update.submit');
    const refused = await j.slack.submit('UANNA', form, slackUpdateAnswers(form, { steeringOn: 'a1' }));
    expect(refused.response_action).toBe('errors');
    expect(Object.keys(refused.errors as object)).toEqual(['explanation__a1']);
    expect(j.slack.calls('chat.update')).toHaveLength(0);
    const saved = await j.slack.submit(
      'UANNA',
      form,
      slackUpdateAnswers(form, { steeringOn: 'a1', explanation: 'Te weinig leraren' }),
    );
    expect(saved).toEqual({});
    step('8');
    // The check-in message itself becomes the receipt.
    const [receipt] = j.slack.calls<{ channel: string; ts: string; blocks: never }>('chat.update');
    expect(receipt).toMatchObject({ channel: checkin.channel, ts: checkin.ts });
    expect(buttonOf(receipt?.blocks, 'update.edit')).toBeTruthy();

    step('9');
    // Wednesday 17 March, two days after the opening: a reminder for Bram only.
    await j.at('2027-03-17T08:05:00Z');
    await j.at('2027-03-17T13:05:00Z');
    expect(j.slack.posted('UBRAM')).toHaveLength(2);
    expect(j.slack.posted('UANNA')).toHaveLength(1);

    step('10');
    // The coordinator closes the cycle: a results thread in the community channel, the summary to her.
    await j.slack.command('UCORA', 'cyclus sluit Voorjaar 2027');
    await j.at('2027-03-18T08:05:00Z');
    const channel = j.slack.posted('CKWAL');
    expect(channel.map((m) => m.text).join('\n')).toContain('Voorjaar 2027');
    const summary = j.slack.posted('UCORA');
    expect(summary.map((m) => m.text).join('\n')).toContain('1 van de 2 gevraagden');
    expect(j.errors).toEqual([]);
  }, 120_000);
});
