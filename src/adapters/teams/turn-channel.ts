import type { MessageAddress } from '../../core/discussion';
import { channelIdOf, plainText, postedAt, type TeamsActivity, tenantOf, threadRootOf } from './activity';
import type { TeamsDoor } from './door';
import { meetSender, workspaceIdOf } from './people';

/**
 * Live ingestion (resource-specific consent ChannelMessage.Read.Group): every message in a channel linked
 * to a community is recorded once (on its activity id); other channels store nothing at all.
 */
export async function ingest(door: TeamsDoor, activity: TeamsActivity): Promise<void> {
  const { core } = door;
  const channelId = channelIdOf(activity);
  if (!channelId || !activity.id || activity.from.id === activity.recipient.id) return;
  const workspaceId = workspaceIdOf(tenantOf(activity));
  const community = await core.communityOfChannel(workspaceId, channelId);
  if (!community) return;
  const text = plainText(activity.text);
  if (!text) return;
  const member = await meetSender(door, activity);
  await core.recordMessage({
    workspaceId,
    channelId,
    externalId: activity.id,
    threadExternalId: threadRootOf(activity),
    authorMemberId: member.id,
    text,
    postedAt: postedAt(activity, core.deps.clock.now()),
  });
}

/** A channel message was edited. */
export async function onMessageUpdate({ core }: TeamsDoor, activity: TeamsActivity): Promise<void> {
  const eventType = activity.channelData?.eventType;
  if (eventType && eventType !== 'editMessage') return;
  const address = addressOf(activity);
  if (!address) return;
  await core.editMessage({
    ...address,
    text: plainText(activity.text),
    editedAt: core.deps.clock.now(),
  });
}

/** A channel message was deleted. */
export async function onMessageDelete({ core }: TeamsDoor, activity: TeamsActivity): Promise<void> {
  const address = addressOf(activity);
  if (address) await core.deleteMessage(address);
}

/** Where an edited or deleted channel message was posted, in the core's words (null outside a channel). */
function addressOf(activity: TeamsActivity): MessageAddress | null {
  const channelId = channelIdOf(activity);
  if (!channelId || !activity.id) return null;
  return { workspaceId: workspaceIdOf(tenantOf(activity)), channelId, externalId: activity.id };
}
