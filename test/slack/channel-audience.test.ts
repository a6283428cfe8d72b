import { type SlackRig, startSlackRig } from './harness';

describe('Slack: a cycle for the people of a channel', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig();
  });
  afterAll(() => rig.close());

  it('asks the people of the channel (every page of conversations.members), not the bot', async () => {
    rig.fake.members('C-KWAL', ['UANNA', 'UBOT', 'UBRAM', 'UCOORD']);
    await rig.command('cyclus plan Najaar 2027 2027-10-01 2027-10-21 kanaal', { user_id: 'UCOORD' });
    await rig.until(() => rig.fake.responses.length > 0);
    // Nobody of the channel chose a board yet: the answer says so at once.
    expect(rig.fake.responses.at(-1)?.body.text).toBe(
      [
        'Cyclus *Najaar 2027* gepland voor de 3 mensen van dit kanaal: opent 2027-10-01, sluit 2027-10-21. Hij start vanzelf.',
        '0 van de 3 gevraagden zijn te bereiken; 3 nog niet:',
        '• UBRAM: heeft nog geen bestuur gekozen',
        '• UANNA: heeft nog geen bestuur gekozen',
        '• Gebruiker UCOORD: heeft nog geen bestuur gekozen',
      ].join('\n'),
    );
    expect(rig.fake.callsOf('conversations.members').map((c) => c.cursor ?? '')).toEqual(['', '2']);
    const [cycle] = await rig.core.listCycles();
    const asked = await rig.t.db.query<{ external_id: string }>(
      `SELECT external_id FROM members WHERE id = ANY($1::text[]) ORDER BY external_id`,
      [cycle?.audience.members ?? []],
    );
    expect(asked.rows.map((r) => r.external_id)).toEqual(['UANNA', 'UBRAM', 'UCOORD']);
  });

  it('says where to type it when asked in a direct message, and plans nothing', async () => {
    const before = rig.fake.responses.length;
    const cycles = (await rig.core.listCycles()).length;
    await rig.command('cyclus plan Winter 2028 2028-01-10 2028-01-31 kanaal', {
      user_id: 'UCOORD',
      channel_id: 'D-COORD',
    });
    await rig.until(() => rig.fake.responses.length > before);
    expect(rig.fake.responses.at(-1)?.body.text).toBe(
      'Typ `cyclus plan … kanaal` in het kanaal waarvan de mensen de check-in krijgen.',
    );
    expect(await rig.core.listCycles()).toHaveLength(cycles);
  });
});
