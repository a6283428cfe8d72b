import { z } from 'zod';
import { isLoopback } from '../loopback';

/**
 * The parts of Slack's payloads we use, as documented (api.slack.com: slash commands, interactivity
 * payloads, Events API). Anything else in them passes through untouched; anything missing is refused.
 */

const id = z.string().min(1).max(255);

/** Slack's ids by their documented shape: a team T… (or an Enterprise Grid E…), a user U… or W…. */
export const teamId = z.string().regex(/^[TE][A-Z0-9]{1,31}$/, 'a Slack team id like T0123ABC');
export const userId = z.string().regex(/^[UW][A-Z0-9]{1,31}$/, 'a Slack user id like U0123ABC');
/** C…, G… or D… (the tests' readable ids carry a dash). */
export const channelId = z.string().regex(/^[CGD][A-Z0-9-]{1,31}$/, 'a Slack channel id like C0123ABC');
/** A message's ts: seconds since the epoch with microseconds ("1700000000.000100"). */
export const slackTs = z.string().regex(/^\d{9,11}\.\d{6}$/, 'a Slack ts like 1700000000.000100');

/** JSON inside a payload's string (a button's value, a modal's private_metadata), read by `schema`. */
export const jsonText = <T extends z.ZodType>(schema: T, max = 3000) =>
  z
    .string()
    .max(max)
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        // Not JSON: an issue of the parse like any other, refused by the caller with its message.
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().max(4000).default(''),
  user_id: userId,
  team_id: teamId,
  channel_id: channelId,
  channel_name: z.string().optional(),
  trigger_id: z.string().min(1),
  response_url: z.url().refine((text) => {
    // Only Slack's own hooks host is answered (a local fake Slack in tests): never an address in the body.
    if (!URL.canParse(text)) return false;
    const url = new URL(text);
    return (url.protocol === 'https:' && url.hostname === 'hooks.slack.com') || isLoopback(url.hostname);
  }, 'a Slack response_url (https://hooks.slack.com/…)'),
});

const userRef = z.object({ id: userId, team_id: teamId.optional() });
const teamRef = z.object({ id: teamId }).nullable().optional();

export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: userRef,
  team: teamRef,
  trigger_id: z.string().min(1),
  actions: z
    .array(z.object({ action_id: id, block_id: id.optional(), value: z.string().max(2000).optional() }))
    .min(1),
  container: z
    .object({ type: z.string(), channel_id: channelId.optional(), message_ts: slackTs.optional() })
    .optional(),
  channel: z.object({ id: channelId }).optional(),
});

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userRef,
  team: teamRef,
  view: z.object({
    id,
    callback_id: z.string(),
    private_metadata: z.string().max(3000).default(''),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
    }),
  }),
});

export const messageActionSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  trigger_id: z.string().min(1),
  user: userRef,
  team: teamRef,
  channel: z.object({ id: channelId, name: z.string().max(255).optional() }),
  message: z.object({ ts: slackTs, text: z.string().max(40_000).optional(), user: userId.optional() }),
});

/** The team of an interactivity payload: on the team object, or on the user for some surfaces. */
export const teamOf = (p: { team?: { id: string } | null; user: { team_id?: string } }) =>
  p.team?.id ?? p.user.team_id ?? '';

const ts = slackTs;

export const newMessageEventSchema = z.object({
  type: z.literal('message'),
  subtype: z.undefined().optional(),
  channel: channelId,
  user: userId,
  text: z.string().max(40_000).default(''),
  ts,
  thread_ts: ts.optional(),
  bot_id: z.undefined().optional(),
});

/** A message of `conversations.history`: a person's message, without the event's channel. */
export const historyMessageSchema = newMessageEventSchema.omit({ channel: true });

export const changedMessageEventSchema = z.object({
  type: z.literal('message'),
  subtype: z.literal('message_changed'),
  channel: channelId,
  event_ts: ts.optional(),
  message: z.object({
    ts,
    text: z.string().max(40_000).default(''),
    user: userId.optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    edited: z.object({ ts }).optional(),
  }),
});

export const deletedMessageEventSchema = z.object({
  type: z.literal('message'),
  subtype: z.literal('message_deleted'),
  channel: channelId,
  deleted_ts: ts,
});

export const memberJoinedSchema = z.object({
  type: z.literal('member_joined_channel'),
  user: userId,
  channel: channelId,
  team: teamId.optional(),
});

export const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: userId,
  tab: z.string().optional(),
});
