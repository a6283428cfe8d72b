import { coverageText } from '../../src/adapters/chat/coverage-text';
import { slackText } from '../../src/adapters/slack/reply';
import { teamsMarkdown } from '../../src/adapters/teams/render';
import { renderCard, toSlackMessage } from '../../src/cards/index';
import { sampleData } from '../../src/cards/samples';
import type { Member } from '../../src/core/model';
import { type SlackRig, sign, startCommunityRig } from '../slack/harness';

/**
 * Findings 3, 5, 6 and 7 of issue 11, each with the request that got through before, sent signed to the
 * real Bolt receiver.
 */

let rig: SlackRig;
beforeAll(async () => {
  rig = await startCommunityRig();
});
afterAll(async () => {
  await rig.close();
});

const count = async (table: string, where = 'true') =>
  Number(
    (await rig.t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE ${where}`)).rows[0]
      ?.n,
  );

const form = (payload: string) => new URLSearchParams({ payload }).toString();

describe('finding 5: signed but malformed payloads', () => {
  it('answers payload=null with 400, not 500', async () => {
    const res = await rig.post(form('null'));
    expect(res.status).toBe(400);
  });

  it('answers block_actions without a user with 400, not 500', async () => {
    const res = await rig.interact({
      type: 'block_actions',
      team: { id: 'T1' },
      trigger_id: '1.2.3',
      actions: [{ action_id: 'checkin.open', value: '{}' }],
    });
    expect(res.status).toBe(400);
  });

  it('answers a payload no listener acts on at once with an empty 200, not silence and a 404', async () => {
    const res = await rig.interact({
      type: 'block_actions',
      user: { id: 'UANNA', team_id: 'T1' },
      team: { id: 'T1' },
      trigger_id: '1.2.3',
      actions: [{ action_id: 'nobody.listens', value: 'x' }],
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.ms).toBeLessThan(2500);
  });

  it('refuses a signed request with a timestamp a day in the future (401)', async () => {
    const members = await count('members');
    const res = await rig.post(
      new URLSearchParams({
        command: '/samenspraak',
        text: 'help',
        team_id: 'T1',
        user_id: 'UEVE',
      }).toString(),
      { timestamp: Math.floor(Date.now() / 1000) + 86_400 },
    );
    expect(res.status).toBe(401);
    await rig.settled();
    expect(await count('members')).toBe(members);
  });

  it('refuses a command without a team (400): no workspace with an empty id', async () => {
    const res = await rig.command('help', { team_id: '' });
    expect(res.status).toBe(400);
    await rig.settled();
    expect(await count('workspaces', "external_id = ''")).toBe(0);
  });

  it('stores nothing for a team the bot token does not serve (no new workspace, no coordinator re-granted)', async () => {
    const workspaces = await count('workspaces');
    const res = await rig.command('help', { team_id: 'T9OTHER', user_id: 'UCOORD' });
    expect(res.status).toBe(200);
    await rig.settled();
    expect(await count('workspaces')).toBe(workspaces);
    expect(await count('workspaces', "external_id = 'T9OTHER'")).toBe(0);
    expect(rig.fake.responses).toEqual([]);
  });

  it('refuses a link shortcut whose ts is not a Slack timestamp (was stored as 1970)', async () => {
    const res = await rig.interact({
      type: 'message_action',
      callback_id: 'link_to_ambition',
      trigger_id: '1.2.3',
      user: { id: 'UANNA', team_id: 'T1' },
      team: { id: 'T1' },
      channel: { id: 'C-KWAL', name: 'onderwijskwaliteit' },
      message: { ts: 'not-a-ts', text: 'Leesplan', user: 'UANNA' },
    });
    expect(res.status).toBe(400);
    expect(rig.fake.callsOf('views.open')).toHaveLength(0);
  });

  it('refuses ids that are not Slack ids (400)', async () => {
    expect((await rig.command('help', { user_id: 'anna; DROP TABLE' })).status).toBe(400);
    expect((await rig.command('help', { channel_id: '' })).status).toBe(400);
  });

  it('strips NUL and other control characters before storage', async () => {
    const res = await rig.event({
      type: 'message',
      channel: 'C-KWAL',
      user: 'UANNA',
      text: 'Leesplan\u0000 met\u001b[31m kleur',
      ts: '1700000700.000700',
    });
    expect(res.status).toBe(200);
    await rig.until(
      async () => (await count('discussion_messages', "external_id = '1700000700.000700'")) === 1,
    );
    const row = await rig.t.db.query<{ text: string }>(
      "SELECT text FROM discussion_messages WHERE external_id = '1700000700.000700'",
    );
    expect(row.rows[0]?.text).toBe('Leesplan met[31m kleur');
  });
});

describe('finding 7: an event whose handler failed is acted on when Slack retries it', () => {
  it('releases the claim of a failed event, and keeps the claim of one that succeeded', async () => {
    const repos = rig.core.deps.store.repos;
    const record = rig.core.recordMessage.bind(rig.core);
    let fail = true;
    rig.core.recordMessage = async (input) => {
      if (fail) throw new Error('database went away');
      return record(input);
    };
    const quiet = jest.spyOn(rig.core.deps.logger, 'error').mockImplementation(() => {});
    try {
      const event = {
        type: 'message',
        channel: 'C-KWAL',
        user: 'UBRAM',
        text: 'Eerste poging',
        ts: '1700000800.000800',
      };
      await rig.event(event, { eventId: 'EvRETRY1' });
      await rig.settled();
      expect(await count('discussion_messages', "external_id = '1700000800.000800'")).toBe(0);
      fail = false;
      await rig.event(event, { eventId: 'EvRETRY1', retryNum: 1 });
      await rig.until(
        async () => (await count('discussion_messages', "external_id = '1700000800.000800'")) === 1,
      );
      expect(await repos.inboundEvents.claim('slack', 'EvRETRY1', new Date())).toBe(false);
    } finally {
      rig.core.recordMessage = record;
      quiet.mockRestore();
    }
  });
});

describe('finding 3: Slack text injection', () => {
  it('shows a practice description as typed: no @channel mention, no disguised mailto link', () => {
    const data = {
      ...sampleData('practice-view'),
      description: '[iedereen](!channel) en [mail](mailto:penningmeester@example.nl)',
      title: '<!here> *Leesplan*',
    };
    const message = toSlackMessage(renderCard('practice-view', data, 'nl'));
    const text = JSON.stringify(message.blocks);
    // Before: "<!channel|iedereen> en <mailto:penningmeester@example.nl|mail>".
    expect(text).not.toContain('<!channel');
    expect(text).not.toContain('<mailto:');
    expect(text).toContain('[iedereen](!channel) en [mail](mailto:penningmeester@example.nl)');
    // The title is a header: plain text, where Slack reads no mentions at all.
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '<!here> *Leesplan*', emoji: true },
    });
  });
});

describe('finding 3: names are words of members too', () => {
  const link = '[Klik hier](https://evil.example/login)';

  it('shows a cycle and a board named as a link or a mention as typed on a Slack check-in', () => {
    const base = sampleData('checkin');
    const data = { ...base, cycle: { ...base.cycle, name: link }, boardName: '<!channel> Stichting' };
    const text = JSON.stringify(toSlackMessage(renderCard('checkin', data, 'nl')).blocks);
    // Before: "<https://evil.example/login|Klik hier>" and an @channel mention.
    expect(text).not.toContain('<https://evil.example');
    expect(text).not.toContain('<!channel');
    expect(text).toContain('[Klik hier](https://evil.example/login)');
    expect(text).toContain('&lt;!channel&gt; Stichting');
  });

  it('escapes the same names in the Teams card, where Markdown would make them a link', () => {
    const base = sampleData('checkin');
    const data = { ...base, cycle: { ...base.cycle, name: link } };
    const card = JSON.stringify(renderCard('checkin', data, 'nl').json);
    expect(card).not.toContain('[Klik hier](https://evil.example/login)');
    expect(card).toContain(JSON.stringify('\\[Klik hier\\]\\(https://evil.example/login\\)').slice(1, -1));
  });

  it('shows key points, practices and board names of the summary and status cards as typed', () => {
    const summary = { ...sampleData('summary'), keyPoints: [`Zie ${link}`] };
    summary.practices = [{ title: link, boardName: '<!here>' }];
    const status = sampleData('cycle-status');
    status.byGroup = [{ name: link, answered: 1, asked: 2 }];
    for (const text of [
      JSON.stringify(toSlackMessage(renderCard('summary', summary, 'nl')).blocks),
      JSON.stringify(toSlackMessage(renderCard('cycle-status', status, 'nl')).blocks),
    ]) {
      expect(text).not.toContain('<https://evil.example');
      expect(text).not.toContain('<!here');
      expect(text).toContain('[Klik hier](https://evil.example/login)');
    }
  });

  it('keeps a name that looks like a link from becoming one in a Teams chat text, without stray backslashes', () => {
    const member = { id: 'm1', name: `${link} #bestuur`, externalId: 'U1' } as Member;
    const chat = coverageText(
      { audience: 2, reachable: 1, gaps: [{ member, reason: 'no_board' }], emptyBoards: [] },
      'nl',
    );
    const text = teamsMarkdown(chat);
    expect(text).not.toContain('[Klik hier](https://evil.example/login)');
    expect(text).toContain('\\[Klik hier\\]\\(https://evil.example/login\\) #bestuur');
  });

  it('shows a member named as a mention as typed in a chat text on Slack', () => {
    const member = { id: 'm1', name: '<!channel> [x](https://evil.example)', externalId: 'U1' } as Member;
    const chat = coverageText(
      { audience: 2, reachable: 1, gaps: [{ member, reason: 'no_board' }], emptyBoards: [] },
      'nl',
    );
    const { text } = slackText(chat);
    // Before: the name went into the mrkdwn as it was, "<!channel>" pinging the whole channel.
    expect(text).not.toContain('<!channel');
    expect(text).toContain('&lt;!channel&gt; [x](https://evil.example)');
  });
});

