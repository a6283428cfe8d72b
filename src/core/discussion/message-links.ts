import type { AmbitionMessage, MessageRef } from './ports';

/** Where a message is: the part of an ambition's message a summary names as its source. */
export const toRef = (m: AmbitionMessage): MessageRef => ({
  messageId: m.messageId,
  communityId: m.communityId,
  workspaceId: m.workspaceId,
  platform: m.platform,
  channelId: m.channelId,
  externalId: m.externalId,
  threadExternalId: m.threadExternalId,
  postedAt: m.postedAt,
});

/**
 * A link that opens a message in its app: Slack's deep link (team, channel, message timestamp) and the
 * Teams link to a channel message (with its thread's first message for a reply).
 */
export function messageLink(ref: MessageRef): string {
  const [, space = ''] = /^[a-z]+:(.*)$/.exec(ref.workspaceId) ?? [];
  if (ref.platform === 'slack') {
    const q = new URLSearchParams({ team: space, id: ref.channelId, message: ref.externalId });
    if (ref.threadExternalId) q.set('thread_ts', ref.threadExternalId);
    return `slack://channel?${q}`;
  }
  const q = new URLSearchParams({ parentMessageId: ref.threadExternalId ?? ref.externalId });
  if (space) q.set('tenantId', space);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(ref.channelId)}/${encodeURIComponent(ref.externalId)}?${q}`;
}
