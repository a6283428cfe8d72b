import type { FakeConnector } from '../../teams/fake-connector';
import { cardAction, type Person, personalMessage, TENANT, type Where } from '../../teams/fixtures';
import type { LocalOpenId } from '../../teams/openid';

/**
 * One person's hands on Teams: activities as the Bot Connector posts them to /api/messages, each with a
 * Bot Framework token the local authority signed; what the bot sends back lands on the fake connector.
 */
export class TeamsDoor {
  readonly where: Where;

  constructor(
    private readonly endpoint: string,
    readonly connector: FakeConnector,
    private readonly openid: LocalOpenId,
    appId: string,
    /** Resolves when the bot's turns answered before they ended have finished. */
    private readonly settled: () => Promise<void>,
  ) {
    this.where = { serviceUrl: connector.url, appId };
  }

  async post(activity: object): Promise<{ status: number; body: Record<string, unknown> | null }> {
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.openid.token(this.where.appId, this.connector.url)}`,
      },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    // A command is answered once claimed; what it sends follows (a person sees both).
    await this.settled();
    if (res.status >= 400) throw new Error(`Teams activity answered ${res.status}: ${text.slice(0, 300)}`);
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  /** A message typed in the 1:1 chat with the bot, from a client in `timeZone`. */
  say(from: Person, text: string, timeZone = 'Europe/Amsterdam') {
    return this.post(personalMessage(this.where, from, text, { localTimezone: timeZone }));
  }

  /** A Universal Action (Action.Execute) on a card in the 1:1 chat; returns the card or message shown. */
  async act(from: Person, verb: string, data: Record<string, unknown>, replyToId?: string) {
    const res = await this.post(cardAction(this.where, from, verb, data, { replyToId }));
    return res.body as { statusCode: number; type: string; value: unknown };
  }

  /** Activities the bot sent into a conversation, oldest first. */
  sentTo(conversationId: string) {
    return this.connector.sent.filter((c) => c.conversationId === conversationId);
  }

  get tenant() {
    return TENANT;
  }
}
