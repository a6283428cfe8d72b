import { z } from 'zod';
import { isTimeZone } from '../../core/time';
import type { Locale } from '../../i18n/index';

/**
 * The Bot Framework activities Teams sends, as far as Samenspraak reads them. Unknown properties pass
 * (Teams adds fields over time); what is read is checked.
 */

const id = z.string().min(1).max(1024);

export const accountSchema = z.looseObject({
  id,
  name: z.string().max(512).optional(),
  aadObjectId: z.string().min(1).max(128).optional(),
  role: z.string().max(32).optional(),
});

export const conversationSchema = z.looseObject({
  id,
  conversationType: z.string().max(32).optional(),
  tenantId: z.string().max(128).optional(),
  isGroup: z.boolean().optional(),
  name: z.string().max(512).optional(),
});

const idAndName = z.looseObject({ id, name: z.string().max(512).optional() });

export const channelDataSchema = z.looseObject({
  tenant: z.looseObject({ id }).optional(),
  team: z
    .looseObject({ id, name: z.string().max(512).optional(), aadGroupId: z.string().optional() })
    .optional(),
  channel: idAndName.optional(),
  eventType: z.string().max(64).optional(),
  settings: z.looseObject({ selectedChannel: idAndName.optional() }).optional(),
});

export const entitySchema = z.looseObject({
  type: z.string().max(64),
  mentioned: accountSchema.optional(),
  text: z.string().max(1024).optional(),
});

/** The envelope every activity has; checked before authentication, so garbage gets a 400. */
export const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  timestamp: z.string().max(64).optional(),
  locale: z.string().max(32).optional(),
  /** The client's IANA time zone (Teams sends it on messages and invokes). */
  localTimezone: z.string().max(64).optional(),
  from: accountSchema,
  recipient: accountSchema,
  conversation: conversationSchema,
  channelData: channelDataSchema.optional(),
  entities: z.array(entitySchema).max(100).optional(),
  text: z.string().max(100_000).optional(),
  textFormat: z.string().max(32).optional(),
  name: z.string().max(128).optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(1024).optional(),
  action: z.string().max(32).optional(),
  membersAdded: z.array(accountSchema).max(1000).optional(),
  membersRemoved: z.array(accountSchema).max(1000).optional(),
});

export type TeamsActivity = z.infer<typeof activitySchema>;

/** `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const adaptiveCardActionSchema = z.object({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).default({}),
    id: z.string().max(256).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** `value` of a message from an `Action.Submit` (the fallback of clients without Universal Actions). */
export const submitValueSchema = z.looseObject({ verb: z.string().min(1).max(64) });

/** `value` of a message extension action on a message (`composeExtension/fetchTask` and `submitAction`). */
export const messageActionSchema = z.looseObject({
  commandId: z.string().min(1).max(64),
  commandContext: z.string().max(32).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  messagePayload: z
    .looseObject({
      id,
      replyToId: z.string().max(1024).nullish(),
      body: z.looseObject({ content: z.string().max(100_000).optional() }).optional(),
    })
    .optional(),
});

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export function conversationKind(activity: TeamsActivity): ConversationKind {
  const type = activity.conversation.conversationType;
  if (type === 'channel' || activity.channelData?.channel) return 'channel';
  if (type === 'groupChat' || activity.conversation.isGroup) return 'groupChat';
  return 'personal';
}

/** The tenant: the conversation's, else the channel data's ('default' for local tools that send none). */
export function tenantOf(activity: TeamsActivity): string {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? 'default';
}

/** A channel conversation id carries the thread (`19:…@thread.tacv2;messageid=1234`); the channel is before it. */
export function channelIdOf(activity: TeamsActivity): string | null {
  const kind = conversationKind(activity);
  if (kind === 'personal') return null;
  if (kind === 'groupChat') return activity.conversation.id;
  return activity.channelData?.channel?.id ?? (activity.conversation.id.split(';')[0] as string);
}

/** The root message of the thread a channel message is in, or null when it is a root itself. */
export function threadRootOf(activity: TeamsActivity): string | null {
  const root = /;messageid=([^;]+)/.exec(activity.conversation.id)?.[1] ?? null;
  return root && root !== activity.id ? root : null;
}

/** True when the bot is @mentioned in the message. */
export function mentionsBot(activity: TeamsActivity): boolean {
  return (activity.entities ?? []).some(
    (e) => e.type === 'mention' && e.mentioned?.id === activity.recipient.id,
  );
}

export function localeOf(activity: TeamsActivity): Locale | undefined {
  const tag = activity.locale?.toLowerCase();
  if (!tag) return undefined;
  if (tag.startsWith('nl')) return 'nl';
  if (tag.startsWith('en')) return 'en';
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of a Teams message: without @mentions, tags and HTML entities. */
export function plainText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? whole),
    )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** When the activity happened; the timestamp Teams gives, or now. */
export function postedAt(activity: TeamsActivity, now: Date): Date {
  const at = activity.timestamp ? new Date(activity.timestamp) : null;
  return at && !Number.isNaN(at.getTime()) ? at : now;
}

/** The key a resend shares with the first delivery. */
export function activityKey(activity: TeamsActivity): string | null {
  return activity.id ? `${activity.type}:${activity.conversation.id}:${activity.id}` : null;
}

/** The client's time zone when it is a real IANA zone; otherwise unknown (the installation's is used). */
export function timeZoneOf(activity: Pick<TeamsActivity, 'localTimezone'>): string | undefined {
  const zone = activity.localTimezone;
  // A zone Intl does not know keeps the default rather than refuse the activity.
  return zone && isTimeZone(zone) ? zone : undefined;
}
