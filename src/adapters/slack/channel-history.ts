import type { WebClient } from '@slack/web-api';
import type { Core } from '../../core/index';
import { slackMember } from './identity';
import { historyMessageSchema } from './payloads';

/** Slack's ts ("1700000000.000100") is seconds since the epoch. */
const tsToDate = (ts: string) => new Date(Math.round(Number.parseFloat(ts) * 1000));

/** The most messages asked for; Slack gives apps outside its marketplace fewer, and one request a minute. */
const HISTORY_LIMIT = 100;

/**
 * A channel just linked to a community: its recent messages (one `conversations.history` request, as
 * Slack allows apps outside its marketplace once a minute) are recorded in one batch through the core,
 * with the same rules as live messages; bot messages and joins are left out. Returns how many were new.
 */
export async function importChannelHistory(
  core: Core,
  client: WebClient,
  teamId: string,
  channel: string,
): Promise<number> {
  const page = await client.conversations.history({ channel, limit: HISTORY_LIMIT });
  const messages = (page.messages ?? []).flatMap((m) => {
    const parsed = historyMessageSchema.safeParse(m);
    return parsed.success ? [parsed.data] : []; // bot messages, joins and other subtypes are not discussion
  });
  const authors = new Map<string, string>();
  for (const m of messages)
    if (!authors.has(m.user)) authors.set(m.user, (await slackMember(core, client, teamId, m.user)).id);
  const { recorded } = await core.recordMessages(
    messages.map((m) => ({
      workspaceId: `slack:${teamId}`,
      channelId: channel,
      externalId: m.ts,
      threadExternalId: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
      authorMemberId: authors.get(m.user) ?? null,
      text: m.text,
      postedAt: tsToDate(m.ts),
    })),
  );
  return recorded;
}
