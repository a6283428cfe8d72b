import type { UpdateAnswer } from '../../src/core/model';
import { DRIVERS, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, PO } from './world';

const answer = (itemId: string, progress: number): UpdateAnswer => ({
  itemId,
  status: 'on_track',
  progress,
  done: '',
  steeringNeeded: false,
  steeringExplanation: '',
  link: null,
});

describe.each(DRIVERS)('discussion storage on %s', (_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

  async function world() {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-03-01T10:00:00Z');
    const root = await w.post('Vraag over ons leesplan? #A1', { authorMemberId: w.anna.id });
    w.clock.advance(60_000);
    const reply = await w.post('Antwoord over het leesplan', {
      authorMemberId: w.bram.id,
      threadExternalId: root.externalId,
    });
    w.clock.advance(60_000);
    const other = await w.post('Werkdruk #A1 #A6', { channelId: ARBEIDSMARKT, authorMemberId: w.carla.id });
    w.clock.advance(60_000);
    return { ...w, root, reply, other };
  }

  it('reads an ambition’s messages per agenda, period and community, and a thread’s posts', async () => {
    const { repos, root, reply, other, kwaliteit, anna } = await world();
    const scope = {
      agendaId: PO,
      ambitionId: 'a1',
      from: new Date('2027-03-01'),
      to: new Date('2027-03-02'),
    };
    const all = await repos.discussion.messagesForAmbition(scope);
    expect(all.map((m) => [m.messageId, m.source, m.channelId, m.memberId])).toEqual([
      [root.id, 'tag', 'C-KWAL', anna.id],
      [reply.id, 'thread', 'C-KWAL', reply.memberId],
      [other.id, 'tag', ARBEIDSMARKT, other.memberId],
    ]);
    expect(await repos.discussion.messagesForAmbition({ ...scope, communityId: kwaliteit.id })).toHaveLength(
      2,
    );
    expect(await repos.discussion.messagesForAmbition({ ...scope, agendaId: 'vo-raad-2020-2025' })).toEqual(
      [],
    );
    expect(await repos.discussion.messagesForAmbition({ ...scope, to: root.postedAt })).toEqual([]);
    const posts = await repos.discussion.threadPosts([{ communityId: kwaliteit.id, root: root.externalId }]);
    expect(posts.map((p) => p.memberId).sort()).toEqual([anna.id, reply.memberId].sort());
    expect(await repos.discussion.linkedAmbitions(kwaliteit.id, scope.from, scope.to)).toEqual(['a1']);
    expect((await repos.discussion.messageCounts(scope.from, scope.to)).get(kwaliteit.id)).toBe(2);
  });

  it('unlinks by ambition or by source, edits text, removes messages with their sentences', async () => {
    const { repos, other, reply, root } = await world();
    const sentencesOf = async (id: string) =>
      (
        await t.db.query<{ text: string }>('SELECT text FROM message_sentences WHERE message_id = $1', [id])
      ).rows.map((r) => r.text);
    expect(await sentencesOf(root.id)).toEqual(['Vraag over ons leesplan?']);
    expect(await repos.discussion.remove(root.id)).toBe(true);
    expect(await sentencesOf(root.id)).toEqual([]);
    expect(await repos.discussion.unlink(other.id, { ambitions: ['a6'] })).toBe(1);
    expect(await repos.discussion.unlink(other.id, { sources: ['tag'] })).toBe(1);
    expect((await repos.messages.get(other.id))?.links).toEqual([]);
    await repos.discussion.updateText(reply.id, 'Nieuwe tekst', new Date('2027-03-02'));
    expect((await repos.messages.get(reply.id))?.text).toBe('Nieuwe tekst');
    expect(await repos.discussion.remove(reply.id)).toBe(true);
    expect(await repos.messages.get(reply.id)).toBeNull();
  });

  it('counts a scope from the links, which follow an edit, a purge and an erase of their message', async () => {
    const { repos, root, anna, bram } = await world();
    const scope = {
      agendaId: PO,
      ambitionId: 'a1',
      from: new Date('2027-03-01'),
      to: new Date('2027-03-02'),
    };
    const counted = async () =>
      (await repos.discussion.ambitionActivity(scope))
        .map((a) => [
          a.memberId === anna.id
            ? 'anna'
            : a.memberId === bram.id
              ? 'bram'
              : a.memberId === null
                ? 'gewist'
                : 'carla',
          a.messages,
          a.withText,
          a.steering,
        ])
        .sort();
    expect(await counted()).toEqual([
      ['anna', 1, 1, 0],
      ['bram', 1, 1, 0],
      ['carla', 1, 1, 0],
    ]);
    await repos.discussion.saveAnalysis(root.id, { sentences: [], steering: true });
    expect((await counted())[0]).toEqual(['anna', 1, 1, 1]);
    await repos.personalData.eraseMember(bram.id, new Date('2027-03-03'));
    expect(await counted()).toContainEqual(['gewist', 1, 0, 0]);
    await repos.personalData.purgeTexts(new Date('2028-01-01'), new Date('2028-01-01'), 10);
    expect((await counted()).map((c) => c[2])).toEqual([0, 0, 0]);
    expect(await repos.discussion.summarySentences(scope, { minTerms: 1, messages: 10, recent: 10 })).toEqual(
      [],
    );
  });

  it('reads the current updates of an ambition and its actions, not those of a10', async () => {
    const { core, repos, coordinator, anna } = await world();
    const asCoordinator = { memberId: coordinator.id };
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Maart',
      scope: ['a1', 'a1.1', 'a10'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T00:00:00Z'),
      closesAt: new Date('2027-03-30T00:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    await core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1', 10), answer('a10', 90)] });
    await core.submitUpdate(anna.id, { cycleId: cycle.id, answers: [answer('a1', 30), answer('a1.1', 20)] });
    const current = await repos.discussion.currentUpdatesForAmbition('a1', [cycle.id]);
    expect(current.map((u) => [u.itemId, u.progress])).toEqual([
      ['a1', 30],
      ['a1.1', 20],
    ]);
  });

  it('purges in batches, erases a member, exports them, and tells queued outbox keys', async () => {
    const { repos, anna, bram, kwaliteit } = await world();
    const now = new Date('2028-06-01');
    expect(await repos.personalData.purgeTexts(now, now, 2)).toBe(2);
    expect(await repos.personalData.purgeTexts(now, now, 2)).toBe(1);
    expect(await repos.personalData.purgeTexts(now, now, 2)).toBe(0);
    const member = await repos.members.get(anna.id);
    if (!member) throw new Error('test setup: no Anna');
    expect((await repos.personalData.exportMember(member)).messages.map((m) => [m.text, m.purgedAt])).toEqual(
      [[null, now]],
    );
    expect(await repos.personalData.eraseMember(anna.id, now)).toBe(1);
    expect((await repos.personalData.exportMember(member)).messages).toEqual([]);
    expect(await repos.personalData.eraseMember(bram.id, now)).toBe(1);
    const welcome = `community.welcome:${kwaliteit.id}`;
    expect(await repos.discussion.queuedKeys([welcome, 'nothing'])).toEqual(new Set([welcome]));
  });
});
