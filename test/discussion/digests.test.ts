import { lastPeriod } from '../../src/core/discussion/digests';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, PO } from './world';

interface OutboxRow {
  dedupe_key: string;
  kind: string;
  conversation_id: string;
  platform: string;
  payload: Record<string, unknown>;
  not_before: Date;
}

describe('digests per community', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  const digests = async () =>
    (await t.db.query<OutboxRow>("SELECT * FROM outbox WHERE kind = 'community.digest' ORDER BY dedupe_key"))
      .rows;

  /** Communities linked on 1 February 2027; talk in the quality community in the period of 8-21 February. */
  async function world() {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-02-01T09:00:00Z');
    w.clock.set('2027-02-10T09:00:00Z');
    await w.post('Wij werken met een schoolbreed leesplan en dagelijks lezen in alle groepen. #A1');
    await w.post('Onze kwaliteitszorg volgt het model Regie op Onderwijskwaliteit met eigen ijkpunten. #A2');
    w.clock.set('2027-02-23T10:00:00Z');
    return w;
  }

  it('counts periods of DIGEST_EVERY_DAYS days from a Monday at local midnight', () => {
    expect(lastPeriod(new Date('2027-02-23T10:00:00Z'), 14, 'Europe/Amsterdam')).toEqual({
      start: '2027-02-08',
      end: '2027-02-22',
    });
    expect(lastPeriod(new Date('2027-02-21T22:59:00Z'), 14, 'Europe/Amsterdam').end).toBe('2027-02-08');
    expect(lastPeriod(new Date('2027-02-21T23:00:00Z'), 14, 'Europe/Amsterdam').end).toBe('2027-02-22');
  });

  it('queues the period’s digest once, for a community that talked, as a thread in its channel', async () => {
    const { core, kwaliteit } = await world();
    const due = await core.dueDigests();
    expect(due.map((d) => [d.dedupeKey, d.kind, d.channelId])).toEqual([
      [`digest:${kwaliteit.id}:2027-02-08`, 'period', 'C-KWAL'],
    ]);
    expect(due[0]?.from.toISOString()).toBe('2027-02-07T23:00:00.000Z');
    expect(due[0]?.to.toISOString()).toBe('2027-02-21T23:00:00.000Z');

    expect(await core.queueDigests()).toHaveLength(1);
    expect(await core.queueDigests()).toEqual([]);
    expect(await core.dueDigests()).toEqual([]);
    const rows = await digests();
    expect(rows.map((r) => [r.dedupe_key, r.conversation_id, r.platform])).toEqual([
      [`digest:${kwaliteit.id}:2027-02-08`, 'C-KWAL', 'slack'],
    ]);
    expect(rows[0]?.not_before.toISOString()).toBe('2027-02-22T08:00:00.000Z');
    // The outbox holds the period, not the messages' words.
    expect(JSON.stringify(rows[0]?.payload)).not.toContain('leesplan');

    const digest = await core.digestContent(rows[0]?.payload);
    expect(digest.markdown.root).toContain('**Overzicht leergemeenschap: Onderwijskwaliteit**');
    expect(digest.markdown.root).toContain('8 februari 2027 t/m 21 februari 2027 · 2 berichten');
    expect(digest.ambitions.map((a) => a.ambition.id)).toEqual(['a1', 'a2']);
    expect(digest.markdown.replies).toHaveLength(2);
    expect(digest.markdown.replies[0]).toContain(
      '**Ambitie 1: Trend van achterblijvende onderwijsresultaten kenteren**',
    );
    expect(digest.markdown.replies[0]).toContain('schoolbreed leesplan');
  });

  it('queues a digest at a cycle’s close for the communities whose theme it asked about', async () => {
    const { core, clock, coordinator, kwaliteit } = await world();
    const asCoordinator = { memberId: coordinator.id };
    const cycle = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Februari 2027',
      scope: ['a1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-02-01T00:00:00Z'),
      closesAt: new Date('2027-03-15T00:00:00Z'),
    });
    await core.openCycle(asCoordinator, cycle.id);
    await core.submitUpdate((await core.meetMember('slack', 'T1', { externalId: 'UANNA' })).id, {
      cycleId: cycle.id,
      answers: [
        {
          itemId: 'a1',
          status: 'attention',
          progress: 40,
          done: 'Leesplan gestart',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
      ],
    });
    clock.set('2027-02-25T12:00:00Z');
    await core.closeCycle(asCoordinator, cycle.id);
    const keys = (await core.queueDigests()).map((d) => d.dedupeKey);
    expect(keys).toEqual([`digest:${kwaliteit.id}:2027-02-08`, `digest:${kwaliteit.id}:cycle:${cycle.id}`]);
    expect(keys.some((k) => k.includes(ARBEIDSMARKT))).toBe(false);

    const row = (await digests()).find((r) => r.dedupe_key.includes(':cycle:'));
    const digest = await core.digestContent(row?.payload);
    expect(digest.cycle).toEqual({ id: cycle.id, name: 'Februari 2027' });
    expect(digest.markdown.root).toContain('**Afsluiting cyclus Februari 2027: Onderwijskwaliteit**');
    const a1 = digest.ambitions.find((a) => a.ambition.id === 'a1');
    expect(a1?.cycles.map((c) => [c.name, c.counts.attention])).toEqual([['Februari 2027', 1]]);
  });

  it('refuses a payload that is not a digest’s', async () => {
    const { core } = await world();
    await expect(core.digestContent({ communityId: 'x', kind: 'weekly' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(
      core.digestContent({
        communityId: 'nope',
        kind: 'period',
        from: '2027-02-07T23:00:00.000Z',
        to: '2027-02-21T23:00:00.000Z',
        cycleId: null,
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_COMMUNITY' });
  });
});
