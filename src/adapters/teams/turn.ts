import { ActivityTypes, type InvokeResponse, TeamsInfo, type TurnContext } from 'botbuilder';
import { chatCard } from '../../cards/chat-card';
import { renderCard } from '../../cards/index';
import { practiceFormData, profileData, welcomeData } from '../../cards/member-data';
import { steeringFormData } from '../../cards/steering-data';
import type { MessageAddress } from '../../core/discussion';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { reportError } from '../../error-sink';
import { type Locale, t } from '../../i18n/index';
import { type ChatContext, handleCommand } from '../chat/handle-command';
import type { ChatReply } from '../chat/reply';
import { runCardAction } from './actions';
import {
  activityKey,
  adaptiveCardActionSchema,
  channelIdOf,
  conversationKind,
  localeOf,
  mentionsBot,
  plainText,
  postedAt,
  submitValueSchema,
  type TeamsActivity,
  tenantOf,
  threadRootOf,
} from './activity';
import { type BotFramework, strictConnector } from './bot-framework';
import { LINK_COMMAND_ID, linkForm, linkSubmit } from './message-actions';
import {
  learnRoster,
  meetAccount,
  meetSender,
  reportUnreachable,
  saveConversation,
  workspaceIdOf,
} from './people';
import { badRequestResponse, cardMessage, messageResponse, textMessage, withRefresh } from './render';

/** Commands are at most this long (one chat message); longer text is not a command. */
const MAX_COMMAND = 4000;
/** Members added at once whose names are looked up in the roster. */
const MAX_NAME_LOOKUPS = 20;

/**
 * One turn of the bot: what an activity from Teams means for Samenspraak. Messages in a 1:1 chat and
 * @mentions in a channel are commands; other channel messages are discussion; card actions run their
 * verb; install and membership events store where the bot can write and whom it meets.
 */
export class TeamsTurns {
  constructor(
    private readonly core: Core,
    private readonly bot: BotFramework,
  ) {}

  async handle(context: TurnContext, activity: TeamsActivity): Promise<void> {
    strictConnector(context, true, this.bot.timeoutMs);
    switch (activity.type) {
      case ActivityTypes.Message:
        return this.message(context, activity);
      case ActivityTypes.Invoke:
        return this.invoke(context, activity);
      case ActivityTypes.InstallationUpdate:
        return this.installation(context, activity);
      case ActivityTypes.ConversationUpdate:
        return this.conversationUpdate(context, activity);
      case ActivityTypes.MessageUpdate:
        return this.messageUpdate(activity);
      case ActivityTypes.MessageDelete:
        return this.messageDelete(activity);
      default:
        return;
    }
  }

  private get repos() {
    return this.core.deps.store.repos;
  }

  /** True for the first delivery of an activity; false for a resend (Teams resends after 15 s). */
  private async firstDelivery(key: string | null): Promise<boolean> {
    return key === null || this.repos.inboundEvents.claim('teams', key, this.core.deps.clock.now());
  }

  /** The member's language when known, else the client's, else Dutch; reads, never writes. */
  private async localeFor(activity: TeamsActivity): Promise<Locale> {
    const known = await this.repos.members.findByExternal(
      workspaceIdOf(tenantOf(activity)),
      activity.from.aadObjectId ?? activity.from.id,
    );
    return known?.locale ?? localeOf(activity) ?? 'nl';
  }

