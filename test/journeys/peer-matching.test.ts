import { BRAM, CORA, installPersonal, personalConversationId } from '../teams/fixtures';
import { cardOf, cardTexts, inputsOf } from '../teams/harness';
import { slackUpdateAnswers, teamsUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';
import { buttonOf, textsOf } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

const NOORD = 'Stichting Openbaar Onderwijs Noord';
const ZUID = 'Vereniging Christelijk Primair Onderwijs Zuid';
const ZEE = 'Stichting Scholen aan Zee';
const KEMPEN = 'Stichting Onderwijs De Kempen';

/**
 * Issue 18, peer matching: a board behind on an ambition is offered a practice and a board on track that
 * agreed to be contacted; it asks for contact with one click, the other accepts, and both receive each
 * other's contact once. The board on track that did not agree is never shown, and cannot be asked.
 */
describe('journey: a board behind is matched with a board on track', () => {
  let j: Journey;
  let spring = '';

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-10T10:00:00Z' });
    j.slackApi.user('UANNA', 'Anna de Vries', 'Europe/Amsterdam');
    j.slackApi.user('UCARLA', 'Carla Bakker', 'Europe/Amsterdam');
    j.slackApi.user('UDIRK', 'Dirk Smit', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  /** The profile from the App Home: the board by its number, and whether other boards may make contact. */
  async function profile(user: string, duo: string, peerContact: boolean) {
    const { saved, modal, board } = await j.slack.chooseBoard(user, duo, (form) => ({
      peerContact: {
        type: 'checkboxes',
        selected_options: peerContact
          ? (form.blocks.find((b) => b.block_id === 'peerContact')?.element?.options ?? []).slice(0, 1)
          : [],
      },
    }));
    const consent = modal.blocks.find((b) => b.block_id === 'peerContact');
    expect(consent?.element?.options?.[0]?.text.text).toBe('Ja, dat mag');
    expect(JSON.stringify(consent)).toContain('Andere besturen mogen contact met mij opnemen');
    expect(saved).toEqual({});
    return board;
  }

  /** Opens the check-in in the DM and answers every item with `status`. */
  async function checkIn(user: string, status: string) {
    const [checkin] = j.slack.posted(user);
    if (!checkin) throw new Error(`${user} got no check-in`);
    await j.slack.press(user, checkin, buttonOf(checkin.blocks, 'checkin.open'));
    const form = await j.slack.lastModal();
    expect(await j.slack.submit(user, form, slackUpdateAnswers(form, { status }))).toEqual({});
  }

  it('offers, asks, accepts, and tells both once; the board without consent is never shown', async () => {
    trace('boards and profiles');
    const boards = j.file(
      'besturen.csv',
      `naam;bestuursnummer;regio\n${NOORD};41234;noord\n${ZUID};42345;zuid\n${ZEE};43456;noord\n`,
    );
    expect((await j.cli('boards', 'import', boards)).code).toBe(0);
    await profile('UANNA', '41234', false);
    const zuid = await profile('UCARLA', '42345', true);
    const zee = await profile('UDIRK', '43456', false);
    const [mine] = await j.slack.command('UCARLA', 'mijn-gegevens');
    expect(mine?.text).toContain('Andere besturen mogen contact opnemen: ja');

    trace('a practice on ambition 1');
    await j.slack.command('UCORA', 'gemeenschap koppel onderwijskwaliteit', 'CKWAL');
    await j.slack.command('UCARLA', 'praktijk', 'CKWAL');
    const practice = await j.slack.lastModal();
    const ambitions = practice.blocks.find((b) => b.block_id === 'ambitions')?.element;
    const typed = (value: string | null) => ({ type: 'plain_text_input', value });
    await j.slack.submit('UCARLA', practice, {
      title: typed('Leesteams met de bibliotheek'),
      description: typed('Elke school heeft een leesteam met de bibliotheek.\nDe resultaten stijgen.'),
      ambitions: {
        type: ambitions?.type,
        selected_options: (ambitions?.options ?? []).filter((o) => o.value === 'a1'),
      },
      instruments: typed(null),
      contact: typed('carla@voorbeeld.nl'),
    });

    trace('the cycle: two boards on track, one behind');
    const plan = await j.planCycle({ ambitions: 'a1', boards: '41234,42345,43456' });
    expect(plan.code).toBe(0);
    spring = plan.id;
    await j.at('2027-03-15T08:05:00Z');
    await checkIn('UCARLA', 'on_track');
    await checkIn('UDIRK', 'on_track');
    const before = j.slack.posted('UANNA').length;
    await checkIn('UANNA', 'behind');
    await j.tick();

    trace('the offer');
    const offers = j.slack.posted('UANNA').slice(before);
    expect(offers).toHaveLength(1);
    const offer = offers[0] as (typeof offers)[number];
    const shown = textsOf(offer.blocks).join('\n');
    expect(shown).toContain('Hulp bij ambitie 1');
    expect(shown).toContain('Leesteams met de bibliotheek');
    expect(shown).toContain(ZUID);
    expect(shown).not.toContain(ZEE);
    expect(JSON.stringify(j.slack.api.calls)).not.toContain(`${ZEE}*, regio`);
    // Carla and Dirk, on track, are offered nothing.
    expect(JSON.stringify(j.slack.posted('UCARLA'))).not.toContain('Hulp bij ambitie');

    trace('a board that did not agree cannot be asked, even with a forged button');
    const ask = buttonOf(offer.blocks, 'peer.ask');
    expect(JSON.parse(ask.value ?? '{}')).toMatchObject({ boardId: zuid });
    await j.slack.press('UANNA', offer, { ...ask, value: ask.value?.replace(zuid, zee) });
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain('geen contact aanvragen');

    trace('ask, twice');
    const carlaBefore = j.slack.posted('UCARLA').length;
    await j.slack.press('UANNA', offer, ask);
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain(
      `Je contactverzoek gaat naar ${ZUID}`,
    );
    await j.slack.press('UANNA', offer, ask);
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain('al om contact gevraagd');
    await j.tick();
    const requests = j.slack.posted('UCARLA').slice(carlaBefore);
    expect(requests).toHaveLength(1);
    const request = requests[0] as (typeof requests)[number];
    expect(textsOf(request.blocks).join('\n')).toContain(`Contactverzoek van ${NOORD}`);

    trace('only Carla can accept');
    const accept = buttonOf(request.blocks, 'peer.accept');
    await j.slack.press('UDIRK', null, accept);
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain('aan iemand anders gericht');

    trace('accept, twice');
    const annaBefore = j.slack.posted('UANNA').length;
    await j.slack.press('UCARLA', request, accept);
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain('Geaccepteerd');
    // The request in Carla's chat no longer has its button.
    const updated = j.slack
      .calls<{ ts: string; blocks: never[] }>('chat.update')
      .find((u) => u.ts === request.ts);
    expect(textsOf(updated?.blocks).join('\n')).toContain(`Contactverzoek van ${NOORD}`);
    expect(JSON.stringify(updated)).not.toContain('peer.accept');
    await j.slack.press('UCARLA', request, accept);
    await j.tick();
    await j.tick();
    const toAnna = j.slack.posted('UANNA').slice(annaBefore);
    expect(toAnna.map((m) => m.text)).toEqual([expect.stringContaining(`Carla Bakker van ${ZUID}`)]);
    expect(toAnna[0]?.text).toContain('<@UCARLA>');
    const toCarla = j.slack.posted('UCARLA').slice(carlaBefore + 1);
    expect(toCarla.map((m) => m.text)).toEqual([expect.stringContaining(`Anna de Vries van ${NOORD}`)]);
    expect(toCarla[0]?.text).toContain('<@UANNA>');
    expect(JSON.stringify(j.slack.posted('UDIRK'))).not.toContain('Contact gelegd');
    await j.slack.press('UANNA', offer, ask);
    expect(textsOf((await j.slack.lastModal()).blocks).join()).toContain('al geaccepteerd');

    trace('the coordinators see the match on the ambition page');
    const { cookie } = await j.signInToDashboard('UCORA');
    const page = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Contact tussen besturen');
    expect(page.text).toContain('Contactverzoeken: 1, waarvan geaccepteerd: 1.');
    expect(j.errors).toEqual([]);
  }, 180_000);

  it('matches across platforms: a consenting board on Teams is asked from Slack and accepts on Teams', async () => {
    trace('a fourth board, its member on Teams');
    const csv = j.file('kempen.csv', `naam;bestuursnummer;regio\n${KEMPEN};44567;midden\n`);
    expect((await j.cli('boards', 'import', csv)).code).toBe(0);
    await j.teams.post(installPersonal(j.teams.where, BRAM));
    const bramChat = personalConversationId(BRAM);
    await j.teams.say(BRAM, 'profiel');
    const form = cardOf(j.teams.sentTo(bramChat).at(-1)?.body ?? null);
    expect(cardTexts(form).join('\n')).toContain('Andere besturen mogen contact met mij opnemen');
    const choices = (inputsOf(form).get('board')?.choices ?? []) as { title: string; value: string }[];
    const kempen = choices.find((b) => b.title === KEMPEN)?.value ?? '';
    const saved = await j.teams.act(BRAM, 'profile.submit', {
      board: kempen,
      timeZone: 'Europe/Amsterdam',
      locale: 'nl',
      peerContact: 'true',
    });
    expect(JSON.stringify(saved)).toContain('opgeslagen');

    trace('the next cycle: Kempen on track on Teams, Noord behind on Slack');
    expect((await j.cli('cycle', 'close', spring)).code).toBe(0);
    const plan = await j.planCycle({
      ambitions: 'a1',
      boards: '41234,44567',
      name: 'Najaar 2027',
      opens: '2027-09-15',
      closes: '2027-09-30',
    });
    const cycleId = plan.id;
    const annaBefore = j.slack.posted('UANNA').length;
    await j.at('2027-09-15T08:05:00Z');
    const update = (await j.teams.act(BRAM, 'checkin.open', { cycleId })).value as Record<string, unknown>;
    const items = [...inputsOf(update).keys()].filter((k) => k.startsWith('status__')).map((k) => k.slice(8));
    await j.teams.act(BRAM, 'update.submit', { cycleId, page: '1', items, ...teamsUpdateAnswers(items) });
    const checkin = j.slack.posted('UANNA').slice(annaBefore)[0];
    if (!checkin) throw new Error('Anna got no check-in');
    await j.slack.press('UANNA', checkin, buttonOf(checkin.blocks, 'checkin.open'));
    const annaForm = await j.slack.lastModal();
    expect(
      await j.slack.submit('UANNA', annaForm, slackUpdateAnswers(annaForm, { status: 'attention' })),
    ).toEqual({});
    await j.tick();

    trace('the offer names Kempen and Zuid, never Zee');
    const offer = j.slack
      .posted('UANNA')
      .slice(annaBefore)
      .find((m) => textsOf(m.blocks).join('\n').includes('Hulp bij ambitie 1'));
    if (!offer) throw new Error('Anna got no offer');
    const shown = textsOf(offer.blocks).join('\n');
    expect(shown).toContain(KEMPEN);
    expect(shown).toContain(ZUID);
    expect(shown).not.toContain(ZEE);

    trace('a board on track cannot ask, on Teams either');
    const asked = await j.teams.act(BRAM, 'peer.ask', {
      agendaId: 'po-raad-2022-2026',
      ambitionId: 'a1',
      boardId: kempen,
    });
    expect(JSON.stringify(asked)).toContain('geen contact aanvragen');

    trace('ask Kempen from Slack; Bram gets the request on Teams');
    const ask = offer.blocks
      ?.flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'peer.ask' && (e.value ?? '').includes(kempen));
    if (!ask) throw new Error('no button for Kempen');
    const bramBefore = j.teams.sentTo(bramChat).length;
    await j.slack.press('UANNA', offer, ask);
    await j.tick();
    const request = cardOf(j.teams.sentTo(bramChat).at(-1)?.body ?? null);
    expect(j.teams.sentTo(bramChat)).toHaveLength(bramBefore + 1);
    expect(cardTexts(request).join('\n')).toContain(`Contactverzoek van ${NOORD}`);
    const contactId = JSON.stringify(request).match(/"contactId":"([^"]+)"/)?.[1] ?? '';

    trace('Cora cannot accept it; Bram does, twice');
    await j.teams.post(installPersonal(j.teams.where, CORA));
    expect(JSON.stringify(await j.teams.act(CORA, 'peer.accept', { contactId }))).toContain(
      'aan iemand anders gericht',
    );
    const slackBefore = j.slack.posted('UANNA').length;
    expect(JSON.stringify(await j.teams.act(BRAM, 'peer.accept', { contactId }))).toContain('Geaccepteerd');
    await j.teams.act(BRAM, 'peer.accept', { contactId });
    await j.tick();
    await j.tick();
    const toAnna = j.slack.posted('UANNA').slice(slackBefore);
    expect(toAnna.map((m) => m.text)).toEqual([
      expect.stringContaining(`Bram Jansen van ${KEMPEN}. Je bereikt Bram Jansen via Microsoft Teams`),
    ]);
    const toBram = j.teams
      .sentTo(bramChat)
      .slice(bramBefore + 1)
      .map((c) => JSON.stringify(c.body));
    expect(toBram).toHaveLength(1);
    expect(toBram[0]).toContain(`Anna de Vries van ${NOORD}`);
    expect(toBram[0]).toContain('via Slack');

    trace('the ambition page counts both matches');
    const { cookie } = await j.signInToDashboard('UCORA');
    const page = await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie);
    expect(page.text).toContain('Contactverzoeken: 2, waarvan geaccepteerd: 2.');
    expect(j.errors).toEqual([]);
  }, 180_000);
});
