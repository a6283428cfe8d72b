import type { WebClient } from '@slack/web-api';
import type { AudienceEntry } from '../../core/audience';

/** The people of a channel as an audience (`conversations.members`, every page), the bot itself left out. */
export async function channelPeople(
  client: WebClient,
  teamId: string,
  channel: string,
  botUserId: string | undefined,
): Promise<AudienceEntry[]> {
  const people: AudienceEntry[] = [];
  for await (const page of client.paginate('conversations.members', { channel, limit: 200 })) {
    for (const userId of (page as { members?: string[] }).members ?? [])
      if (userId !== botUserId) people.push({ platform: 'slack', workspace: teamId, userId });
  }
  return people;
}