  /**
   * Runs the work of a claimed activity; when it fails the claim is released, so the resend Teams makes
   * is acted on (a resend after success is not: its claim stands).
   */
  private async releasedOnFailure<T>(key: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (key) await this.repos.inboundEvents.forget('teams', key);
      throw err;
    }
  }

  // ── messages ──────────────────────────────────────────────────────────────────────────────────────

  private async message(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const kind = conversationKind(activity);
    const submit = activity.value === undefined ? null : submitValueSchema.safeParse(activity.value);
    if (kind !== 'personal' && !mentionsBot(activity) && !submit) return this.ingest(activity);
    if (submit && !submit.success && !activity.text) {
      await context.sendActivity(textMessage(t(await this.localeFor(activity), 'teams.badRequest')));
      return;
    }
    const text = plainText(activity.text);
    if (text.length > MAX_COMMAND) {
      await context.sendActivity(textMessage(t(await this.localeFor(activity), 'teams.tooLong')));
      return;
    }
    const key = activityKey(activity);
    if (!(await this.firstDelivery(key))) return;
    await this.releasedOnFailure(key, async () => {
      const member = await meetSender(this.core, activity);
      await saveConversation(this.core, context, activity, member);
      const channelId = channelIdOf(activity);
      if (submit?.success) {
        // A card action from a client without Universal Actions (Action.Submit fallback).
        const { verb, ...data } = submit.data;
        const result = await runCardAction({ core: this.core, member, channelId }, verb, data);
        const shown = result.response.value;
        const next = result.replaceOriginal ?? (typeof shown === 'object' && 'type' in shown ? shown : null);
        if (next && activity.replyToId)
          await context.updateActivity({ ...cardMessage(next), id: activity.replyToId });
        else if (next) await context.sendActivity(cardMessage(next));
        else await context.sendActivity(textMessage(messageText(result.response)));
        return;
      }
      const ctx: ChatContext = {
        member,
        workspaceId: member.workspaceId,
        channelId,
        channelName: activity.channelData?.channel?.name,
        // A standard channel's people are its team's roster.
        channelPeople: () => learnRoster(this.core, context, activity),
      };
      const reply = await handleCommand(this.core, ctx, text);
      await context.sendActivity(await this.replyActivity(reply, ctx));
    });
  }

  /** A chat reply as Teams shows it. Teams has no private messages in a channel: replies go in the thread. */
  private async replyActivity(reply: ChatReply, ctx: ChatContext) {
    const { member } = ctx;
    const locale = member.locale;
    try {
      if (reply.type === 'text') return textMessage(reply.text);
      if (reply.type === 'form') {
        const card =
          reply.form === 'profile'
            ? renderCard('profile', await profileData(this.core, member), locale)
            : reply.form === 'steering-form'
              ? renderCard(
                  'steering-form',
                  await steeringFormData(this.core, member, String(reply.data.cycleId)),
                  locale,
                )
              : renderCard('practice-form', await practiceFormData(this.core, member, ctx.channelId), locale);
        return cardMessage(card.json);
      }
      return cardMessage((await chatCard(this.core, member, reply)).json);
    } catch (err) {
      reportError(this.core.deps.logger, err, { platform: 'teams', member: member.id, reply: reply.type });
      return textMessage(t(locale, 'error.INTERNAL'));
    }
  }

  /**
   * Live ingestion (resource-specific consent ChannelMessage.Read.Group): every message in a channel linked
   * to a community is recorded once (on its activity id); other channels store nothing at all.
   */
  private async ingest(activity: TeamsActivity): Promise<void> {
    const channelId = channelIdOf(activity);
    if (!channelId || !activity.id || activity.from.id === activity.recipient.id) return;
    const workspaceId = workspaceIdOf(tenantOf(activity));
    const community = await this.repos.communities.findByChannel(workspaceId, channelId);
    if (!community) return;
    const text = plainText(activity.text);
    if (!text) return;
    const member = await meetSender(this.core, activity);
    await this.core.recordMessage({
      workspaceId,
      channelId,
      externalId: activity.id,
      threadExternalId: threadRootOf(activity),
      authorMemberId: member.id,
      text,
      postedAt: postedAt(activity, this.core.deps.clock.now()),
    });
  }

  private async messageUpdate(activity: TeamsActivity): Promise<void> {
    const eventType = activity.channelData?.eventType;
    if (eventType && eventType !== 'editMessage') return;
    const address = this.addressOf(activity);
    if (!address) return;
    await this.core.editMessage({
      ...address,
      text: plainText(activity.text),
      editedAt: this.core.deps.clock.now(),
    });
  }

  private async messageDelete(activity: TeamsActivity): Promise<void> {
    const address = this.addressOf(activity);
    if (address) await this.core.deleteMessage(address);
  }

  /** Where an edited or deleted channel message was posted, in the core's words (null outside a channel). */
  private addressOf(activity: TeamsActivity): MessageAddress | null {
    const channelId = channelIdOf(activity);
    if (!channelId || !activity.id) return null;
    return { workspaceId: workspaceIdOf(tenantOf(activity)), channelId, externalId: activity.id };
  }

  // ── invokes ───────────────────────────────────────────────────────────────────────────────────────

  private async invoke(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const answer = (response: InvokeResponse) =>
      context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
    let run: (member: Member) => Promise<InvokeResponse>;
    if (activity.name === 'adaptiveCard/action') {
      const value = adaptiveCardActionSchema.safeParse(activity.value);
      if (!value.success) {
        const body = badRequestResponse(t(await this.localeFor(activity), 'teams.badRequest'));
        await answer({ status: 400, body });
        return;
      }
      run = (member) =>
        this.cardAction(context, activity, member, value.data.action.verb, value.data.action.data);
    } else if (
      activity.name === 'composeExtension/fetchTask' ||
      activity.name === 'composeExtension/submitAction'
    ) {
      const fetch = activity.name === 'composeExtension/fetchTask';
      run = async (member) => {
        const body = fetch
          ? await linkForm(this.core, member, activity)
          : await linkSubmit(this.core, member, activity);
        if (body) return { status: 200, body };
        return {
          status: 400,
          body: { task: { type: 'message', value: t(member.locale, 'teams.badRequest') } },
        };
      };
    } else {
      // Not an invoke this bot offers: a 400 that says so (botbuilder would answer 501, a server error).
      await answer({
        status: 400,
        body: badRequestResponse(t(await this.localeFor(activity), 'teams.badRequest')),
      });
      return;
    }
    const key = activityKey(activity);
    if (!(await this.firstDelivery(key))) {
      const earlier = key ? await this.repos.teams.invokeResponse(key) : null;
      await answer(
        (earlier as InvokeResponse | null) ?? {
          status: 200,
          body: messageResponse(t(await this.localeFor(activity), 'teams.repeated')),
        },
      );
      return;
    }
    const response = await this.releasedOnFailure(key, async () => {
      const r = await run(await meetSender(this.core, activity));
      if (key) await this.repos.teams.saveInvokeResponse(key, r, this.core.deps.clock.now());
      return r;
    });
    await answer(response);
  }

  private async cardAction(
    context: TurnContext,
    activity: TeamsActivity,
    member: Member,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<InvokeResponse> {
    const result = await runCardAction(
      { core: this.core, member, channelId: channelIdOf(activity) },
      verb,
      data,
    );
    if (result.replaceOriginal && activity.replyToId)
      // The message itself shows the receipt from now on, for everyone who sees it.
      await context.updateActivity({ ...cardMessage(result.replaceOriginal), id: activity.replyToId });
    return { status: result.response.statusCode === 400 ? 400 : 200, body: result.response };
  }

  // ── installation and membership ───────────────────────────────────────────────────────────────────

  private async installation(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const kind = conversationKind(activity);
    const adding = (activity.action ?? 'add').startsWith('add');
    if (kind === 'personal') {
      const member = await meetSender(this.core, activity);
      if (!adding) {
        await reportUnreachable(this.core, member.id, 'uninstalled');
        return;
      }
      await saveConversation(this.core, context, activity, member);
      if (member.unreachableAt) await this.repos.teams.clearUnreachable(member.id);
      const welcome = renderCard('welcome', await welcomeData(this.core, member), member.locale).json;
      await context.sendActivity(
        cardMessage(welcome, t(member.locale, 'teams.welcome.personal', { name: member.name })),
      );
      return;
    }
    if (!adding) return;
    await saveConversation(this.core, context, activity, null);
    await learnRoster(this.core, context, activity);
    await context.sendActivity(await this.channelWelcome(activity));
  }

  /**
   * The welcome in a team or group chat: everyone sees the member commands; coordinators (at most 60,
   * by refresh) see the coordinator commands as well.
   */
  private async channelWelcome(activity: TeamsActivity) {
    const workspaceId = workspaceIdOf(tenantOf(activity));
    const coordinators = (await this.repos.cycleResults.coordinators()).filter(
      (c) => c.workspaceId === workspaceId,
    );
    const userIds: string[] = [];
    for (const c of coordinators) {
      const user = await this.repos.teams.user(c.id);
      if (user) userIds.push(user.userId);
    }
    const locale = localeOf(activity) ?? 'nl';
    const viewer = { workspaceId, locale } as Member;
    const base = renderCard('welcome', await welcomeData(this.core, viewer, false), locale).json;
    return cardMessage(
      withRefresh(base as Record<string, unknown>, userIds, { card: 'welcome' }),
      t(locale, 'teams.welcome.team'),
    );
  }

  private async conversationUpdate(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const added = activity.membersAdded ?? [];
    if (added.length === 0) return;
    const kind = conversationKind(activity);
    const botAdded = added.some((m) => m.id === activity.recipient.id);
    if (kind === 'personal') {
      if (botAdded)
        await saveConversation(this.core, context, activity, await meetSender(this.core, activity));
      return;
    }
    if (botAdded) {
      await saveConversation(this.core, context, activity, null);
      await learnRoster(this.core, context, activity);
      return;
    }
    const where = {
      tenantId: tenantOf(activity),
      teamId: activity.channelData?.team?.id ?? null,
      serviceUrl: activity.serviceUrl,
    };
    for (const [i, account] of added.entries()) {
      let name = account.name;
      if (!name && i < MAX_NAME_LOOKUPS) {
        try {
          name = (await TeamsInfo.getMember(context, account.id)).name;
        } catch (err) {
          // The member is still known by id; the name comes with their first message.
          reportError(this.core.deps.logger, err, { platform: 'teams', step: 'getMember', user: account.id });
        }
      }
      await meetAccount(this.core, { ...account, name }, where);
    }
  }

  /** The bot's app id, for proactive calls. */
  get appId(): string {
    return this.bot.appId;
  }
}

function messageText(body: { value: unknown }): string {
  const value = body.value as unknown;
  if (typeof value === 'string') return value;
  const message = (value as { message?: unknown })?.message;
  return typeof message === 'string' ? message : '';
}

export { LINK_COMMAND_ID };