describe('finding 6: a resent or double-clicked view submission acts once', () => {
  it('creates one practice from the same view_submission sent three times', async () => {
    await rig.command('praktijk');
    await rig.until(() => rig.fake.callsOf('views.open').length > 0);
    const opened = rig.fake.callsOf('views.open').at(-1) as {
      view: { callback_id: string; private_metadata: string };
    };
    const values = {
      title: { title: { type: 'plain_text_input', value: 'Leesplan met de bibliotheek' } },
      description: { description: { type: 'plain_text_input', value: 'Elke week een uur vrij lezen.' } },
      ambitions: { ambitions: { type: 'multi_static_select', selected_options: [{ value: 'a1' }] } },
      instruments: { instruments: { type: 'plain_text_input', value: '' } },
      contact: { contact: { type: 'plain_text_input', value: 'anna@example.nl' } },
    };
    const submission = {
      type: 'view_submission',
      team: { id: 'T1', domain: 'vereniging' },
      user: { id: 'UANNA', team_id: 'T1' },
      trigger_id: '13345224609.738474920.8088930838d88f008e2',
      view: {
        id: 'VPRACTICE1',
        team_id: 'T1',
        type: 'modal',
        callback_id: opened.view.callback_id,
        private_metadata: opened.view.private_metadata,
        hash: '156772938.1827399',
        state: { values },
      },
    };
    const before = await count('practices');
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await rig.interact(submission));
    await rig.settled();
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await count('practices')).toBe(before + 1);
  });
});

describe('the signature still guards the door', () => {
  it('answers an unsigned or wrongly signed request 401, even when its body is garbage', async () => {
    const body = form('null');
    const ts = Math.floor(Date.now() / 1000);
    expect(
      (await rig.post(body, { signature: sign(body, ts, 'another-secret'), timestamp: ts })).status,
    ).toBe(401);
  });
});
