import {
  ANNA,
  BRAM,
  botJoinsTeam,
  CORA,
  channelMessage,
  installPersonal,
  KWALITEIT,
  personalConversationId,
  TEAM,
} from '../teams/fixtures';
import { cardOf, cardTexts, inputsOf } from '../teams/harness';
import { teamsUpdateAnswers } from './support/forms';
import { type Journey, startJourney } from './support/rig';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

/**
 * A board member on Teams, through the 1:1 chat and Universal Actions; Bram never opened a chat with the
 * bot and is reached in one the bot creates, as the team roster taught it who he is.
 */
describe('journey: a Teams board member', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: [`teams:${CORA.aadObjectId}`], at: '2027-03-10T10:00:00Z' });
  }, 60_000);
  afterAll(() => j.stop());

  /** The last card the bot sent into a conversation. */
  const lastCard = (conversationId: string) => {
    const sent = j.teams.sentTo(conversationId);
    return cardOf(sent.at(-1)?.body ?? null);
  };
  const invokeCard = (res: { value: unknown }) => res.value as Record<string, unknown>;

  it('goes from first contact to the results of the cycle', async () => {
    trace('boards');
    const csv = j.file(
      'besturen.csv',
      'naam;bestuursnummer;regio\nStichting Openbaar Onderwijs Noord;41234;noord\nSKO Zuid;42345;zuid\n',
    );
    expect((await j.cli('boards', 'import', csv)).out).toContain('2 besturen toegevoegd');

    trace('team');
    // The bot joins the team: it learns the roster, Bram among them.
    j.connector.rosters.set(TEAM, [
      { ...CORA, tenantId: j.teams.tenant },
      { ...ANNA, tenantId: j.teams.tenant },
      { ...BRAM, tenantId: j.teams.tenant },
    ]);
    await j.teams.post(botJoinsTeam(j.teams.where, CORA));
    await j.teams.post(
      channelMessage(j.teams.where, CORA, 'gemeenschap koppel onderwijskwaliteit', { mention: true }),
    );

    trace('anna welcome');
    // Anna adds the app: the welcome card has a profile button; `profiel` gives the same form.
    await j.teams.post(installPersonal(j.teams.where, ANNA));
    const annaChat = personalConversationId(ANNA);
    const welcome = lastCard(annaChat);
    expect(JSON.stringify(welcome.actions)).toContain('profile.open');
    await j.teams.say(ANNA, 'profiel', 'America/Curacao');
    const profile = lastCard(annaChat);
    const boards = inputsOf(profile).get('board')?.choices as { title: string; value: string }[];
    const noord = boards.find((b) => b.title === 'Stichting Openbaar Onderwijs Noord');
    // The client's time zone is what the form offers first.
    expect(inputsOf(profile).get('timeZone')?.value).toBe('America/Curacao');
    const saved = await j.teams.act(ANNA, 'profile.submit', {
      board: noord?.value,
      timeZone: 'America/Curacao',
      locale: 'nl',
    });
    expect(JSON.stringify(saved)).toContain('opgeslagen');

    trace('plan');
    // The coordinator plans the cycle for the people of the community channel (the team's roster).
    await j.teams.post(
      channelMessage(j.teams.where, CORA, 'cyclus plan Voorjaar 2027 2027-03-15 2027-03-26 kanaal', {
        mention: true,
      }),
    );
    // The answer says at once who cannot be reached yet: Bram has not chosen a board.
    const planned = JSON.stringify(j.connector.sent.at(-1)?.body);
    expect(planned).toContain('Voorjaar 2027');
    expect(planned).toContain('Bram Jansen: heeft nog geen bestuur gekozen');

    trace('open');
    // Monday: Bram, who has no board and no chat, gets the profile form in a chat the bot creates.
    await j.at('2027-03-15T08:05:00Z');
    const created = j.connector.created.findIndex((c) => JSON.stringify(c.body?.members).includes(BRAM.id));
    expect(created).toBeGreaterThanOrEqual(0);
    const bramChat = `a:created-${created + 1}`;
    const bramProfile = lastCard(bramChat);
    expect(inputsOf(bramProfile).has('board')).toBe(true);
    const bramBoards = (inputsOf(bramProfile).get('board')?.choices ?? []) as {
      title: string;
      value: string;
    }[];
    const zuid = bramBoards.find((b) => b.title === 'SKO Zuid');
    await j.teams.act(BRAM, 'profile.submit', {
      board: zuid?.value,
      timeZone: 'Europe/Amsterdam',
      locale: 'nl',
    });
    await j.at('2027-03-15T08:10:00Z');
    expect(cardTexts(lastCard(bramChat)).join('\n')).toContain('Voorjaar 2027');
    // 09:00 on Curaçao is 13:00 UTC.
    const annaBefore = j.teams.sentTo(annaChat).length;
    await j.at('2027-03-15T13:00:00Z');
    expect(j.teams.sentTo(annaChat)).toHaveLength(annaBefore + 1);
    const checkin = lastCard(annaChat);
    expect(cardTexts(checkin).join('\n')).toContain('Voorjaar 2027');

    trace('answer');
    const openAction = JSON.stringify(checkin).match(/"cycleId":"([^"]+)"/);
    const cycleId = openAction?.[1] as string;
    const form = invokeCard(await j.teams.act(ANNA, 'checkin.open', { cycleId }));
    const items = [...inputsOf(form).keys()].filter((k) => k.startsWith('status__')).map((k) => k.slice(8));
    expect(items.length).toBeGreaterThan(0);
    const base = { cycleId, page: '1', items };
    const refused = invokeCard(
      await j.teams.act(ANNA, 'update.submit', {
        ...base,
        ...teamsUpdateAnswers(items, { steeringOn: 'a1' }),
      }),
    );
    expect(JSON.stringify(refused)).toContain('explanation__a1');
    const updatesBefore = j.connector.updated.length;
    const receipt = invokeCard(
      await j.teams.act(
        ANNA,
        'update.submit',
        { ...base, ...teamsUpdateAnswers(items, { steeringOn: 'a1', explanation: 'Te weinig leraren' }) },
        'checkin-activity',
      ),
    );
    expect(JSON.stringify(receipt)).toContain('update.edit');

    trace('remind');
    const bramBefore = j.teams.sentTo(bramChat).length;
    const annaNow = j.teams.sentTo(annaChat).length;
    await j.at('2027-03-17T08:05:00Z');
    await j.at('2027-03-17T13:05:00Z');
    expect(j.teams.sentTo(bramChat)).toHaveLength(bramBefore + 1);
    expect(j.teams.sentTo(annaChat)).toHaveLength(annaNow);
    expect(j.connector.updated.length).toBeGreaterThanOrEqual(updatesBefore);

    trace('close');
    await j.teams.say(CORA, 'cyclus sluit Voorjaar 2027');
    await j.at('2027-03-18T08:05:00Z');
    const inChannel = j.connector.sent.filter((c) => c.conversationId?.startsWith(KWALITEIT));
    expect(JSON.stringify(inChannel.map((c) => c.body))).toContain('Voorjaar 2027');
    const toCora = j.teams.sentTo(personalConversationId(CORA)).map((c) => JSON.stringify(c.body));
    expect(toCora.join('\n')).toContain('1 van de 2 gevraagden');
    expect(j.errors).toEqual([]);
  }, 120_000);
});
