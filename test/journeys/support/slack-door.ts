import type { FakeSlack } from '../../slack/fake-slack';
import { sign } from '../../slack/harness';

export type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  element?: { type: string; action_id: string; options?: { value: string; text: { text: string } }[] };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
};
export type SlackMessage = {
  channel: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
  ts?: string;
};
export type SlackView = {
  callback_id?: string;
  private_metadata?: string;
  blocks: Block[];
  title?: { text: string };
};

/** Every text a message or view shows: section text and fields, context, button labels. */
export function textsOf(blocks: Block[] = []): string[] {
  return blocks.flatMap((b) => [
    b.text?.text ?? '',
    ...(b.fields ?? []).map((f) => f.text),
    ...(b.elements ?? []).map((e) => e.text?.text ?? (e as { text?: string }).text ?? ''),
  ]);
}

export function buttonOf(blocks: Block[] = [], actionId: string) {
  const button = blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === 'button' && e.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId} in ${JSON.stringify(blocks).slice(0, 400)}`);
  return button;
}

let triggers = 0;

/**
 * One person's hands on Slack: what the Slack client sends to the app's /slack/events (signed with the
 * signing secret, as Slack does), and what they then see (the fake Web API's record).
 */
export class SlackDoor {
  private eventSeq = 0;

  constructor(
    private readonly endpoint: string,
    readonly api: FakeSlack,
    readonly team: string,
  ) {}

  async post(body: string, contentType = 'application/x-www-form-urlencoded') {
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(body, timestamp),
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** Waits until every Web API call the app makes after its ack has come in (nothing new for a while). */
  async settled(quietMs = 300, maxMs = 10_000): Promise<void> {
    const start = Date.now();
    let seen = -1;
    while (Date.now() - start < maxMs) {
      const now = this.api.calls.length + this.api.responses.length;
      if (now === seen) return;
      seen = now;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  /** `/samenspraak text` typed by user in channel; returns what the app answered through the response URL. */
  async command(user: string, text: string, channel = `D${user.slice(1)}`) {
    const before = this.api.responses.length;
    const res = await this.post(
      new URLSearchParams({
        token: 'deprecated',
        team_id: this.team,
        team_domain: 'vereniging',
        channel_id: channel,
        channel_name: channel.startsWith('D') ? 'directmessage' : 'kanaal',
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/samenspraak',
        text,
        api_app_id: 'A1',
        response_url: this.api.responseUrl(`${user}-${before}`),
        trigger_id: `trigger-${++triggers}`,
      }).toString(),
    );
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    await this.settled();
    return this.api.responses.slice(before).map((r) => r.body as unknown as SlackMessage);
  }

  async event(event: Record<string, unknown>) {
    const res = await this.post(
      JSON.stringify({
        token: 'deprecated',
        team_id: this.team,
        api_app_id: 'A1',
        event,
        type: 'event_callback',
        event_id: `EvJ${++this.eventSeq}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: this.team, user_id: 'UBOT', is_bot: true }],
      }),
      'application/json',
    );
    if (res.status !== 200) throw new Error(`event answered ${res.status}`);
    await this.settled();
  }

  openHome(user: string) {
    return this.event({
      type: 'app_home_opened',
      user,
      channel: `D${user.slice(1)}`,
      tab: 'home',
      event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    });
  }

  /** A message typed in a channel. */
  say(user: string, channel: string, text: string, ts: string) {
    return this.event({ type: 'message', channel, user, text, ts, event_ts: ts, channel_type: 'channel' });
  }

  /** A click on a button: in a message (channel and ts) or on the App Home (null). */
  async press(
    user: string,
    where: { channel: string; ts: string } | null,
    button: { action_id?: string; value?: string },
  ) {
    const payload = {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), team_id: this.team },
      api_app_id: 'A1',
      token: 'deprecated',
      container: where
        ? { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false }
        : { type: 'view', view_id: 'VHOME' },
      trigger_id: `trigger-${++triggers}`,
      team: { id: this.team, domain: 'vereniging' },
      ...(where ? { channel: { id: where.channel, name: 'directmessage' } } : {}),
      actions: [
        {
          action_id: button.action_id,
          block_id: 'b',
          text: { type: 'plain_text', text: 'knop' },
          value: button.value,
          type: 'button',
          action_ts: `${Math.floor(Date.now() / 1000)}.000500`,
        },
      ],
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) throw new Error(`button answered ${res.status}`);
    await this.settled();
  }

  /** A message shortcut ("…" on a message): Koppel aan ambitie. */
  async shortcut(
    user: string,
    callbackId: string,
    message: { channel: string; ts: string; text: string; user: string },
  ) {
    const payload = {
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: `trigger-${++triggers}`,
      user: { id: user, username: user.toLowerCase(), team_id: this.team },
      team: { id: this.team, domain: 'vereniging' },
      channel: { id: message.channel, name: 'kanaal' },
      message: { type: 'message', ts: message.ts, text: message.text, user: message.user },
      response_url: this.api.responseUrl(`shortcut-${triggers}`),
      token: 'deprecated',
      action_ts: message.ts,
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) throw new Error(`shortcut answered ${res.status}`);
    await this.settled();
  }

  /** What an external_select asks as the person types (block_suggestion). */
  async suggest(user: string, actionId: string, value: string) {
    const payload = {
      type: 'block_suggestion',
      user: { id: user, team_id: this.team },
      team: { id: this.team, domain: 'vereniging' },
      api_app_id: 'A1',
      token: 'deprecated',
      action_id: actionId,
      block_id: actionId,
      value,
      view: { id: 'VPROFILE', type: 'modal' },
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    return JSON.parse(res.text) as { options: { text: { text: string }; value: string }[] };
  }

  /** Submits an opened modal with state values by block id; returns Slack's answer (errors, update). */
  async submit(user: string, view: SlackView, values: Record<string, Record<string, unknown>>) {
    const payload = {
      type: 'view_submission',
      team: { id: this.team, domain: 'vereniging' },
      user: { id: user, username: user.toLowerCase(), team_id: this.team },
      api_app_id: 'A1',
      token: 'deprecated',
      trigger_id: `trigger-${++triggers}`,
      view: {
        id: 'VMODAL',
        team_id: this.team,
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        blocks: view.blocks,
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([blockId, state]) => {
              const block = view.blocks.find((b) => b.block_id === blockId);
              return [blockId, { [block?.element?.action_id ?? blockId]: state }];
            }),
          ),
        },
      },
    };
    const res = await this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    if (res.status !== 200) throw new Error(`submission answered ${res.status}`);
    await this.settled();
    return res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {};
  }

  /** The Web API calls of a method, oldest first. */
  calls<T = Record<string, unknown>>(method: string): T[] {
    return this.api.callsOf(method) as T[];
  }

  /**
   * A member's profile from the App Home: "Mijn gegevens", the board found by `search` (its number or
   * name), Amsterdam and Dutch; `extra` adds fields read from the form (the opt-in). Returns the submit's answer and the board.
   */
  async chooseBoard(
    user: string,
    search: string,
    extra: (modal: SlackView) => Record<string, Record<string, unknown>> = () => ({}),
  ) {
    await this.openHome(user);
    const home = this.calls<{ view: SlackView }>('views.publish').at(-1)?.view as SlackView;
    await this.press(user, null, buttonOf(home.blocks, 'profile.open'));
    const modal = await this.lastModal();
    const [board] = (await this.suggest(user, 'board', search)).options;
    const saved = await this.submit(user, modal, {
      board: { type: 'external_select', selected_option: board },
      timeZone: {
        type: 'static_select',
        selected_option: { text: { text: 'Amsterdam' }, value: 'Europe/Amsterdam' },
      },
      locale: { type: 'radio_buttons', selected_option: { text: { text: 'Nederlands' }, value: 'nl' } },
      ...extra(modal),
    });
    return { saved, modal, board: board?.value ?? '' };
  }

  /**
   * The modal the app opened for the last trigger (button, command or shortcut). The app opens it after
   * its ack, so this waits for it (on a busy machine that can take a while).
   */
  async lastModal(maxMs = 15_000): Promise<SlackView> {
    const trigger = `trigger-${triggers}`;
    const start = Date.now();
    for (;;) {
      const opened = this.calls<{ view: SlackView; trigger_id?: string }>('views.open').at(-1);
      if (opened && opened.trigger_id === trigger) return opened.view;
      if (Date.now() - start > maxMs) throw new Error(`no modal was opened for ${trigger}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** What the app posted into a person's DM (a user id as channel opens it) or a channel. */
  posted(channel: string): (SlackMessage & { ts: string })[] {
    const dm = channel.replace(/^U/, 'D');
    const out: (SlackMessage & { ts: string })[] = [];
    for (const call of this.api.calls) {
      if (call.method !== 'chat.postMessage') continue;
      const body = call.body as unknown as SlackMessage;
      if (body.channel === channel || body.channel === dm)
        out.push({ ...body, channel: String(call.result?.channel), ts: String(call.result?.ts) });
    }
    return out;
  }
}
