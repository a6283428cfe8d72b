import { type Activity, type TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import type { AudienceEntry } from '../../core/audience';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import type { ConversationRef } from '../../core/teams-ports';
import {
  type ConversationKind,
  channelIdOf,
  conversationKind,
  localeOf,
  type TeamsActivity,
  tenantOf,
  timeZoneOf,
} from './activity';
import type { TeamsDoor } from './door';

/** Workspaces are keyed `platform:external id` (workspace repository); a Teams workspace is a tenant. */
export const workspaceIdOf = (tenantId: string) => `teams:${tenantId}`;

/** How many roster pages (of 500) are read at most when the bot joins a team. */
const MAX_ROSTER_PAGES = 40;

/**
 * The member behind an account, created at first contact. The member's id on the platform is the Entra
 * object id (what COORDINATORS names); the Teams user id (29:…) is kept to open a 1:1 chat later, written
 * together with what `also` stores about the member (one wait for both).
 */
export async function meetAccount(
  { core, store }: TeamsDoor,
  account: { id: string; name?: string; aadObjectId?: string },
  where: {
    tenantId: string;
    teamId: string | null;
    serviceUrl: string;
    locale?: 'nl' | 'en';
    timeZone?: string;
  },
  also: (member: Member) => Promise<unknown> = async () => undefined,
): Promise<Member> {
  const member = await core.meetMember('teams', where.tenantId, {
    externalId: account.aadObjectId ?? account.id,
    name: account.name,
    aadObjectId: account.aadObjectId,
    locale: where.locale,
    timeZone: where.timeZone,
  });
  await Promise.all([
    store.saveUser(
      {
        memberId: member.id,
        userId: account.id,
        tenantId: where.tenantId,
        teamId: where.teamId,
        serviceUrl: where.serviceUrl,
      },
      core.deps.clock.now(),
    ),
    also(member),
  ]);
  return member;
}

/** The member who sent the activity (see meetAccount for `also`). */
export function meetSender(
  door: TeamsDoor,
  activity: TeamsActivity,
  also?: (member: Member) => Promise<unknown>,
): Promise<Member> {
  return meetAccount(
    door,
    activity.from,
    {
      tenantId: tenantOf(activity),
      teamId: activity.channelData?.team?.id ?? null,
      serviceUrl: activity.serviceUrl,
      locale: localeOf(activity),
      timeZone: timeZoneOf(activity),
    },
    also,
  );
}

/**
 * Stores where the bot can write in this conversation: the 1:1 chat of a member, a channel (without the
 * thread part of its id, so a proactive message starts a new thread) or a group chat.
 */
export async function saveConversation(
  { core, store }: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
  member: Member | null,
): Promise<ConversationRef> {
  const kind: ConversationKind = conversationKind(activity);
  const reference = TurnContext.getConversationReference(context.activity as Partial<Activity>);
  const conversationId = kind === 'personal' ? activity.conversation.id : (channelIdOf(activity) as string);
  const { activityId: _activityId, ...rest } = reference;
  const ref: ConversationRef = {
    workspaceId: workspaceIdOf(tenantOf(activity)),
    conversationId,
    kind,
    memberId: kind === 'personal' ? (member?.id ?? null) : null,
    teamId: activity.channelData?.team?.id ?? null,
    reference: {
      ...rest,
      conversation: { ...rest.conversation, id: conversationId, tenantId: tenantOf(activity) },
    } as Record<string, unknown>,
    updatedAt: core.deps.clock.now(),
  };
  // The workspace first (the reference points to it): a member met in this turn brought it along. No
  // transaction needed: recording a workspace is idempotent, so a failed save leaves only the workspace,
  // and Teams' resend saves the reference.
  if (!member) await core.knowWorkspace('teams', tenantOf(activity));
  await store.saveConversationRef(ref);
  return ref;
}

/** The people of the team or group chat of an activity, from the Teams roster (the bot itself left out). */
async function* roster(context: TurnContext, activity: TeamsActivity): AsyncGenerator<TeamsChannelAccount> {
  let token: string | undefined;
  for (let page = 0; page < MAX_ROSTER_PAGES; page++) {
    const result = await TeamsInfo.getPagedMembers(context, 500, token);
    for (const account of result.members as TeamsChannelAccount[])
      if (account.id && account.id !== activity.recipient.id) yield account;
    token = result.continuationToken;
    if (!token) break;
  }
}

/**
 * Meets the members of the team or group chat the bot is in, from the Teams roster (kept with what
 * a 1:1 chat needs), and returns them as an audience.
 */
export async function learnRoster(
  door: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<AudienceEntry[]> {
  const where = {
    tenantId: tenantOf(activity),
    teamId: activity.channelData?.team?.id ?? null,
    serviceUrl: activity.serviceUrl,
  };
  const people: AudienceEntry[] = [];
  for await (const account of roster(context, activity)) {
    const tenantId = account.tenantId ?? where.tenantId;
    await meetAccount(door, account, { ...where, tenantId });
    people.push({
      platform: 'teams',
      workspace: tenantId,
      userId: account.aadObjectId ?? account.id,
      name: account.name,
    });
  }
  return people;
}

/**
 * A member removed the bot from their 1:1 chat: like a 403 on a send (delivery), they are marked unreachable
 * at once, what is still queued for them is cancelled, and the coordinators get the hourly notice.
 */
export function reportUnreachable(core: Core, memberId: string, reason: string): Promise<boolean> {
  return core.markUnreachable({ memberId, reason, actorId: null, details: { platform: 'teams', reason } });
}
