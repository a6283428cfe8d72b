import { z } from 'zod';
import type { BotFramework, ConversationReference } from './bot-framework';

/**
 * Looks up, through Microsoft Graph, whether a message delivery posted earlier is already in a chat: the
 * Teams half of "an uncertain send looks before it posts". Needs the resource-specific permission
 * `ChatMessage.Read.Chat` (granted with the app's install in the chat) and TEAMS_GRAPH_URL.
 *
 * Graph does not show Bot Framework's channelData, so the dedupe key rides inside the card itself (the card's
 * `samenspraak` property, which Teams ignores when rendering) and Graph returns the card as it was sent.
 * Text messages carry no card: they are not found and stay at-least-once.
 */

/** The card property that holds the dedupe key. */
export const CARD_KEY_PROPERTY = 'samenspraak';

/** How many of the chat's latest messages are looked through (Graph's largest page for chat messages). */
const LOOKBACK = 50;

const messagesSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      attachments: z
        .array(z.object({ contentType: z.string().optional(), content: z.string().nullish() }))
        .optional(),
    }),
  ),
});

/**
 * The Graph id of the chat a reference points at: a group chat's Bot Framework id is already one; a 1:1
 * chat with a bot is `19:<user's Entra object id>_<bot app id>@unq.gbl.spaces` (the bot's account id in
 * Teams is `28:<app id>`). Channels are not chats (their messages need the team's id): null, no look-up.
 */
export function graphChatId(reference: Partial<ConversationReference>, appId: string): string | null {
  const conversation = reference.conversation;
  if (!conversation?.id) return null;
  if (conversation.conversationType === 'personal' || conversation.id.startsWith('a:')) {
    const aad = reference.user?.aadObjectId;
    const bot = appId || reference.bot?.id?.replace(/^28:/, '');
    return aad && bot ? `19:${aad}_${bot}@unq.gbl.spaces` : null;
  }
  if (conversation.conversationType === 'channel' || conversation.id.includes('@thread.tacv2')) return null;
  return conversation.id.startsWith('19:') ? conversation.id : null;
}

function carriesKey(content: string | null | undefined, dedupeKey: string): boolean {
  if (!content) return false;
  try {
    const card = JSON.parse(content) as Record<string, { dedupeKey?: unknown } | undefined>;
    return card[CARD_KEY_PROPERTY]?.dedupeKey === dedupeKey;
  } catch {
    return false; // not a card of ours (Graph gives other attachments as plain text)
  }
}

export type LookupResult = { found: true; activityId: string } | { found: false } | { unknown: true };

export interface SentLookup {
  find(reference: Partial<ConversationReference>, dedupeKey: string): Promise<LookupResult>;
}

/** The look-up over Graph at graphUrl; a failing call throws (the sender's outcome handling classifies it). */
export function graphLookup(bot: BotFramework, graphUrl: string): SentLookup {
  const base = graphUrl.replace(/\/$/, '');
  return {
    async find(reference, dedupeKey) {
      const chatId = graphChatId(reference, bot.appId);
      if (!chatId) return { unknown: true };
      const authorization = await bot.graphAuthorization();
      const res = await fetch(
        `${base}/chats/${encodeURIComponent(chatId)}/messages?$top=${LOOKBACK}&$orderby=createdDateTime desc`,
        {
          headers: authorization ? { authorization } : {},
          signal: AbortSignal.timeout(bot.timeoutMs),
        },
      );
      if (!res.ok) throw new GraphHttpError(res.status, res.headers.get('retry-after'));
      const page = messagesSchema.parse(await res.json());
      const posted = page.value.find((m) => m.attachments?.some((a) => carriesKey(a.content, dedupeKey)));
      return posted ? { found: true, activityId: posted.id } : { found: false };
    },
  };
}

export class GraphHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly retryAfter: string | null,
  ) {
    super(`Microsoft Graph answered HTTP ${statusCode}`);
    this.name = 'GraphHttpError';
  }
}
