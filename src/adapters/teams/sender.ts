import { outboxContent } from '../../cards/outbox-content';
import { AppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { TeamsRepository } from '../../core/teams-ports';
import { outcomeOfHttpStatus, outcomeOfNetworkError, renderFailure } from '../../delivery/outcomes';
import {
  type LookUpOutcome,
  type OutgoingMessage,
  type Pace,
  type PreparedPost,
  type Sender,
  type SendFailure,
  type SendOutcome,
  unpaced,
} from '../../delivery/sender';
import { reportError } from '../../error-sink';
import {
  type Activity,
  type BotFramework,
  type ConversationReference,
  createPersonalConversation,
  httpFailure,
  postToConversation,
} from './bot-framework';
import { CARD_KEY_PROPERTY, GraphHttpError, type LookupResult, type SentLookup } from './graph-lookup';
import { workspaceIdOf } from './people';
import { cardMessage, textMessage } from './render';

type Rendered = Partial<Activity>;

/** The row's workspace: as stored with it, or from its tenant. */
const workspaceOf = (message: OutgoingMessage) =>
  message.workspaceId ?? workspaceIdOf(message.workspaceExternalId);

/**
 * Delivery's way out to Teams: renders an outbox row for its kind and posts it, into a stored
 * conversation (continueConversation) or, for a member the bot never talked to, into a new 1:1 chat
 * (createConversation with the user id learnt from the team roster). What the platform answers becomes
 * delivery's outcome: 429 waits Retry-After, 412/5xx are retried, 403 means the member removed or
 * blocked the bot (delivery marks them unreachable and tells the coordinators; no retry).
 */
export class TeamsSender implements Sender {
  readonly platform = 'teams' as const;

  constructor(
    private readonly core: Core,
    private readonly bot: BotFramework,
    /** Where the bot can write and the Teams user ids of members (handed in at mount). */
    private readonly store: TeamsRepository,
    /** Finds an uncertain send that did arrive (Graph); without it an uncertain send is at-least-once. */
    private readonly lookup: SentLookup | null = null,
  ) {}

  async send(message: OutgoingMessage, pace: Pace = unpaced): Promise<SendOutcome> {
    const prepared = await this.prepare(message);
    return 'post' in prepared ? prepared.post(pace) : prepared;
  }

  async prepare(message: OutgoingMessage): Promise<PreparedPost | SendFailure> {
    let rendered: { activity: Rendered; replies: Rendered[] } | null;
    try {
      rendered = this.render(message, await outboxContent(this.core, message, 'teams.welcome.community'));
    } catch (err) {
      // Rendering again cannot help: a permanent failure, dead-lettered at once with the reason.
      reportError(this.core.deps.logger, err, { platform: 'teams', outbox: message.id, phase: 'render' });
      return renderFailure(err);
    }
    if (!rendered)
      return { kind: 'permanent', reason: `Teams cannot show "${message.kind}"`, recipientGone: false };
    const { activity, replies } = rendered;
    // The dedupe key travels along, so a message can be recognised (delivery's sender contract).
    activity.channelData = {
      ...(activity.channelData as object),
      samenspraak: { dedupeKey: message.dedupeKey },
    };
    let stored: Partial<ConversationReference> | null;
    try {
      stored = await this.storedConversation(message);
    } catch (err) {
      return outcomeOfConnectorCall(err, this.core.deps.clock.now());
    }
    return { post: (pace) => this.post(message, stored, activity, replies, pace) };
  }

  /** Posts into the stored conversation, or into a 1:1 chat opened now. */
  private async post(
    message: OutgoingMessage,
    stored: Partial<ConversationReference> | null,
    activity: Rendered,
    replies: Rendered[],
    pace: Pace,
  ): Promise<SendOutcome> {
    let reference: Partial<ConversationReference> | null;
    let activityId: string | null;
    try {
      reference = stored ?? (await this.newPersonalConversation(message));
      if (!reference)
        return {
          kind: 'permanent',
          reason: 'no Teams conversation known for this member or channel (install the app first)',
          recipientGone: false,
        };
      activityId = await postToConversation(this.bot, reference, activity);
    } catch (err) {
      return outcomeOfConnectorCall(err, this.core.deps.clock.now());
    }
    const ref = {
      conversationId: reference.conversation?.id ?? null,
      activityId,
      serviceUrl: reference.serviceUrl,
    };
    if (replies.length === 0) return { kind: 'ok', ref };
    return {
      kind: 'ok',
      ref: { ...ref, replies: await this.postReplies(message, reference, activityId, replies, pace) },
    };
  }

  /**
   * An earlier attempt may have been taken: look in the stored chat through Graph when configured. Graph
   * refusing (no permission, chat unknown) is reported and the message is posted: at-least-once, as without
   * Graph.
   */
  async lookUp(message: OutgoingMessage): Promise<LookUpOutcome> {
    if (!this.lookup) return { kind: 'absent' };
    let result: LookupResult;
    let reference: Partial<ConversationReference> | null;
    try {
      reference = await this.storedConversation(message);
      if (!reference) return { kind: 'absent' };
      result = await this.lookup.find(reference, message.dedupeKey);
    } catch (err) {
      if (!(err instanceof GraphHttpError) || err.statusCode === 429 || err.statusCode >= 500)
        return outcomeOfConnectorCall(err, this.core.deps.clock.now());
      reportError(this.core.deps.logger, err, { platform: 'teams', outbox: message.id, phase: 'lookup' });
      return { kind: 'absent' };
    }
    if (!('found' in result) || !result.found) return { kind: 'absent' };
    const ref = {
      conversationId: reference.conversation?.id ?? null,
      activityId: result.activityId,
      serviceUrl: reference.serviceUrl,
      found: true,
    };
    return { kind: 'found', ref };
  }

  /**
   * The replies in the thread of the message just posted (a channel message's thread is the conversation
   * `<channel>;messageid=<root>`), each in its own rate slot of the channel. The root is delivered: a
   * failing reply is reported and ends the thread there rather than posting the root again. Returns how
   * many replies were posted.
   */
  private async postReplies(
    message: OutgoingMessage,
    reference: Partial<ConversationReference>,
    rootId: string | null,
    replies: Rendered[],
    pace: Pace,
  ): Promise<number> {
    const channel = reference.conversation?.id;
    if (!channel || !rootId) {
      reportError(
        this.core.deps.logger,
        new AppError('DELIVERY_FAILED', 'no thread to post the replies in', { detail: message.dedupeKey }),
        { platform: 'teams', outbox: message.id },
      );
      return 0;
    }
    const thread = {
      ...reference,
      conversation: { ...reference.conversation, id: `${channel};messageid=${rootId}` },
    };
    for (const [i, reply] of replies.entries()) {
      try {
        await pace();
        await postToConversation(this.bot, thread as Partial<ConversationReference>, reply);
      } catch (err) {
        reportError(this.core.deps.logger, err, { platform: 'teams', outbox: message.id, reply: i });
        return i;
      }
    }
    return replies.length;
  }

  /** Where the message goes as stored: the channel, or the member's 1:1 chat. */
  private async storedConversation(message: OutgoingMessage): Promise<Partial<ConversationReference> | null> {
    const workspaceId = workspaceOf(message);
    if (message.conversationId) {
      const ref = await this.store.conversationRef(workspaceId, message.conversationId);
      return ref ? (ref.reference as Partial<ConversationReference>) : null;
    }
    if (!message.memberId) return null;
    const personal = await this.store.personalConversationRef(message.memberId);
    return personal ? (personal.reference as Partial<ConversationReference>) : null;
  }

  /** A new 1:1 chat with a member the bot never talked to (its user id learnt from the team roster). */
  private async newPersonalConversation(
    message: OutgoingMessage,
  ): Promise<Partial<ConversationReference> | null> {
    if (message.conversationId || !message.memberId) return null;
    const workspaceId = workspaceOf(message);
    const user = await this.store.user(message.memberId);
    if (!user) return null;
    const team = user.teamId ? await this.store.teamConversationRef(workspaceId, user.teamId) : null;
    const teamBot = (team?.reference as Partial<ConversationReference> | undefined)?.bot;
    const reference = await createPersonalConversation(this.bot, {
      serviceUrl: user.serviceUrl,
      tenantId: user.tenantId,
      userId: user.userId,
      botAccount: teamBot ?? { id: `28:${this.bot.appId}` },
    });
    await this.store.saveConversationRef({
      workspaceId,
      conversationId: reference.conversation?.id as string,
      kind: 'personal',
      memberId: message.memberId,
      teamId: null,
      reference: reference as Record<string, unknown>,
      updatedAt: this.core.deps.clock.now(),
    });
    return reference;
  }

  /**
   * The activity for a row, and its thread's replies: the shared content, as a Teams card (carrying the
   * dedupe key, so Graph can find it) or Markdown text.
   */
  private render(
    message: OutgoingMessage,
    content: Awaited<ReturnType<typeof outboxContent>>,
  ): { activity: Rendered; replies: Rendered[] } | null {
    if (!content) return null;
    if ('card' in content) {
      const card = { ...content.card.json, [CARD_KEY_PROPERTY]: { dedupeKey: message.dedupeKey } };
      return { activity: cardMessage(card, content.summary), replies: [] };
    }
    return { activity: textMessage(content.text), replies: (content.replies ?? []).map(textMessage) };
  }
}

/**
 * What a failed Bot Connector (or Graph) call means, by the shapes botframework-connector throws: an answer
 * with a status (ours, ConnectorHttpError, or Azure's RestError with statusCode), a RestError carrying the
 * system code of a failed connection, or an AbortError when the call timed out.
 */
export function outcomeOfConnectorCall(err: unknown, now: Date): SendFailure {
  if (err instanceof GraphHttpError) return outcomeOfHttpStatus(err.statusCode, err.retryAfter, now);
  const failure = httpFailure(err);
  if (failure) return outcomeOfHttpStatus(failure.status, failure.retryAfter, now);
  return outcomeOfNetworkError(err);
}
