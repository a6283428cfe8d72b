import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { type SlackViewStateValues, stateToSubmitData, toSlackMessage } from '../../../cards/index';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { type CardOutcome, runCardAction, runFormAction } from '../../chat/card-actions';
import { homeView } from '../home-view';
import { slackMember } from '../identity';
import { type ModalOrigin, unwrapMetadata } from '../modal-metadata';
import { blockActionSchema, jsonText, teamOf } from '../payloads';
import { errorModal, modal, noticeModal, unreadable } from './card-modals';
import { cardData, registerModalSubmissions } from './modal-submissions';

const BUTTONS =
  /^(checkin\.open|update\.edit|update\.page|profile\.open|cycle\.remind|cycle\.close|peer\.ask|peer\.accept)$/;

const actionValue = jsonText(z.record(z.string(), z.unknown()), 2000);
const boardQuery = z.object({ value: z.string().max(100).default('') });

/** A button's data: its JSON value; the App Home's cycle buttons carry the bare cycle id. */
function buttonData(verb: string, value: string | undefined): Record<string, unknown> {
  const data = actionValue.safeParse(value ?? '{}');
  if (data.success) return data.data;
  return verb.startsWith('cycle.') ? { cycleId: value ?? '' } : {};
}

type PagePayload = {
  view?: { private_metadata: string; state: { values: SlackViewStateValues }; id: string };
};

/**
 * Previous/next inside the update form: the page's answers are saved (the view state read as the
 * form's data), then the modal shows the other page, or the same one with what did not pass on top.
 */
async function turnPage(
  core: Core,
  client: WebClient,
  member: Member,
  body: PagePayload,
  button: Record<string, unknown>,
): Promise<CardOutcome | null> {
  const view = body.view;
  const meta = view ? unwrapMetadata(view.private_metadata) : null;
  const data = cardData.safeParse(meta?.card ?? '{}');
  if (!view || !meta || !data.success) return { kind: 'badRequest' };
  const origin: ModalOrigin = { channel: meta.channel, message: meta.message };
  const outcome = await runFormAction(
    core,
    { member, verb: 'update.page', data: data.data, channelId: meta.channel, inModal: true },
    (form) => ({ ...stateToSubmitData(form, view.state.values, meta.card), goTo: button.goTo }),
  );
  if (outcome.kind === 'card') {
    await client.views.update({ view_id: view.id, view: modal(outcome.card, origin) });
    return null;
  }
  if (outcome.kind !== 'invalid') return outcome;
  const next = modal(outcome.form, origin);
  const problems = Object.values(outcome.errors).join('\n');
  next.blocks = [
    { type: 'section', text: { type: 'mrkdwn', text: `:warning: ${problems}` } },
    ...next.blocks,
  ];
  await client.views.update({ view_id: view.id, view: next });
  return null;
}

/**
 * The buttons on Samenspraak's messages, on its modals and on the App Home, and the modals they open:
 * the check-in opens the update form, the form is checked with the same schema as on Teams (errors next
 * to the fields), and a valid submit stores the update and turns the check-in message into the receipt.
 */
export function registerCardActions(app: App, core: Core): void {
  app.action(BUTTONS, async ({ ack, body, client }) => {
    await ack();
    const payload = blockActionSchema.parse(body);
    const action = payload.actions[0] as (typeof payload.actions)[number];
    const verb = action.action_id;
    const member = await slackMember(core, client, teamOf(payload), payload.user.id);
    const data = buttonData(verb, action.value);
    const container = payload.container;
    const origin: ModalOrigin = {
      channel: payload.channel?.id ?? null,
      message:
        container?.type === 'message' && container.channel_id && container.message_ts
          ? { channel: container.channel_id, ts: container.message_ts }
          : null,
    };
    const outcome =
      verb === 'update.page'
        ? await turnPage(core, client, member, body as unknown as PagePayload, data)
        : await runCardAction(core, { member, verb, data, channelId: origin.channel });
    const show = (view: ReturnType<typeof modal>) =>
      client.views.open({ trigger_id: payload.trigger_id, view });
    switch (outcome?.kind) {
      case 'card':
        await show(modal(outcome.card, origin));
        return;
      case 'done':
        // An accepted peer request loses its button in the chat too.
        if (outcome.original && origin.message)
          await client.chat.update({ ...origin.message, ...toSlackMessage(outcome.original) });
        // The App Home's cycle buttons: the home shows the cycle as it is now.
        if (verb.startsWith('cycle.'))
          await client.views.publish({ user_id: member.externalId, view: await homeView(core, member) });
        else if (outcome.text) await show(noticeModal(outcome.text));
        return;
      case 'refused':
        await show(errorModal(outcome.error, member.locale));
        return;
      case 'badRequest':
        await show(errorModal(unreadable(), member.locale));
        return;
    }
  });

  registerModalSubmissions(app, core);

  // The board list is searched as the person types (external_select on the profile's board input).
  app.options('board', async ({ ack, body }) => {
    const query = boardQuery.safeParse(body);
    const boards = await core.searchBoards(query.success ? query.data.value : '', 100);
    await ack({
      options: boards.map((b) => ({ text: { type: 'plain_text', text: b.name.slice(0, 75) }, value: b.id })),
    });
  });
}
