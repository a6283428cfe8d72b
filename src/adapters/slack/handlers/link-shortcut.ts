import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { Core } from '../../../core/index';
import { reportError } from '../../../error-sink';
import { t } from '../../../i18n/index';
import { slackMember } from '../identity';
import {
  channelId,
  jsonText,
  messageActionSchema,
  slackTs,
  teamOf,
  userId,
  viewSubmissionSchema,
} from '../payloads';

export const LINK_SHORTCUT = 'link_to_ambition';
const BLOCK = 'ambitions';

const metadataSchema = z.object({
  channel: channelId,
  ts: slackTs,
  text: z.string().max(40_000),
  user: userId.optional(),
});
const metadataText = jsonText(metadataSchema);
const selectedAmbitions = z.object({
  selected_options: z.array(z.object({ value: z.string() })).default([]),
});

/** "Koppel aan ambitie" on any message of a community channel: a modal with the agenda's ambitions. */
export function registerLinkShortcut(app: App, core: Core): void {
  app.shortcut(LINK_SHORTCUT, async ({ ack, body, client }) => {
    await ack();
    const action = messageActionSchema.parse(body);
    const teamId = teamOf(action);
    const member = await slackMember(core, client, teamId, action.user.id);
    const locale = member.locale;
    const community = await core.communityOfChannel(member.workspaceId, action.channel.id);
    const title = { type: 'plain_text' as const, text: t(locale, 'slack.link.title') };
    const view: ModalView = community
      ? {
          type: 'modal',
          callback_id: LINK_SHORTCUT,
          title,
          submit: { type: 'plain_text', text: t(locale, 'slack.link.submit') },
          private_metadata: JSON.stringify({
            channel: action.channel.id,
            ts: action.message.ts,
            // Kept short: private_metadata holds at most 3,000 characters.
            text: (action.message.text ?? '').slice(0, 2000),
            user: action.message.user,
          }),
          blocks: [
            {
              type: 'input',
              block_id: BLOCK,
              label: { type: 'plain_text', text: t(locale, 'slack.link.label') },
              element: {
                type: 'multi_static_select',
                action_id: BLOCK,
                options: core.agendas.get(community.agendaId).ambitions.map((a) => ({
                  text: { type: 'plain_text', text: `${a.id} ${a.title}`.slice(0, 75) },
                  value: a.id,
                })),
              },
            },
          ],
        }
      : {
          type: 'modal',
          title,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: t(locale, 'error.NOT_A_COMMUNITY_CHANNEL') } },
          ],
        };
    await client.views.open({ trigger_id: action.trigger_id, view });
  });

  app.view(LINK_SHORTCUT, async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const meta = metadataText.safeParse(submission.view.private_metadata || '{}');
    const selected = selectedAmbitions.safeParse(submission.view.state.values[BLOCK]?.[BLOCK]);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    if (!meta.success || !selected.success || selected.data.selected_options.length === 0) {
      await ack({
        response_action: 'errors',
        errors: { [BLOCK]: t(member.locale, 'error.INPUT_INVALID', { detail: '' }) },
      });
      return;
    }
    await ack();
    const { channel, ts, text, user } = meta.data;
    try {
      // A message from before the channel was linked is recorded now, then linked.
      const author = user ? await slackMember(core, client, teamOf(submission), user) : null;
      await core.recordMessage({
        workspaceId: member.workspaceId,
        channelId: channel,
        externalId: ts,
        threadExternalId: null,
        authorMemberId: author?.id ?? null,
        text,
        postedAt: new Date(Math.round(Number.parseFloat(ts) * 1000)),
      });
      const linked = await core.linkMessage(member.id, {
        workspaceId: member.workspaceId,
        channelId: channel,
        externalId: ts,
        ambitions: selected.data.selected_options.map((o) => o.value),
      });
      const ambitions = linked.links.map((l) => l.ambitionId).join(', ');
      await client.chat.postEphemeral({
        channel,
        user: member.externalId,
        text: t(member.locale, 'slack.link.done', { ambitions }),
      });
    } catch (err) {
      reportError(core.deps.logger, err, { platform: 'slack', step: 'link_to_ambition' });
      await client.chat.postEphemeral({
        channel,
        user: member.externalId,
        text: t(member.locale, 'error.INTERNAL'),
      });
    }
  });
}
