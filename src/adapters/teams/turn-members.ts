import { TeamsInfo, type TurnContext } from 'botbuilder';
import { renderCard } from '../../cards/index';
import { welcomeData } from '../../cards/member-data';
import type { Member } from '../../core/model';
import { reportError } from '../../error-sink';
import { t } from '../../i18n/index';
import { conversationKind, localeOf, type TeamsActivity, tenantOf } from './activity';
import type { TeamsDoor } from './door';
import {
  learnRoster,
  meetAccount,
  meetSender,
  reportUnreachable,
  saveConversation,
  workspaceIdOf,
} from './people';
import { cardMessage, withRefresh } from './render';

/** Members added at once whose names are looked up in the roster. */
const MAX_NAME_LOOKUPS = 20;

/** The bot was installed (or removed): in a 1:1 chat for one member, else in a team or group chat. */
export async function onInstallation(
  door: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<void> {
  const { core, store } = door;
  const kind = conversationKind(activity);
  const adding = (activity.action ?? 'add').startsWith('add');
  if (kind === 'personal') {
    const member = await meetSender(door, activity);
    if (!adding) {
      await reportUnreachable(core, member.id, 'uninstalled');
      return;
    }
    await saveConversation(door, context, activity, member);
    if (member.unreachableAt) await store.clearUnreachable(member.id);
    const welcome = renderCard('welcome', await welcomeData(core, member), member.locale).json;
    await context.sendActivity(
      cardMessage(welcome, t(member.locale, 'teams.welcome.personal', { name: member.name })),
    );
    return;
  }
  if (!adding) return;
  await saveConversation(door, context, activity, null);
  await learnRoster(door, context, activity);
  await context.sendActivity(await channelWelcome(door, activity));
}

/**
 * The welcome in a team or group chat: everyone sees the member commands; coordinators (at most 60,
 * by refresh) see the coordinator commands as well.
 */
async function channelWelcome({ core, store }: TeamsDoor, activity: TeamsActivity) {
  const workspaceId = workspaceIdOf(tenantOf(activity));
  const coordinators = await core.coordinatorsOf(workspaceId);
  const userIds: string[] = [];
  for (const c of coordinators) {
    const user = await store.user(c.id);
    if (user) userIds.push(user.userId);
  }
  const locale = localeOf(activity) ?? 'nl';
  const viewer = { workspaceId, locale } as Member;
  const base = renderCard('welcome', await welcomeData(core, viewer, false), locale).json;
  return cardMessage(
    withRefresh(base as Record<string, unknown>, userIds, { card: 'welcome' }),
    t(locale, 'teams.welcome.team'),
  );
}

/** People (or the bot) were added to a conversation: the bot stores where it can write, and whom it meets. */
export async function onConversationUpdate(
  door: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<void> {
  const added = activity.membersAdded ?? [];
  if (added.length === 0) return;
  const kind = conversationKind(activity);
  const botAdded = added.some((m) => m.id === activity.recipient.id);
  if (kind === 'personal') {
    if (botAdded) await meetSender(door, activity, (m) => saveConversation(door, context, activity, m));
    return;
  }
  if (botAdded) {
    await saveConversation(door, context, activity, null);
    await learnRoster(door, context, activity);
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
        reportError(door.core.deps.logger, err, { platform: 'teams', step: 'getMember', user: account.id });
      }
    }
    await meetAccount(door, { ...account, name }, where);
  }
}
