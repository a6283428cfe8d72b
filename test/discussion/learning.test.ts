import { createCore } from '../../src/core/index';
import { NEW, TAUGHT, TOPIC_AMBITION } from '../fixtures/learning-topic';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { discussionWorld, KWALITEIT, links, PO, WS } from './world';

describe('the classifier learns from the association’s manual links', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  it('after 20 corrections on a topic, new messages on that topic are linked to the ambition chosen', async () => {
    await t.reset();
    const { core, post, bram } = await discussionWorld(t.db);
    const top = async (text: string) => (await core.classify(PO, text))[0]?.ambition;

    // Before: the agenda and its lexicon place none of the new messages under a5.
    for (const text of NEW) expect(await top(text)).not.toBe(TOPIC_AMBITION);

    // Twenty members' corrections, each through the "Koppel aan ambitie" action.
    for (const text of TAUGHT) {
      const m = await post(text);
      await core.correctLinks(bram.id, {
        workspaceId: WS,
        channelId: KWALITEIT,
        externalId: m.externalId,
        remove: m.links.filter((l) => l.source === 'auto').map((l) => l.ambitionId),
        add: [TOPIC_AMBITION],
      });
    }

    // After: every new message on the topic is linked automatically to a5, first.
    for (const text of NEW) {
      const m = await post(text);
      expect(links(m)[0]).toEqual([TOPIC_AMBITION, 'auto']);
      expect(await top(text)).toBe(TOPIC_AMBITION);
    }

    // A restarted process reads the examples back from the store.
    const restarted = createCore({ ...core.deps, store: { ...core.deps.store } });
    for (const text of NEW) expect((await restarted.classify(PO, text))[0]?.ambition).toBe(TOPIC_AMBITION);
  });

  it('forgets an example once its manual link is removed', async () => {
    await t.reset();
    const { core, post, bram } = await discussionWorld(t.db);
    const addresses = [];
    for (const text of TAUGHT) {
      const m = await post(text);
      const address = { workspaceId: WS, channelId: KWALITEIT, externalId: m.externalId };
      await core.linkMessage(bram.id, { ...address, ambitions: [TOPIC_AMBITION] });
      addresses.push(address);
    }
    expect((await core.classify(PO, NEW[0] as string))[0]?.ambition).toBe(TOPIC_AMBITION);
    for (const address of addresses)
      await core.correctLinks(bram.id, { ...address, remove: [TOPIC_AMBITION], add: [] });
    expect((await core.classify(PO, NEW[0] as string))[0]?.ambition).not.toBe(TOPIC_AMBITION);
  });
});
