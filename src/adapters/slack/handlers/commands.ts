import type { App } from '@slack/bolt';
import { chatCard } from '../../../cards/chat-card';
import { renderCard, toSlackMessage, toSlackModal } from '../../../cards/index';
import { practiceFormData, profileData } from '../../../cards/member-data';
import { steeringFormData } from '../../../cards/steering-data';
import type { Core } from '../../../core/index';
import { reportError } from '../../../error-sink';
import { t } from '../../../i18n/index';
import { handleCommand } from '../../chat/handle-command';
import { importChannelHistory } from '../channel-history';
import { channelPeople } from '../channel-people';
import { slackMember } from '../identity';
import { wrapMetadata } from '../modal-metadata';
import { slashCommandSchema } from '../payloads';
import { respondWith } from '../reply';

/** Direct-message channel ids start with D: there is no community there. */
const isDirect = (channelId: string) => channelId.startsWith('D');

/** `/samenspraak …`: acknowledged at once, answered privately through the response URL. */
export function registerCommands(app: App, core: Core, defaultLocale: 'nl' | 'en'): void {
  app.command('/samenspraak', async ({ ack, body, client, context, respond }) => {
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      reportError(core.deps.logger, parsed.error, {
        platform: 'slack',
        code: 'INPUT_INVALID',
        payload: 'slash_command',
      });
      await ack({ response_type: 'ephemeral', text: t(defaultLocale, 'slack.badRequest') });
      return;
    }
    await ack();
    const cmd = parsed.data;
    const member = await slackMember(core, client, cmd.team_id, cmd.user_id);
    const reply = await handleCommand(
      core,
      {
        member,
        workspaceId: member.workspaceId,
        channelId: isDirect(cmd.channel_id) ? null : cmd.channel_id,
        channelName: cmd.channel_name,
        channelPeople: () => channelPeople(client, cmd.team_id, cmd.channel_id, context.botUserId),
        importHistory: () => importChannelHistory(core, client, cmd.team_id, cmd.channel_id),
      },
      cmd.text,
    );
    if (reply.type === 'text') await respondWith(respond, reply);
    else if (reply.type === 'form') {
      const channel = isDirect(cmd.channel_id) ? null : cmd.channel_id;
      const cycleId = String(reply.data.cycleId);
      const card =
        reply.form === 'practice-form'
          ? renderCard('practice-form', await practiceFormData(core, member, channel), member.locale)
          : reply.form === 'steering-form'
            ? // The results first (the trigger expires after 3 s); what to decide on follows below.
              renderCard(
                'steering-form',
                await steeringFormData(core, member, cycleId, { context: false }),
                member.locale,
              )
            : renderCard('profile', await profileData(core, member), member.locale);
      const asModal = (bound: typeof card) => {
        const view = toSlackModal(bound);
        return {
          ...view,
          private_metadata: wrapMetadata(view.private_metadata, { channel, message: null }),
        } as never;
      };
      const opened = await client.views.open({ trigger_id: cmd.trigger_id, view: asModal(card) });
      const viewId = opened.view?.id;
      if (reply.form === 'steering-form' && viewId) {
        const full = await steeringFormData(core, member, cycleId);
        await client.views.update({
          view_id: viewId,
          view: asModal(renderCard('steering-form', full, member.locale)),
        });
      }
    } else
      await respond({ response_type: 'ephemeral', ...toSlackMessage(await chatCard(core, member, reply)) });
  });
}
