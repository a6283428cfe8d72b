import { type Journey, startJourney } from './support/rig';
import type { SlackView } from './support/slack-door';

const trace = (s: string) => process.env.JOURNEY_TRACE && process.stderr.write(`step: ${s}\n`);

/** Slack's ts of a moment: seconds since the epoch with a sequence after the point. */
const tsAt = (at: Date, seq: number) => `${Math.floor(at.getTime() / 1000)}.${String(seq).padStart(6, '0')}`;

/**
 * A member of a learning community on Slack: joins, shares a practice, talks in the channel, links a
 * message to an ambition; the channel's digest and `samenvatting` show what was shared.
 */
describe('journey: a learning-community member', () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney({ coordinators: ['slack:UCORA'], at: '2027-03-01T09:30:00Z' });
    j.slackApi.user('UEVA', 'Eva Smit', 'Europe/Amsterdam');
    j.slackApi.user('UCORA', 'Cora Coördinator', 'Europe/Amsterdam');
  }, 60_000);
  afterAll(() => j.stop());

  it('shares, talks and links, and finds it back in the digest and the summary', async () => {
    trace('link channel');
    await j.slack.command('UCORA', 'gemeenschap koppel onderwijskwaliteit', 'CKWAL');

    trace('join');
    await j.slack.event({ type: 'member_joined_channel', user: 'UEVA', channel: 'CKWAL', channel_type: 'C' });
    expect(j.slack.calls<{ user: string }>('chat.postEphemeral').map((c) => c.user)).toContain('UEVA');
    const joined = await j.slack.command('UEVA', 'lid', 'CKWAL');
    expect(joined.map((r) => r.text).join('\n')).toContain('Je bent lid van de leergemeenschap');

    trace('practice');
    await j.slack.command('UEVA', 'praktijk', 'CKWAL');
    const form = await j.slack.lastModal();
    expect(form.callback_id).toBe('practice.submit');
    const ambitions = form.blocks.find((b) => b.block_id === 'ambitions')?.element;
    const a2 = ambitions?.options?.find((o) => o.value === 'a2');
    const typed = (value: string | null) => ({ type: 'plain_text_input', value });
    const shared = await j.slack.submit('UEVA', form as SlackView, {
      title: typed('Kwaliteitskalender'),
      description: typed('Elk kwartaal bespreken we de opbrengsten met alle scholen.'),
      ambitions: { type: ambitions?.type, selected_options: a2 ? [a2] : [] },
      instruments: typed(null),
      contact: typed('eva@voorbeeld.nl'),
    });
    expect(shared).toEqual({});
    await j.tick();
    expect(JSON.stringify(j.slack.posted('CKWAL'))).toContain('Kwaliteitskalender');

    trace('talk');
    const ts = tsAt(j.clock.now(), 100);
    const text = 'Wij werken met interne audits op elke school; dat helpt de kwaliteitszorg enorm.';
    await j.slack.say('UEVA', 'CKWAL', text, ts);

    trace('link');
    await j.slack.shortcut('UEVA', 'link_to_ambition', { channel: 'CKWAL', ts, text, user: 'UEVA' });
    const linkModal = await j.slack.lastModal();
    const select = linkModal.blocks.find((b) => b.block_id === 'ambitions')?.element;
    const linked = await j.slack.submit('UEVA', linkModal, {
      ambitions: {
        type: select?.type,
        selected_options: (select?.options ?? []).filter((o) => o.value === 'a2'),
      },
    });
    expect(linked).toEqual({});

    trace('summary');
    const [summary] = await j.slack.command('UEVA', 'samenvatting a2', 'CKWAL');
    const shown = JSON.stringify(summary);
    expect(shown).toContain('Kwaliteitskalender');
    expect(shown).toContain('interne audits');

    trace('dashboard correction');
    // The coordinator finds the message under the key points of a2 and says it is about a1 instead.
    const { cookie } = await j.signInToDashboard('UCORA');
    const a2Page = await j.get('/dashboard/ambitions/po-raad-2022-2026/a2', cookie);
    expect(a2Page.text).toContain('interne audits');
    expect(a2Page.text).toContain('Koppeling corrigeren');
    const action = a2Page.text.match(/action="(\/dashboard\/messages\/[^"]+\/ambitions)"/)?.[1] ?? '';
    const csrf = a2Page.text.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';
    const correct = (fields: Record<string, string>) =>
      fetch(`${j.baseUrl}${action}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const forged = await correct({ agenda: 'po-raad-2022-2026', back: 'a2', ambitions: 'a1' });
    expect(forged.status).toBe(403);
    const saved = await correct({ csrf, agenda: 'po-raad-2022-2026', back: 'a2', ambitions: 'a1' });
    expect(saved.status).toBe(303);
    const after = await j.get(saved.headers.get('location') ?? '', cookie);
    expect(after.text).toContain('De koppeling van het bericht is aangepast');
    expect(after.text).not.toContain('interne audits');
    expect((await j.get('/dashboard/ambitions/po-raad-2022-2026/a1', cookie)).text).toContain(
      'interne audits',
    );
    // Put back, for the digest below: a2 again.
    await correct({ csrf, agenda: 'po-raad-2022-2026', back: 'a2', ambitions: 'a2' });

    trace('digest');
    for (const day of ['2027-03-15', '2027-03-16', '2027-03-17']) await j.at(`${day}T09:05:00Z`);
    // The digest: a post in the channel, per ambition a reply in its thread with the message and the practice.
    const posts = j.slack.calls<{ channel: string; text: string; thread_ts?: string }>('chat.postMessage');
    const root = posts.find((p) => p.channel === 'CKWAL' && p.text.startsWith('*Overzicht leergemeenschap'));
    expect(root?.text).toContain('1 berichten');
    const reply = posts.find((p) => p.thread_ts && p.text.includes('Kwaliteitszorg op orde'));
    expect(reply?.text).toContain('interne audits');
    expect(reply?.text).toContain('Kwaliteitskalender');
    expect(j.errors).toEqual([]);
  }, 120_000);

  it('brings a channel’s recent messages along when it becomes a community', async () => {
    trace('history before the link');
    const day = new Date('2027-03-18T08:00:00Z');
    j.slackApi.said(
      'CARB',
      'UEVA',
      'Wij zetten zij-instromers in via de deeltijdpabo; dat helpt ons tegen het lerarentekort. #A7',
      tsAt(day, 1),
    );
    j.slackApi.said('CARB', 'UCORA', 'Goed idee, dank je!', tsAt(day, 2));
    await j.at('2027-03-18T09:00:00Z');

    trace('link channel');
    const [reply] = await j.slack.command('UCORA', 'gemeenschap koppel onderwijsarbeidsmarkt', 'CARB');
    expect(reply?.text).toContain('2 eerdere berichten uit dit kanaal zijn meegenomen');
    // Linking again reads the same messages: nothing new.
    const [again] = await j.slack.command('UCORA', 'gemeenschap koppel onderwijsarbeidsmarkt', 'CARB');
    expect(again?.text).not.toContain('eerdere berichten');

    trace('summary');
    const [summary] = await j.slack.command('UEVA', 'samenvatting a7', 'CARB');
    expect(JSON.stringify(summary)).toContain('deeltijdpabo');
    expect(j.errors).toEqual([]);
  }, 120_000);
});
