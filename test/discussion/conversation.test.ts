import { CLI } from '../../src/core/access';
import { summaryMarkdown } from '../../src/core/discussion/markdown';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, links, PO, WS } from './world';

/**
 * A small conversation in the Onderwijsarbeidsmarkt community, read back as a coordinator reads the
 * summary of ambition a8 (het onderwijs anders organiseren).
 */
describe('a summary a coordinator can act on', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function conversation() {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-03-01T08:00:00Z');
    const { core, clock, anna, carla, bram } = w;
    await core.registerBoards(CLI, [
      { duoNumber: '43456', name: 'Stichting Westland Scholen', region: 'midden' },
    ]);
    const boardC = await core.deps.store.repos.boards.findByDuo('43456');
    const dirk = await core.meetMember('slack', 'T1', { externalId: 'UDIRK', name: 'Dirk de Boer' });
    await core.chooseBoard(dirk.id, boardC?.id as string);
    const say = async (who: { id: string }, text: string) => {
      clock.advance(86_400_000);
      return w.post(text, { channelId: ARBEIDSMARKT, authorMemberId: who.id });
    };
    const leaning = await say(
      anna,
      'Het lerarentekort raakt ons hard. Daarom werken wij sinds januari op twee scholen met een vierdaagse lesweek en een sportdag op vrijdag. #A8',
    );
    const same = [
      await say(
        anna,
        'De regels over onderwijstijd maken het lastig om de lessen anders over de week te verdelen. #A8',
      ),
      await say(
        carla,
        'Bij ons ook: de regels over onderwijstijd maken het lastig om de lessen anders over de week te verdelen. #A8',
      ),
      await say(
        dirk,
        'Herkenbaar, de regels over onderwijstijd maken het lastig om lessen anders over de week te verdelen. #A8',
      ),
    ];
    const both = await say(
      carla,
      'Door het lerarentekort werken wij met zij-instromers en een vierdaagse lesweek op twee scholen.',
    );
    await core.sharePractice(bram.id, {
      workspaceId: WS,
      channelId: ARBEIDSMARKT,
      title: 'Vierdaagse lesweek',
      description:
        'Twee scholen werken met een vierdaagse lesweek en een dagprogramma op vrijdag. Het programma verzorgen de sportvereniging en de muziekschool, met onderwijsassistenten erbij.',
      ambitionIds: ['a8'],
      instruments: 'Rooster en ouderbrief',
      contact: 'bram@stichting.nl',
    });
    clock.advance(86_400_000);
    return { ...w, leaning, same, both };
  }

  it('merges what several boards say, keeps the context of a leaning sentence, and names its sources', async () => {
    const { core, coordinator, leaning, same } = await conversation();
    const request = { agendaId: PO, ambition: 'a8', from: new Date('2027-03-01T00:00:00Z') };
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'channel' });

    const merged = s.keyPoints.find((p) => p.text.includes('regels over onderwijstijd'));
    expect(merged?.boards).toBe(3);
    expect(merged?.sources.map((x) => x.messageId).sort()).toEqual(same.map((m) => m.id).sort());
    expect(merged?.sources[0]).toMatchObject({
      boardName: 'Stichting Openbaar Onderwijs Noord',
      link: `slack://channel?team=T1&id=C-ARBEID&message=${same[0]?.externalId}`,
    });

    // "Daarom …" alone does not say why: the sentence before comes with it.
    const kept = s.keyPoints.find((p) => p.sources[0]?.messageId === leaning.id);
    expect(kept?.text).toBe(
      'Het lerarentekort raakt ons hard. Daarom werken wij sinds januari op twee scholen met een vierdaagse lesweek en een sportdag op vrijdag.',
    );

    const text = summaryMarkdown(s);
    expect(text).toContain('1 maart 2027 t/m 7 maart 2027 · 5 berichten');
    expect(text).toContain('- 3 besturen noemen: De regels over onderwijstijd maken het lastig');
    expect(text).toMatch(
      /Stichting Openbaar Onderwijs Noord, 3 maart 2027, \[bericht\]\(slack:\/\/channel\?team=T1/,
    );
    // A practice with its board and one line of description.
    expect(text).toContain(
      '- **Vierdaagse lesweek** (Stichting Openbaar Onderwijs Noord): Twee scholen werken met een vierdaagse lesweek en een dagprogramma op vrijdag.',
    );
    expect(text).not.toContain('muziekschool');
  });

  it('names the first sources of a point many say, and counts all its messages and boards', async () => {
    const { core, clock, coordinator, bram, same, post } = await conversation();
    await core.registerBoards(CLI, [{ duoNumber: '51234', name: 'Stichting Kempen', region: 'zuid' }]);
    const boardD = await core.deps.store.repos.boards.findByDuo('51234');
    const femke = await core.meetMember('slack', 'T1', { externalId: 'UFEMKE', name: 'Femke Smit' });
    await core.chooseBoard(femke.id, boardD?.id as string);
    for (const who of [bram, femke])
      await post(
        'Ook hier: de regels over onderwijstijd maken het lastig om de lessen anders over de week te verdelen. #A8',
        {
          channelId: ARBEIDSMARKT,
          authorMemberId: who.id,
        },
      );
    clock.advance(86_400_000);
    const request = { agendaId: PO, ambition: 'a8', from: new Date('2027-03-01T00:00:00Z') };
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'channel' });

    const merged = s.keyPoints.find((p) => p.text.includes('regels over onderwijstijd'));
    // Five messages of four boards (Bram's board is Anna's); three of them named.
    expect(merged).toMatchObject({ messages: 5, boards: 4 });
    expect(merged?.sources).toHaveLength(3);
    expect(same.map((m) => m.id)).toContain(merged?.sources[0]?.messageId);
    const text = summaryMarkdown(s);
    expect(text).toContain('- 4 besturen noemen: De regels over onderwijstijd maken het lastig');
    expect(text).toContain(
      '[bericht](slack://channel?team=T1&id=C-ARBEID&message=1800000000.000006); en 2 andere)_',
    );
  });

  it('links a message about two ambitions to both, and it counts in both summaries', async () => {
    const { core, coordinator, both } = await conversation();
    expect(links(both)).toEqual([
      ['a7', 'auto'],
      ['a8', 'auto'],
    ]);
    const request = { agendaId: PO, from: new Date('2027-03-01T00:00:00Z'), visibility: 'channel' as const };
    for (const ambition of ['a7', 'a8']) {
      const s = await core.summarise({ memberId: coordinator.id }, { ...request, ambition });
      expect(
        s.participation.boards.some((b) => b.boardName === 'Vereniging Christelijk Primair Onderwijs Zuid'),
      ).toBe(true);
      expect(s.messages.bySource.auto).toBe(1);
    }
  });
});
