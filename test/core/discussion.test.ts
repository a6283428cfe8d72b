import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

describe('discussion and practices', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos } = await testCore(t.db);
    const people = await seedPeople(core);
    const community = await core.linkCommunity(
      { memberId: people.coordinator.id },
      { workspaceId: people.anna.workspaceId, channelId: 'C-KWAL', theme: 't1' },
    );
    return { core, repos, community, ...people };
  }

  const message = (over: Record<string, unknown>) => ({
    workspaceId: 'slack:T1',
    channelId: 'C-KWAL',
    externalId: '1700000000.000100',
    threadExternalId: null,
    authorMemberId: null,
    text: 'Wie heeft ervaring met een schoolbreed leesplan?',
    postedAt: new Date('2027-03-05T10:00:00Z'),
    ...over,
  });

  it('links by tag (#A3, #ambitie2, #basisvaardigheden) and by inheritance from the thread', async () => {
    const { core, anna } = await setup();
    const root = await core.recordMessage(
      message({
        authorMemberId: anna.id,
        text: 'Ons leesplan #A3 en #ambitie2, ook #basisvaardigheden. #Zomer',
      }),
    );
    expect(root?.links.map((l) => [l.ambitionId, l.source])).toEqual([
      ['a1', 'tag'],
      ['a2', 'tag'],
      ['a3', 'tag'],
    ]);
    const reply = await core.recordMessage(
      message({
        externalId: '1700000001.000200',
        threadExternalId: '1700000000.000100',
        text: 'Mooi, wij ook.',
      }),
    );
    expect(reply?.links.map((l) => [l.ambitionId, l.source])).toEqual([
      ['a1', 'thread'],
      ['a2', 'thread'],
      ['a3', 'thread'],
    ]);
  });

  it('stores a message once, and nothing from a channel that is not a community', async () => {
    const { core } = await setup();
    const first = await core.recordMessage(message({}));
    const again = await core.recordMessage(message({ text: 'anders' }));
    expect(again?.id).toBe(first?.id);
    expect(await core.recordMessage(message({ channelId: 'C-RANDOM', externalId: '1' }))).toBeNull();
    expect((await t.db.query('SELECT text FROM discussion_messages')).rows).toEqual([
      { text: message({}).text },
    ]);
  });

  it('lets a person link a message to ambitions by hand', async () => {
    const { core, bram } = await setup();
    await core.recordMessage(message({}));
    const linked = await core.linkMessage(bram.id, {
      workspaceId: 'slack:T1',
      channelId: 'C-KWAL',
      externalId: '1700000000.000100',
      ambitions: ['a2', '#kwaliteitszorg', '3'],
    });
    expect(linked.links.map((l) => [l.ambitionId, l.source])).toEqual([
      ['a2', 'manual'],
      ['a3', 'manual'],
    ]);
    await expect(
      core.linkMessage(bram.id, {
        workspaceId: 'slack:T1',
        channelId: 'C-KWAL',
        externalId: '1700000000.000100',
        ambitions: ['a42'],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_AMBITION' });
  });

  it('shares a practice in the community and queues it for the channel', async () => {
    const { core, repos, anna, boardA, community } = await setup();
    const practice = await core.sharePractice(anna.id, {
      workspaceId: 'slack:T1',
      channelId: 'C-KWAL',
      title: 'Leesteams in groep 5 tot 8',
      description: 'Elke school een leesteam dat wekelijks samen lesbezoeken doet.',
      ambitionIds: ['a1'],
      instruments: 'Kijkwijzer begrijpend lezen',
      contact: 'anna@stichting.nl',
    });
    expect(practice).toMatchObject({
      communityId: community.id,
      boardId: boardA.id,
      agendaId: 'po-raad-2022-2026',
    });
    expect((await repos.practices.listByAmbition('po-raad-2022-2026', 'a1')).map((p) => p.title)).toEqual([
      'Leesteams in groep 5 tot 8',
    ]);
    const queued = await t.db.query<{ kind: string }>(
      "SELECT kind FROM outbox WHERE kind = 'practice.posted'",
    );
    expect(queued.rows).toHaveLength(1);
    await expect(
      core.sharePractice(anna.id, {
        ...practice,
        workspaceId: 'slack:T1',
        channelId: 'C-KWAL',
        ambitionIds: ['a77'],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_AMBITION' });
  });
});
