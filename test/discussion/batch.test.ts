import { RECORD_PART } from '../../src/core/discussion/record-batch';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, KWALITEIT, links, WS } from './world';

describe('recording a burst of messages at once', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('links, inherits threads, analyses and skips as recording one by one does', async () => {
    await t.reset();
    const { core, post, anna, carla, clock } = await discussionWorld(t.db);
    const before = await post('Al eerder opgeslagen bericht over ons leesplan #A1');
    const at = clock.now();
    const message = (externalId: string, text: string, over: object = {}) => ({
      workspaceId: WS,
      channelId: KWALITEIT,
      externalId,
      threadExternalId: null,
      authorMemberId: anna.id,
      text,
      postedAt: at,
      ...over,
    });
    const result = await core.recordMessages([
      message('b.1', 'Ons kwaliteitskader delen we graag met jullie #A2'),
      message('b.2', 'Mooi, dank je.', { threadExternalId: 'b.1', authorMemberId: carla.id }),
      message(
        'b.3',
        'De werkdruk bij onze leraren blijft hoog. We schrappen registraties en geven leraren meer ruimte voor ontwikkeling en vitaliteit.',
        { channelId: ARBEIDSMARKT },
      ),
      message('b.4', 'Dit kanaal is niet gekoppeld aan een leergemeenschap.', { channelId: 'C-RANDOM' }),
      message(before.externalId, 'Een tweede bezorging van hetzelfde bericht #A9'),
    ]);
    expect(result).toEqual({ recorded: 3, linked: 3 });

    const rows = await t.db.query<{ external_id: string; board_id: string | null }>(
      'SELECT external_id, board_id FROM discussion_messages ORDER BY external_id',
    );
    expect(rows.rows.map((r) => r.external_id)).toEqual([before.externalId, 'b.1', 'b.2', 'b.3']);
    const byExternal = async (externalId: string, channelId = KWALITEIT) => {
      const c = await core.deps.store.repos.communities.findByChannel(WS, channelId);
      return core.deps.store.repos.messages.findByExternal(c?.id as string, externalId);
    };
    expect(links(await byExternal('b.1'))).toEqual([['a2', 'tag']]);
    expect(links(await byExternal('b.2'))).toEqual([['a2', 'thread']]);
    expect(links(await byExternal('b.3', ARBEIDSMARKT))).toEqual([['a6', 'auto']]);
    // The stored message keeps its text and links.
    expect(links(await byExternal(before.externalId))).toEqual([['a1', 'tag']]);
    const sentences = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM message_sentences s JOIN discussion_messages dm ON dm.id = s.message_id
       WHERE dm.external_id = 'b.3'`,
    );
    expect(sentences.rows[0]?.n).toBe(2);
  });

  it('records a history longer than one statement: replies inherit across parts, and a batch given again adds nothing', async () => {
    await t.reset();
    const { core, anna, clock } = await discussionWorld(t.db);
    const at = clock.now();
    const count = 2 * RECORD_PART + 5;
    const history = Array.from({ length: count }, (_, i) => ({
      workspaceId: WS,
      channelId: KWALITEIT,
      externalId: `h.${i}`,
      // The first message starts the thread; the last, in the third part, answers it.
      threadExternalId: i === count - 1 ? 'h.0' : null,
      authorMemberId: anna.id,
      text:
        i === 0 ? 'Wie deelt zijn kwaliteitskader? #A2' : `Bericht ${i} over onze schoolgids en de ouders.`,
      postedAt: at,
    }));
    expect(await core.recordMessages(history)).toEqual({ recorded: count, linked: 2 });
    const c = await core.deps.store.repos.communities.findByChannel(WS, KWALITEIT);
    const last = await core.deps.store.repos.messages.findByExternal(c?.id as string, `h.${count - 1}`);
    expect(links(last)).toEqual([['a2', 'thread']]);
    expect(await core.recordMessages(history)).toEqual({ recorded: 0, linked: 0 });
    const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM discussion_messages');
    expect(stored.rows[0]?.n).toBe(count);
  });

  it('stores only the sentences a summary can use; one that leans on a short one keeps it as context', async () => {
    await t.reset();
    const { core, anna, clock } = await discussionWorld(t.db);
    await core.recordMessages([
      {
        workspaceId: WS,
        channelId: KWALITEIT,
        externalId: 's.1',
        threadExternalId: null,
        authorMemberId: anna.id,
        text: 'Herkenbaar. Dat werkt bij ons ook met leesplannen, leesouders en de schoolbibliotheek. Goed punt. Wie nog?',
        postedAt: clock.now(),
      },
    ]);
    const rows = await t.db.query<{ position: number; text: string; context: string | null }>(
      'SELECT position, text, context FROM message_sentences ORDER BY position',
    );
    expect(rows.rows).toEqual([
      {
        position: 1,
        text: 'Dat werkt bij ons ook met leesplannen, leesouders en de schoolbibliotheek.',
        context: 'Herkenbaar.',
      },
      { position: 3, text: 'Wie nog?', context: null },
    ]);
  });
});
