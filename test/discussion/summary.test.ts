import { summaryMarkdown } from '../../src/core/discussion/markdown';
import type { UpdateAnswer } from '../../src/core/model';
import { LABELLED_MESSAGES } from '../fixtures/discussion-messages';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { discussionWorld, PO } from './world';

const answer = (itemId: string, over: Partial<UpdateAnswer>): UpdateAnswer => ({
  itemId,
  status: 'on_track',
  progress: 50,
  done: '',
  steeringNeeded: false,
  steeringExplanation: '',
  link: null,
  ...over,
});

const DUPLICATE =
  'Wij gebruiken een vragenlijst over welbevinden en persoonsvorming in groep 6 tot 8 van al onze scholen.';

describe('the summary of an ambition', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  /** Discussion about a3 (brede opdracht) in February and March 2027, two review cycles, a practice. */
  async function world() {
    await t.reset();
    const w = await discussionWorld(t.db, '2027-01-10T09:00:00Z');
    const { core, clock, coordinator, anna, bram, carla, post } = w;
    const asCoordinator = { memberId: coordinator.id };

    const first = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Voorjaar 2027 (1)',
      scope: ['a3', 'a3.1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-01-04T00:00:00Z'),
      closesAt: new Date('2027-01-29T23:00:00Z'),
    });
    await core.openCycle(asCoordinator, first.id);
    await core.submitUpdate(anna.id, {
      cycleId: first.id,
      answers: [
        answer('a3', {
          status: 'behind',
          progress: 20,
          steeringNeeded: true,
          steeringExplanation: 'Oude zorg van januari',
        }),
      ],
    });
    await core.submitUpdate(carla.id, {
      cycleId: first.id,
      answers: [answer('a3', { status: 'attention', progress: 40 })],
    });
    await core.closeCycle(asCoordinator, first.id);

    clock.set('2027-03-02T09:00:00Z');
    const second = await core.planCycle(asCoordinator, {
      agendaId: PO,
      name: 'Voorjaar 2027 (2)',
      scope: ['a3', 'a3.1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T00:00:00Z'),
      closesAt: new Date('2027-03-26T23:00:00Z'),
    });
    await core.openCycle(asCoordinator, second.id);
    await core.submitUpdate(anna.id, {
      cycleId: second.id,
      answers: [
        answer('a3', { status: 'on_track', progress: 60 }),
        answer('a3.1', {
          status: 'attention',
          progress: 50,
          steeringNeeded: true,
          steeringExplanation: 'We missen zicht op wat persoonsvorming bevordert.',
        }),
      ],
    });
    await core.submitUpdate(carla.id, { cycleId: second.id, answers: [answer('a3', { progress: 70 })] });

    const a3 = LABELLED_MESSAGES.filter((m) => m.ambition === 'a3').map((m) => `${m.text}\n#A3`);
    const posted = [];
    clock.set('2027-02-03T10:00:00Z');
    for (const [i, text] of a3.entries()) {
      clock.advance(86_400_000);
      posted.push(await post(text, { authorMemberId: [anna.id, bram.id, carla.id][i % 3] as string }));
    }
    clock.advance(86_400_000);
    const duplicates = [
      await post(`${DUPLICATE} #A3`, { authorMemberId: anna.id }),
      await post(`Ook bij ons: ${DUPLICATE.toLowerCase()} #A3`, { authorMemberId: carla.id }),
    ];
    const answered = await post('Heeft iemand een goede vragenlijst voor burgerschap in groep 8? #A3', {
      authorMemberId: carla.id,
    });
    clock.advance(3_600_000);
    await post('Ja, wij gebruiken de lijst van de burgerschapsmonitor.', {
      authorMemberId: bram.id,
      threadExternalId: answered.externalId,
    });
    const open = await post('Wie meet al hoe leerlingen zich als persoon ontwikkelen in de bovenbouw? #A3', {
      authorMemberId: anna.id,
    });
    await post('Dit gaat over iets anders #A1', { authorMemberId: anna.id });
    await core.sharePractice(bram.id, {
      workspaceId: 'slack:T1',
      channelId: 'C-KWAL',
      title: 'Portfolio voor persoonsvorming',
      description: 'Kinderen laten hun sociale en persoonlijke ontwikkeling zien in een portfolio.',
      ambitionIds: ['a3'],
      instruments: 'Portfolio-format en kijkwijzer',
      contact: 'bram@stichting.nl',
    });
    clock.set('2027-03-20T12:00:00Z');
    return { ...w, posted, duplicates, answered, open, first, second };
  }

  const request = { agendaId: PO, ambition: 'a3', from: new Date('2027-02-01T00:00:00Z') };

  it('gives key points that each trace to the message they were taken from', async () => {
    const { core, coordinator, duplicates } = await world();
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'private' });
    expect(s.keyPointsBy).toBe('extractive');
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(s.keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of s.keyPoints) {
      const origin = await t.db.query<{ text: string }>(
        'SELECT text FROM discussion_messages WHERE id = $1',
        [point.sources[0]?.messageId],
      );
      expect(origin.rows[0]?.text).toContain(point.text);
      expect(point.sources[0]).toMatchObject({ channelId: 'C-KWAL', platform: 'slack' });
    }
    // Near-duplicate sentences make one point that names each message (a fixture says it too).
    const dup = s.keyPoints.filter((p) => p.text.includes('vragenlijst over welbevinden'));
    expect(dup).toHaveLength(1);
    const sources = dup[0]?.sources.map((r) => r.messageId) ?? [];
    expect(sources).toHaveLength(3);
    expect(sources).toEqual(expect.arrayContaining(duplicates.map((m) => m.id)));
    expect(s.messages.total).toBe(LABELLED_MESSAGES.filter((m) => m.ambition === 'a3').length + 5);
    expect(s.messages.bySource).toMatchObject({ tag: s.messages.total - 1, thread: 1, auto: 0 });
  });

  it('lists open questions, not those someone answered', async () => {
    const { core, coordinator, open } = await world();
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'private' });
    const questions = s.openQuestions.map((q) => q.text);
    expect(questions[0]).toBe('Wie meet al hoe leerlingen zich als persoon ontwikkelen in de bovenbouw?');
    expect(s.openQuestions[0]?.source.messageId).toBe(open.id);
    expect(questions.some((q) => q.includes('vragenlijst voor burgerschap'))).toBe(false);
  });

  it('finds an open question behind many newer answered ones, and lists the open ones newest first', async () => {
    const { core, clock, coordinator, anna, bram, post, open } = await world();
    clock.set('2027-03-05T09:00:00Z');
    const older = await post('Welke toets gebruiken jullie voor sociale vaardigheden in groep 5? #A3', {
      authorMemberId: anna.id,
    });
    // Thirty newer questions, each answered in its thread: more than one round of looking for answers.
    const topics = ['rekenen', 'lezen', 'burgerschap', 'welbevinden', 'talentontwikkeling', 'cultuur'];
    for (let i = 0; i < 30; i++) {
      clock.advance(3_600_000);
      const q = await post(
        `Wie heeft ervaring met een leerlijn ${topics[i % 6]} voor cluster ${i} in de onderbouw? #A3`,
        { authorMemberId: anna.id },
      );
      clock.advance(60_000);
      await post('Ja, dat doen wij al een jaar.', {
        authorMemberId: bram.id,
        threadExternalId: q.externalId,
      });
    }
    clock.set('2027-03-20T12:00:00Z');
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'private' });
    const shown = s.openQuestions.map((q) => q.source);
    // The newest open question is the one behind the thirty answered; every one shown is open.
    expect(shown[0]?.messageId).toBe(older.id);
    expect(shown.map((q) => q.messageId)).toContain(open.id);
    expect(s.openQuestions.map((q) => q.text).join()).not.toContain('leerlijn');
    const times = shown.map((q) => q.postedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(shown).toHaveLength(5);
  });

  it('shows practices, participation by board, status per cycle with the trend, and steering signals', async () => {
    const { core, coordinator, boardA, boardB } = await world();
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'private' });
    expect(s.practices.map((p) => [p.title, p.boardName])).toEqual([
      ['Portfolio voor persoonsvorming', boardA.name],
    ]);
    expect(s.participation.namesShown).toBe(true);
    expect(s.participation.boards.map((b) => [b.boardName, b.members, b.names])).toEqual([
      [boardA.name, 2, ['Anna de Vries', 'Bram Jansen']],
      [boardB.name, 1, ['Carla Bakker']],
    ]);
    expect(s.participation.messages).toBe(s.messages.total);
    expect(s.cycles.map((c) => [c.name, c.boards, c.counts, c.averageProgress])).toEqual([
      ['Voorjaar 2027 (1)', 2, { on_track: 0, attention: 1, behind: 1, not_started: 0 }, 30],
      ['Voorjaar 2027 (2)', 2, { on_track: 2, attention: 1, behind: 0, not_started: 0 }, 60],
    ]);
    expect(s.trend).toBe('improving');
    // Steering from the cycles of the period only: January's concern is history.
    expect(s.steering).toEqual([
      {
        cycleId: s.cycles[1]?.cycleId,
        cycleName: 'Voorjaar 2027 (2)',
        itemId: 'a3.1',
        itemTitle: expect.stringContaining('socialisatie en persoonsvorming'),
        status: 'attention',
        explanation: 'We missen zicht op wat persoonsvorming bevordert.',
        boardName: boardA.name,
      },
    ]);
    expect(boardB.name).not.toBe(boardA.name);
  });

  it('names people only to a coordinator of the association, and only privately', async () => {
    const { core, coordinator, anna } = await world();
    const inChannel = await core.summarise(
      { memberId: coordinator.id },
      { ...request, visibility: 'channel' },
    );
    const toMember = await core.summarise({ memberId: anna.id }, { ...request, visibility: 'private' });
    const vo = await core.meetMember('teams', 'tenant-vo', { externalId: 'UVO', name: 'Victor VO' });
    await core.deps.store.repos.members.setRoles(vo.id, ['member', 'coordinator']);
    await core.linkCommunity(
      { memberId: vo.id },
      { workspaceId: vo.workspaceId, channelId: 'VO-1', theme: 'l1', agendaId: 'vo-raad-2020-2025' },
    );
    const otherAssociation = await core.summarise({ memberId: vo.id }, { ...request, visibility: 'private' });
    for (const s of [inChannel, toMember, otherAssociation]) {
      expect(s.participation.namesShown).toBe(false);
      expect(s.participation.boards.every((b) => b.names === undefined)).toBe(true);
      expect(s.steering.every((x) => x.boardName === null)).toBe(true);
      expect(JSON.stringify(s)).not.toContain('Anna de Vries');
    }
  });

  it('renders as Markdown with the key points, the trend and no names in a channel', async () => {
    const { core, coordinator } = await world();
    const s = await core.summarise({ memberId: coordinator.id }, { ...request, visibility: 'channel' });
    const text = summaryMarkdown(s);
    expect(text).toContain(
      '# Samenvatting ambitie 3: Visie op de brede opdracht van het onderwijs versterken',
    );
    expect(text).toContain('1 februari 2027 t/m 20 maart 2027');
    expect(text).toContain('## Kernpunten');
    for (const p of s.keyPoints) expect(text).toContain(p.text.slice(0, 40));
    expect(text).toContain('Trend: **vooruit**');
    expect(text).toContain('Portfolio voor persoonsvorming');
    expect(text).not.toContain('Anna');
  });

  it('finds the ambition by tag without an agenda when the viewer’s workspace works on one agenda', async () => {
    const { core, anna } = await world();
    const s = await core.summarise(
      { memberId: anna.id },
      { ambition: '#bredeopdracht', visibility: 'channel' },
    );
    expect(s.ambition.id).toBe('a3');
    expect(s.period.to.toISOString()).toBe('2027-03-20T12:00:00.000Z');
    await expect(
      core.summarise({ memberId: anna.id }, { ambition: 'a77', visibility: 'channel' }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_AMBITION',
    });
  });
});
