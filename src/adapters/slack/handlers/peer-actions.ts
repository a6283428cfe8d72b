import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { toSlackMessage } from '../../../cards/index';
import { isAppError } from '../../../core/errors';
import type { Core } from '../../../core/index';
import { t } from '../../../i18n/index';
import { isPeerVerb, runPeerAction } from '../../chat/peer-actions';
import { slackMember } from '../identity';
import { blockActionSchema, jsonText, teamOf } from '../payloads';

/** A short modal that tells the person what their click did (or why it was refused). */
function noticeModal(text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Samenspraak' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  } as ModalView;
}

const actionValue = jsonText(z.record(z.string(), z.unknown()), 2000);

/** "Vraag contact aan" and "Contact accepteren" (issue 18): the shared peer actions, answered in a modal. */
export function registerPeerActions(app: App, core: Core): void {
  app.action(/^peer\.(ask|accept)$/, async ({ ack, body, client }) => {
    await ack();
    const payload = blockActionSchema.parse(body);
    const action = payload.actions[0] as (typeof payload.actions)[number];
    const member = await slackMember(core, client, teamOf(payload), payload.user.id);
    const data = actionValue.safeParse(action.value ?? '{}');
    let text: string;
    try {
      if (!isPeerVerb(action.action_id)) return;
      const result = await runPeerAction(core, member, action.action_id, data.success ? data.data : {});
      text = result.text;
      // The accepted request loses its button in the chat too.
      const where = payload.container;
      if (result.card && where?.type === 'message' && where.channel_id && where.message_ts)
        await client.chat.update({
          channel: where.channel_id,
          ts: where.message_ts,
          ...toSlackMessage(result.card),
        });
    } catch (err) {
      if (!isAppError(err)) throw err;
      text = t(member.locale, `error.${err.code}`, err.params);
    }
    await client.views.open({ trigger_id: payload.trigger_id, view: noticeModal(text) });
  });
}
