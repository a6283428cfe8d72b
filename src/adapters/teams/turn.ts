import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { TeamsActivity } from './activity';
import { strictConnector } from './bot-framework';
import type { TeamsDoor } from './door';
import { onMessageDelete, onMessageUpdate } from './turn-channel';
import { onInvoke } from './turn-invokes';
import { onConversationUpdate, onInstallation } from './turn-members';
import { onMessage } from './turn-messages';

/**
 * One turn of the bot: what an activity from Teams means for Samenspraak. Messages in a 1:1 chat and
 * @mentions in a channel are commands; other channel messages are discussion; card actions run their
 * verb; install and membership events store where the bot can write and whom it meets.
 */
export class TeamsTurns {
  constructor(private readonly door: TeamsDoor) {}

  /** `claimed`: called once a command is this turn's to act on (its HTTP request may then be answered). */
  async handle(context: TurnContext, activity: TeamsActivity, claimed: () => void): Promise<void> {
    const door = this.door;
    strictConnector(context, true, door.bot.timeoutMs);
    switch (activity.type) {
      case ActivityTypes.Message:
        return onMessage(door, context, activity, claimed);
      case ActivityTypes.Invoke:
        return onInvoke(door, context, activity);
      case ActivityTypes.InstallationUpdate:
        return onInstallation(door, context, activity);
      case ActivityTypes.ConversationUpdate:
        return onConversationUpdate(door, context, activity);
      case ActivityTypes.MessageUpdate:
        return onMessageUpdate(door, activity);
      case ActivityTypes.MessageDelete:
        return onMessageDelete(door, activity);
      default:
        return;
    }
  }
}
