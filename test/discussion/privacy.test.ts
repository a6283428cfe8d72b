import { memberDataJson } from '../../src/core/discussion/personal-data';
import { DAY_MS } from '../../src/core/time';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { discussionWorld, KWALITEIT, PO, WS } from './world';

describe('retention and personal data', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  const texts = async () =>
    (
      await t.db.query<{ text: string | null; purged: boolean; erased: boolean }>(
        `SELECT text, purged_at IS NOT NULL AS purged, erased_at IS NOT NULL AS erased
         FROM discussion_messages ORDER BY posted_at, external_id`,
      )
    ).rows;

  it('purges texts older than RETENTION_DAYS and keeps the messages for the counts', async () => {
    await t.reset();
    const { core, clock, post } = await discussionWorld(t.db, '2027-01-01T10:00:00Z', { retentionDays: 30 });
    await post('Oud bericht over ons leesplan #A1');
    clock.advance(40 * DAY_MS);
    await post('Nieuw bericht over ons leesplan #A1');
    clock.advance(5 * DAY_MS);

    expect(await core.purgeExpiredTexts()).toEqual({ purged: 1, cutoff: new Date('2027-01-16T10:00:00Z') });
    expect(await texts()).toEqual([
      { text: null, purged: true, erased: false },
      { text: 'Nieuw bericht over ons leesplan #A1', purged: false, erased: false },
    ]);
    expect((await core.purgeExpiredTexts()).purged).toBe(0);
    const s = await core.summarise(
      { system: 'cli' },
      {
        agendaId: PO,
        ambition: 'a1',
        from: new Date('2026-12-01'),
        visibility: 'channel',
      },
    );
    expect(s.messages).toMatchObject({ total: 2, withText: 1 });
    // An edit on the platform does not bring a purged text back.
    const old = await core.editMessage({
      workspaceId: WS,
      channelId: KWALITEIT,
      externalId: '1800000000.000001',
      text: 'Oud bericht, bewerkt',
      editedAt: clock.now(),
    });
    expect(old?.text).toBeNull();
    const audit = await core.deps.store.repos.audit.list(5);
    expect(audit.find((e) => e.action === 'discussion.purge')?.details).toMatchObject({
      purged: 1,
      retentionDays: 30,
    });
  });

  it('keeps texts 365 days by default', async () => {
    await t.reset();
    const { core, clock, post } = await discussionWorld(t.db, '2026-01-01T10:00:00Z');
    await post('Bijna een jaar oud #A1');
    clock.advance(364 * DAY_MS);
    expect((await core.purgeExpiredTexts()).purged).toBe(0);
    clock.advance(2 * DAY_MS);
    expect((await core.purgeExpiredTexts()).purged).toBe(1);
  });

  async function membersTalking() {
    await t.reset();
    const w = await discussionWorld(t.db);
    const { core, post, anna, bram } = w;
    await core.joinCommunity(anna.id, WS, KWALITEIT);
    const first = await post('Wij werken met een leesplan voor alle groepen #A1', {
      authorMemberId: anna.id,
    });
    await post('Wij meten persoonsvorming met een vragenlijst #A3', { authorMemberId: anna.id });
    await post('Bij ons doet het hele team mee aan de leesaanpak #A1', { authorMemberId: bram.id });
    await core.linkMessage(anna.id, {
      workspaceId: WS,
      channelId: KWALITEIT,
      externalId: first.externalId,
      ambitions: ['a2'],
    });
    await core.sharePractice(anna.id, {
      workspaceId: WS,
      channelId: KWALITEIT,
      title: 'Leesteams',
      description: 'Elke school een leesteam.',
      ambitionIds: ['a1'],
      instruments: 'Kijkwijzer',
      contact: 'anna@stichting.nl',
    });
    w.clock.advance(60_000);
    return w;
  }

  it('gives a member everything stored about them, and nothing about others', async () => {
    const { core, anna, boardA } = await membersTalking();
    const data = await core.exportMemberData(anna.id);
    expect(data.member).toMatchObject({ id: anna.id, name: 'Anna de Vries' });
    expect(data.board).toEqual({ id: boardA.id, name: boardA.name, duoNumber: '41234' });
    expect(data.retentionDays).toBe(365);
    expect(data.communities.map((c) => c.channelId)).toEqual([KWALITEIT]);
    expect(data.messages.map((m) => [m.text, m.links.map((l) => `${l.ambitionId}:${l.source}`)])).toEqual([
      ['Wij werken met een leesplan voor alle groepen #A1', ['a1:tag', 'a2:manual']],
      ['Wij meten persoonsvorming met een vragenlijst #A3', ['a3:tag']],
    ]);
    expect(data.linksMade.map((l) => [l.ambitionId, l.source])).toEqual([['a2', 'manual']]);
    expect(data.practices.map((p) => p.title)).toEqual(['Leesteams']);
    const json = memberDataJson(data);
    expect(JSON.parse(json).messages).toHaveLength(2);
    expect(json).not.toContain('hele team');
  });

  it('erases a member’s texts on request and keeps the anonymous counts', async () => {
    const { core, anna, bram, boardA } = await membersTalking();
    const request = { agendaId: PO, ambition: 'a1', visibility: 'channel' as const };
    const before = await core.summarise({ system: 'cli' }, request);

    expect(await core.eraseMemberTexts(anna.id)).toEqual({ erased: 2 });
    expect(await texts()).toEqual([
      { text: null, purged: false, erased: true },
      { text: null, purged: false, erased: true },
      { text: 'Bij ons doet het hele team mee aan de leesaanpak #A1', purged: false, erased: false },
    ]);
    const data = await core.exportMemberData(anna.id);
    expect(data.messages).toEqual([]);
    expect(data.linksMade).toEqual([]);
    expect(memberDataJson(data)).not.toContain('leesplan');

    const after = await core.summarise({ system: 'cli' }, request);
    expect(after.messages.total).toBe(before.messages.total);
    expect(after.messages.withText).toBe(before.messages.withText - 1);
    expect(after.participation.boards).toEqual([
      { boardId: boardA.id, boardName: boardA.name, messages: 2, members: 1 },
    ]);
    expect((await core.exportMemberData(bram.id)).messages).toHaveLength(1);
    const audit = await core.deps.store.repos.audit.list(5);
    expect(audit[0]).toMatchObject({
      action: 'member.erase-texts',
      actorId: anna.id,
      details: { messages: 2 },
    });
  });
});
