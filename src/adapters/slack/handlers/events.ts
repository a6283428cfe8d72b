import type { App } from '@slack/bolt';
import type { Core } from '../../../core/index';
import { reportError } from '../../../error-sink';
import { t } from '../../../i18n/index';
import { homeView } from '../home-view';
import { slackMember } from '../identity';
import {
  appHomeOpenedSchema,
  changedMessageEventSchema,
  deletedMessageEventSchema,
  memberJoinedSchema,
  newMessageEventSchema,
} from '../payloads';

/** Slack's ts ("1700000000.000100") is seconds since the epoch. */
const tsToDate = (ts: string) => new Date(Math.round(Number.parseFloat(ts) * 1000));

/**
 * Events: messages in community channels are recorded, and their edits and deletions followed (others are
 * dropped before anything is stored);
 * a newcomer in a community channel gets a private welcome; App Home shows the member's overview.
 */
export function registerEvents(app: App, core: Core): void {
  app.event('message', async ({ event, body, client }) => {
    const teamId = (body as { team_id: string }).team_id;
    const workspaceId = `slack:${teamId}`;
    const changed = changedMessageEventSchema.safeParse(event);
    if (changed.success) {
      const { channel, message } = changed.data;
      if (message.bot_id || message.subtype === 'bot_message') return;
      // The core stores nothing for a channel that is not a community's.
      await core.editMessage({
        workspaceId,
        channelId: channel,
        externalId: message.ts,
        text: message.text,
        editedAt: tsToDate(message.edited?.ts ?? changed.data.event_ts ?? message.ts),
      });
      return;
    }
    const deleted = deletedMessageEventSchema.safeParse(event);
    if (deleted.success) {
      await core.deleteMessage({
        workspaceId,
        channelId: deleted.data.channel,
        externalId: deleted.data.deleted_ts,
      });
      return;
    }
    const parsed = newMessageEventSchema.safeParse(event);
    if (!parsed.success) return; // bot messages, joins and other subtypes are not discussion
    const msg = parsed.data;
    const community = await core.communityOfChannel(workspaceId, msg.channel);
    if (!community) return;
    const member = await slackMember(core, client, teamId, msg.user);
    await core.recordMessage({
      workspaceId: member.workspaceId,
      channelId: msg.channel,
      externalId: msg.ts,
      threadExternalId: msg.thread_ts && msg.thread_ts !== msg.ts ? msg.thread_ts : null,
      authorMemberId: member.id,
      text: msg.text,
      postedAt: tsToDate(msg.ts),
    });
  });

  app.event('member_joined_channel', async ({ event, body, client }) => {
    const parsed = memberJoinedSchema.parse(event);
    const teamId = (body as { team_id: string }).team_id;
    const community = await core.communityOfChannel(`slack:${teamId}`, parsed.channel);
    if (!community) return;
    const member = await slackMember(core, client, teamId, parsed.user);
    const theme =
      core.agendas.get(community.agendaId).themes.find((th) => th.id === community.themeId)?.title ?? '';
    await client.chat.postEphemeral({
      channel: parsed.channel,
      user: parsed.user,
      text: t(member.locale, 'slack.welcome', { theme }),
    });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    const parsed = appHomeOpenedSchema.parse(event);
    if (parsed.tab && parsed.tab !== 'home') return;
    const member = await slackMember(core, client, (body as { team_id: string }).team_id, parsed.user);
    await client.views.publish({ user_id: parsed.user, view: await homeView(core, member) });
  });

  app.error(async (err) => {
    reportError(core.deps.logger, err, { platform: 'slack' });
  });
}
