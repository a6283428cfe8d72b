import type { TurnContext } from 'botbuilder';
import { chatCard } from '../../cards/chat-card';
import { renderCard } from '../../cards/index';
import { practiceFormData, profileData } from '../../cards/member-data';
import { steeringFormData } from '../../cards/steering-data';
import { reportError } from '../../error-sink';
import { t } from '../../i18n/index';
import { type ChatContext, handleCommand } from '../chat/handle-command';
import type { ChatReply } from '../chat/reply';
import { runCardAction } from './actions';
import {
  activityKey,
  channelIdOf,
  conversationKind,
  mentionsBot,
  plainText,
  submitValueSchema,
  type TeamsActivity,
} from './activity';
import { firstDelivery, localeFor, releasedOnFailure, type TeamsDoor } from './door';
import { learnRoster, meetSender, saveConversation } from './people';
import { cardMessage, textMessage } from './render';
import { ingest } from './turn-channel';

/** Commands are at most this long (one chat message); longer text is not a command. */
const MAX_COMMAND = 4000;

/**
 * A message: in a 1:1 chat or with an @mention a command (or the Action.Submit of a card); any other
 * channel message is discussion.
 */
export async function onMessage(
  door: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
  claimed: () => void,
): Promise<void> {
  const { core } = door;
  const kind = conversationKind(activity);
  const submit = activity.value === undefined ? null : submitValueSchema.safeParse(activity.value);
  if (kind !== 'personal' && !mentionsBot(activity) && !submit) return ingest(door, activity);
  if (submit && !submit.success && !activity.text) {
    await context.sendActivity(textMessage(t(await localeFor(door, activity), 'teams.badRequest')));
    return;
  }
  const text = plainText(activity.text);
  if (text.length > MAX_COMMAND) {
    await context.sendActivity(textMessage(t(await localeFor(door, activity), 'teams.tooLong')));
    return;
  }
  const key = activityKey(activity);
  if (!(await firstDelivery(door, key))) return;
  claimed();
  await releasedOnFailure(door, key, async () => {
    const member = await meetSender(door, activity, (m) => saveConversation(door, context, activity, m));
    const channelId = channelIdOf(activity);
    if (submit?.success) {
      // A card action from a client without Universal Actions (Action.Submit fallback).
      const { verb, ...data } = submit.data;
      const result = await runCardAction({ core, member, channelId }, verb, data);
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
      channelPeople: () => learnRoster(door, context, activity),
    };
    const reply = await handleCommand(core, ctx, text);
    await context.sendActivity(await replyActivity(door, reply, ctx));
  });
}

/** A chat reply as Teams shows it. Teams has no private messages in a channel: replies go in the thread. */
async function replyActivity({ core }: TeamsDoor, reply: ChatReply, ctx: ChatContext) {
  const { member } = ctx;
  const locale = member.locale;
  try {
    if (reply.type === 'text') return textMessage(reply.text);
    if (reply.type === 'form') {
      const card =
        reply.form === 'profile'
          ? renderCard('profile', await profileData(core, member), locale)
          : reply.form === 'steering-form'
            ? renderCard(
                'steering-form',
                await steeringFormData(core, member, String(reply.data.cycleId)),
                locale,
              )
            : renderCard('practice-form', await practiceFormData(core, member, ctx.channelId), locale);
      return cardMessage(card.json);
    }
    return cardMessage((await chatCard(core, member, reply)).json);
  } catch (err) {
    reportError(core.deps.logger, err, { platform: 'teams', member: member.id, reply: reply.type });
    return textMessage(t(locale, 'error.INTERNAL'));
  }
}

function messageText(body: { value: unknown }): string {
  const value = body.value as unknown;
  if (typeof value === 'string') return value;
  const message = (value as { message?: unknown })?.message;
  return typeof message === 'string' ? message : '';
}
