import { steeringText } from '../../src/cards/steering-text';
import { CLI } from '../../src/core/access';
import { seedPeople, testCore } from '../support/core';
import { pgliteDatabase, type TestDatabase } from '../support/databases';

/** Issue 18: the coordinators' steering decision per ambition once a cycle has closed. */
describe('steering decisions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteDatabase();
  });
  afterAll(() => t.close());

  async function setup() {
    await t.reset();
    const { core, repos, clock } = await testCore(t.db);
    const people = await seedPeople(core);
    const asCoord = { memberId: people.coordinator.id };
    await core.linkCommunity(asCoord, {
      workspaceId: people.anna.workspaceId,
      channelId: 'C-KWAL',
      theme: 't1',
    });
    const cycle = await core.planCycle(asCoord, {
      agendaId: 'po-raad-2022-2026',
      name: 'Voorjaar 2027',
      scope: ['a1', 'a2.1'],
      audience: { boards: [], members: [] },
      opensAt: new Date('2027-03-01T08:00:00Z'),
      closesAt: new Date('2027-03-21T22:00:00Z'),
    });
    return { core, repos, clock, cycle, asCoord, asAnna: { memberId: people.anna.id }, ...people };
  }

  const steeringRows = async () =>
    (
      await t.db.query<{ kind: string; conversation_id: string }>(
        "SELECT kind, conversation_id FROM outbox WHERE kind = 'steering.decided'",
      )
    ).rows;

  it('waits for the close of the cycle, refuses a member and what the cycle did not ask', async () => {
    const { core, cycle, asCoord, asAnna } = await setup();
    const input = {
      cycleId: cycle.id,
      ambitionId: 'a1',
      decision: 'continue' as const,
      rationale: 'Op koers.',
    };
    await core.openCycle(asCoord, cycle.id);
    await expect(core.decideSteering(asCoord, input)).rejects.toMatchObject({ code: 'CYCLE_NOT_CLOSED' });
    await core.closeCycle(CLI, cycle.id);
    await expect(core.decideSteering(asAnna, input)).rejects.toMatchObject({ code: 'NOT_COORDINATOR' });
    await expect(core.decideSteering(asCoord, { ...input, ambitionId: 'a5' })).rejects.toMatchObject({
      code: 'UNKNOWN_SCOPE_ITEM',
    });
    await expect(core.decideSteering(asCoord, { ...input, rationale: '  ' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    expect(await t.db.query('SELECT 1 FROM steering_decisions')).toMatchObject({ rows: [] });
    expect(await steeringRows()).toEqual([]);
  });

  it('keeps every decision per cycle, the latest current, and posts each to the theme channel once', async () => {
    const { core, clock, cycle, asCoord } = await setup();
    await core.openCycle(asCoord, cycle.id);
    await core.closeCycle(CLI, cycle.id);
    await core.decideSteering(asCoord, {
      cycleId: cycle.id,
      ambitionId: 'a1',
      decision: 'continue',
      rationale: 'Eerst.',
    });
    clock.advance(60_000);
    const adjusted = await core.decideSteering(asCoord, {
      cycleId: cycle.id,
      ambitionId: 'a1',
      decision: 'adjust',
      rationale: 'Drie besturen lopen achter.',
      change: { what: 'Extra leerkring lezen', who: 'Cora', by: 'juni 2027' },
    });
    expect(adjusted.change).toEqual({ what: 'Extra leerkring lezen', who: 'Cora', by: 'juni 2027' });
    const overview = await core.cycleSteering(asCoord, cycle.id);
    expect(overview.map((o) => [o.ambitionId, o.current?.decision ?? null, o.history.length])).toEqual([
      ['a1', 'adjust', 2],
      ['a2', null, 0],
    ]);
    // a1 belongs to theme t1, whose community is C-KWAL: one message per decision
    expect(await steeringRows()).toEqual([
      { kind: 'steering.decided', conversation_id: 'C-KWAL' },
      { kind: 'steering.decided', conversation_id: 'C-KWAL' },
    ]);
    expect(await steeringText(core, adjusted, 'nl')).toBe(
      [
        '*Besluit na Voorjaar 2027* over ambitie 1, Trend van achterblijvende onderwijsresultaten kenteren: *Bijsturen*.',
        'Waarom: Drie besturen lopen achter.',
        'Wat verandert: Extra leerkring lezen. Wie: Cora. Wanneer: juni 2027.',
      ].join('\n'),
    );
    expect(await steeringText(core, adjusted, 'en')).toContain('on ambition 1');
    const year = {
      agendaId: 'po-raad-2022-2026',
      year: 2027,
      from: new Date('2027-01-01'),
      to: new Date('2028-01-01'),
    };
    const md = await core.renderReport(year, 'md');
    expect(md).toContain('## Besluiten over bijsturing');
    expect(md).toContain(
      '- **Ambitie 1: Trend van achterblijvende onderwijsresultaten kenteren (Voorjaar 2027)**: Bijsturen. Drie besturen lopen achter. Wat verandert: Extra leerkring lezen; wie: Cora; wanneer: juni 2027. vervangt 1 eerder besluit(en).',
    );
    expect(await core.renderReport(year, 'html')).toContain('<h2>Besluiten over bijsturing</h2>');
    const csv = (await core.renderReport(year, 'csv')).split('\r\n');
    expect(csv.find((row) => row.includes(',a1,'))?.endsWith(',adjust')).toBe(true);
    expect(await core.renderReport(year, 'md', { locale: 'en' })).toContain('## Steering decisions');
    await expect(core.cycleSteering({ memberId: 'nobody' }, cycle.id)).rejects.toMatchObject({
      code: 'UNKNOWN_MEMBER',
    });
  });
});
