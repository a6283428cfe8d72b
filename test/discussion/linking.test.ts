import { AUTO_LINK_THRESHOLD } from '../../src/core/discussion/classifier';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, KWALITEIT, links, WS } from './world';

describe('linking messages to ambitions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function world() {
    await t.reset();
    return discussionWorld(t.db);
  }

  const werkdruk =
    'De werkdruk bij onze leraren blijft hoog. We schrappen registraties en geven leraren meer ruimte voor ontwikkeling en vitaliteit.';

  it('links by tags (#A3, #ambitie2, the ambition’s hashtag) and by inheritance from the thread', async () => {
    const { post } = await world();
    const root = await post(
      'Ons leesplan delen we graag #A3 #ambitie2 #basisvaardigheden, en #zomer is geen ambitie.',
    );
    expect(links(root)).toEqual([
      ['a1', 'tag'],
      ['a2', 'tag'],
      ['a3', 'tag'],
    ]);
    const reply = await post('Mooi, wij ook.', { threadExternalId: root.externalId });
    expect(links(reply)).toEqual([
      ['a1', 'thread'],
      ['a2', 'thread'],
      ['a3', 'thread'],
    ]);
  });

  it('suggests an ambition automatically, marked as such with its score, only above the threshold', async () => {
    const { post } = await world();
    const auto = await post(werkdruk, { channelId: ARBEIDSMARKT });
    expect(links(auto)).toEqual([['a6', 'auto']]);
    expect(auto.links[0]?.score).toBeGreaterThanOrEqual(AUTO_LINK_THRESHOLD);
    expect(links(await post('Goedemorgen allemaal, fijne week gewenst en tot vrijdag!'))).toEqual([]);
    // A person's tag wins: no suggestion beside it.
    expect(links(await post(`${werkdruk} #A8`, { channelId: ARBEIDSMARKT }))).toEqual([['a8', 'tag']]);
  });

  it('does not pass automatic links down a thread: a reply gets its own suggestion', async () => {
    const { post } = await world();
    const root = await post(werkdruk, { channelId: ARBEIDSMARKT });
    const reply = await post('Herkenbaar, hier ook.', {
      channelId: ARBEIDSMARKT,
      threadExternalId: root.externalId,
    });
    expect(links(reply)).toEqual([]);
  });

  it('lets a person link by hand, and correct a wrong automatic link by removing or replacing it', async () => {
    const { core, post, bram } = await world();
    const m = await post(
      'Met de pabo leiden we zij-instromers op in de school: Samen Opleiden maakt de instroom van nieuwe leraren groter.',
      { channelId: ARBEIDSMARKT },
    );
    expect(links(m)).toEqual([['a7', 'auto']]);
    const address = { workspaceId: WS, channelId: ARBEIDSMARKT, externalId: m.externalId };

    const replaced = await core.correctLinks(bram.id, { ...address, remove: ['a7'], add: ['#vakmanschap'] });
    expect(links(replaced)).toEqual([['a6', 'manual']]);
    expect(replaced.links[0]?.score).toBeNull();

    const added = await core.linkMessage(bram.id, { ...address, ambitions: ['7', 'a8'] });
    expect(links(added)).toEqual([
      ['a6', 'manual'],
      ['a7', 'manual'],
      ['a8', 'manual'],
    ]);
    const removed = await core.correctLinks(bram.id, { ...address, remove: ['a6', 'a8'], add: [] });
    expect(links(removed)).toEqual([['a7', 'manual']]);

    await expect(core.linkMessage(bram.id, { ...address, ambitions: ['a42'] })).rejects.toMatchObject({
      code: 'UNKNOWN_AMBITION',
    });
    await expect(
      core.linkMessage(bram.id, { ...address, externalId: 'never-seen', ambitions: ['a6'] }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_MESSAGE' });
    await expect(
      core.linkMessage(bram.id, { ...address, channelId: 'C-RANDOM', ambitions: ['a6'] }),
    ).rejects.toMatchObject({ code: 'NOT_A_COMMUNITY_CHANNEL' });
  });

  it('lets only a coordinator set a message’s ambitions from the dashboard, as manual links it learns from', async () => {
    const { core, post, bram, coordinator } = await world();
    const m = await post(
      'Met de pabo leiden we zij-instromers op in de school: Samen Opleiden maakt de instroom van nieuwe leraren groter.',
      { channelId: ARBEIDSMARKT },
    );
    expect(links(m)).toEqual([['a7', 'auto']]);
    await expect(
      core.correctMessageAmbitions(bram.id, { messageId: m.id, ambitions: ['a6'] }),
    ).rejects.toMatchObject({ code: 'NOT_COORDINATOR' });
    const corrected = await core.correctMessageAmbitions(coordinator.id, {
      messageId: m.id,
      ambitions: ['a6', '#vakmanschap'],
    });
    expect(links(corrected)).toEqual([['a6', 'manual']]);
    expect(await core.deps.store.repos.discussion.labelledExamples('po-raad-2022-2026', 10)).toEqual([
      { ambitionId: 'a6', text: m.text },
    ]);
    await expect(
      core.correctMessageAmbitions(coordinator.id, { messageId: 'never-seen', ambitions: ['a6'] }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_MESSAGE' });
  });

  it('re-reads tags when a message is edited and forgets it when deleted', async () => {
    const { core, post } = await world();
    const m = await post('Zie ons plan #A1');
    const address = { workspaceId: WS, channelId: KWALITEIT, externalId: m.externalId };
    const edited = await core.editMessage({
      ...address,
      text: 'Zie ons plan #A2',
      editedAt: new Date('2027-03-02'),
    });
    expect(edited?.text).toBe('Zie ons plan #A2');
    expect(links(edited)).toEqual([['a2', 'tag']]);

    const untagged = await core.editMessage({ ...address, text: werkdruk, editedAt: new Date('2027-03-03') });
    expect(links(untagged)).toEqual([['a6', 'auto']]);

    expect(await core.deleteMessage(address)).toBe(true);
    expect(await core.deleteMessage(address)).toBe(false);
    expect((await t.db.query('SELECT count(*)::int AS n FROM discussion_messages')).rows).toEqual([{ n: 0 }]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM message_ambitions')).rows).toEqual([{ n: 0 }]);
  });

  it('keeps a manual link through an edit', async () => {
    const { core, post, bram } = await world();
    const m = await post('Zie ons plan #A1');
    const address = { workspaceId: WS, channelId: KWALITEIT, externalId: m.externalId };
    await core.linkMessage(bram.id, { ...address, ambitions: ['a3'] });
    const edited = await core.editMessage({ ...address, text: 'Zie ons nieuwe plan', editedAt: new Date() });
    expect(links(edited)).toEqual([['a3', 'manual']]);
  });

  it('stores nothing from a channel that is not linked to a community, also not on edit', async () => {
    const { core } = await world();
    const elsewhere = { workspaceId: WS, channelId: 'C-RANDOM', externalId: '1800000099.000001' };
    expect(
      await core.recordMessage({
        ...elsewhere,
        threadExternalId: null,
        authorMemberId: null,
        text: werkdruk,
        postedAt: new Date(),
      }),
    ).toBeNull();
    expect(await core.editMessage({ ...elsewhere, text: werkdruk, editedAt: new Date() })).toBeNull();
    expect(await core.deleteMessage(elsewhere)).toBe(false);
    expect((await t.db.query('SELECT count(*)::int AS n FROM discussion_messages')).rows).toEqual([{ n: 0 }]);
  });
});
