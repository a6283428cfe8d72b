import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import {
  type BoundCard,
  inputErrors,
  parseForm,
  renderCard,
  stateToSubmitData,
  toSlackMessage,
  toSlackModal,
} from '../../../cards/index';
import { practiceFormData, profileData, receiptData, updateFormData } from '../../../cards/member-data';
import { steeringFormData } from '../../../cards/steering-data';
import { AppError, isAppError } from '../../../core/errors';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import { homeView } from '../home-view';
import { slackMember } from '../identity';
import { type ModalOrigin, unwrapMetadata, wrapMetadata } from '../modal-metadata';
import { blockActionSchema, jsonText, teamOf, viewSubmissionSchema } from '../payloads';

const cycleData = z.object({
  cycleId: z.string().min(1).max(200),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
const actionValue = jsonText(z.record(z.string(), z.unknown()), 2000);

/** A card as a modal that remembers where it came from. */
function modal(card: BoundCard, origin: ModalOrigin): ModalView {
  const view = toSlackModal(card);
  return { ...view, private_metadata: wrapMetadata(view.private_metadata, origin) } as ModalView;
}

/** The error view as a modal, for a refusal (closed cycle, no board …) where a form was expected. */
function errorModal(err: unknown, member: Member): ModalView {
  if (!isAppError(err)) throw err;
  const view = toSlackMessage(renderCard('error', { code: err.code, params: err.params }, member.locale));
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Samenspraak' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: view.blocks,
  } as ModalView;
}

async function updateForm(core: Core, member: Member, cycleId: string, page: number) {
  return renderCard('update-form', await updateFormData(core, member, cycleId, page), member.locale);
}

/** After a submit the check-in message in the DM becomes the receipt (with a change button while open). */
async function showReceipt(
  core: Core,
  client: WebClient,
  member: Member,
  cycleId: string,
  origin: ModalOrigin,
) {
  const where = origin.message ?? (await core.deps.store.repos.checkIns.messageRef(cycleId, member.id));
  const ref = z.object({ channel: z.string(), ts: z.string() }).safeParse(where);
  if (!ref.success) return;
  const receipt = renderCard(
    'update-receipt',
    await receiptData(core, member, cycleId, 1, core.deps.clock.now()),
    member.locale,
  );
  await client.chat.update({ channel: ref.data.channel, ts: ref.data.ts, ...toSlackMessage(receipt) });
}

/**
 * The buttons on Samenspraak's messages and the modals they open: the check-in opens the update form,
 * the form is checked with the same schema as on Teams (errors next to the fields), and a valid submit
 * stores the update and turns the check-in message into the receipt.
 */
export function registerCardActions(app: App, core: Core): void {
  app.action(
    /^(checkin\.open|update\.edit|update\.page|profile\.open|cycle\.remind|cycle\.close)$/,
    async ({ ack, body, client }) => {
      await ack();
      const payload = blockActionSchema.parse(body);
      const action = payload.actions[0] as (typeof payload.actions)[number];
      const data = actionValue.safeParse(action.value ?? '{}');
      const member = await slackMember(core, client, teamOf(payload), payload.user.id);
      const origin: ModalOrigin = {
        channel: payload.channel?.id ?? null,
        message:
          payload.container?.type === 'message' &&
          payload.container.channel_id &&
          payload.container.message_ts
            ? { channel: payload.container.channel_id, ts: payload.container.message_ts }
            : null,
      };
      const where = cycleData.safeParse(data.success ? data.data : {});
      try {
        switch (action.action_id) {
          case 'checkin.open':
          case 'update.edit':
            if (!where.success) throw where.error;
            await client.views.open({
              trigger_id: payload.trigger_id,
              view: modal(await updateForm(core, member, where.data.cycleId, where.data.page), origin),
            });
            return;
          case 'update.page':
            await turnPage(
              core,
              client,
              member,
              body as unknown as PagePayload,
              data.success ? data.data : {},
            );
            return;
          case 'profile.open':
            await client.views.open({
              trigger_id: payload.trigger_id,
              view: modal(renderCard('profile', await profileData(core, member), member.locale), origin),
            });
            return;
          case 'cycle.remind':
          case 'cycle.close': {
            const cycleId = data.success ? String(data.data.cycleId ?? '') : (action.value ?? '');
            if (action.action_id === 'cycle.remind') await core.remindNow({ memberId: member.id }, cycleId);
            else await core.closeCycle({ memberId: member.id }, cycleId);
            await client.views.publish({ user_id: member.externalId, view: await homeView(core, member) });
            return;
          }
        }
      } catch (err) {
        if (!isAppError(err)) throw err;
        await client.views.open({ trigger_id: payload.trigger_id, view: errorModal(err, member) });
      }
    },
  );

  app.view('update.submit', async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    const meta = unwrapMetadata(submission.view.private_metadata);
    const where = jsonText(cycleData).safeParse(meta?.card ?? '{}');
    if (!meta || !where.success) {
      await ack({ response_action: 'update', view: errorModal(invalid(), member) });
      return;
    }
    try {
      const form = await updateForm(core, member, where.data.cycleId, where.data.page);
      const raw = stateToSubmitData(form, submission.view.state.values as never, meta.card);
      const parsed = parseForm('update-form', raw);
      if (!parsed.success) {
        await ack({ response_action: 'errors', errors: inputErrors(parsed.error, member.locale) });
        return;
      }
      await core.submitUpdate(member.id, { cycleId: parsed.data.cycleId, answers: parsed.data.answers });
      await ack();
      await showReceipt(core, client, member, parsed.data.cycleId, meta);
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ack({ response_action: 'update', view: errorModal(err, member) });
    }
  });

  app.view('profile.submit', async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    const meta = unwrapMetadata(submission.view.private_metadata);
    const form = renderCard('profile', await profileData(core, member), member.locale);
    const parsed = parseForm(
      'profile',
      stateToSubmitData(form, submission.view.state.values as never, meta?.card ?? '{}'),
    );
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: inputErrors(parsed.error, member.locale) });
      return;
    }
    try {
      if (parsed.data.boardId !== member.boardId) await core.chooseBoard(member.id, parsed.data.boardId);
      const saved = await core.setProfile(member.id, {
        locale: parsed.data.locale,
        timeZone: parsed.data.timeZone,
        peerContact: parsed.data.peerContact,
      });
      await ack();
      // The App Home shows the board (and no longer asks for it).
      await client.views.publish({ user_id: saved.externalId, view: await homeView(core, saved) });
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ack({ response_action: 'errors', errors: { board: errorText(err, member) } });
    }
  });

  app.view('practice.submit', async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    const meta = unwrapMetadata(submission.view.private_metadata);
    const form = renderCard(
      'practice-form',
      await practiceFormData(core, member, meta?.channel ?? null),
      member.locale,
    );
    const parsed = parseForm(
      'practice-form',
      stateToSubmitData(form, submission.view.state.values as never, meta?.card ?? '{}'),
    );
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: inputErrors(parsed.error, member.locale) });
      return;
    }
    const channel = meta?.channel ?? null;
    const community = channel
      ? await core.deps.store.repos.communities.findByChannel(member.workspaceId, channel)
      : null;
    try {
      await core.sharePractice(member.id, {
        workspaceId: member.workspaceId,
        channelId: community ? (channel ?? undefined) : undefined,
        ...parsed.data,
      });
      await ack();
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ack({ response_action: 'errors', errors: { title: errorText(err, member) } });
    }
  });

  app.view('steering.submit', async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    const meta = unwrapMetadata(submission.view.private_metadata);
    const where = jsonText(z.object({ cycleId: z.string().min(1).max(200) })).safeParse(meta?.card ?? '{}');
    if (!meta || !where.success) {
      await ack({ response_action: 'update', view: errorModal(invalid(), member) });
      return;
    }
    try {
      const form = renderCard(
        'steering-form',
        await steeringFormData(core, member, where.data.cycleId, { context: false }),
        member.locale,
      );
      const parsed = parseForm(
        'steering-form',
        stateToSubmitData(form, submission.view.state.values as never, meta.card),
      );
      if (!parsed.success) {
        await ack({ response_action: 'errors', errors: inputErrors(parsed.error, member.locale) });
        return;
      }
      await core.decideSteering({ memberId: member.id }, parsed.data);
      await ack();
    } catch (err) {
      if (!isAppError(err)) throw err;
      await ack({ response_action: 'update', view: errorModal(err, member) });
    }
  });

  // The board list is searched as the person types (external_select on the profile's board input).
  app.options('board', async ({ ack, body }) => {
    const query = z.object({ value: z.string().max(100).default('') }).safeParse(body);
    const boards = await core.searchBoards(query.success ? query.data.value : '', 100);
    await ack({
      options: boards.map((b) => ({ text: { type: 'plain_text', text: b.name.slice(0, 75) }, value: b.id })),
    });
  });
}

type PagePayload = {
  view?: { private_metadata: string; state: { values: Record<string, unknown> }; id: string };
};

/** Previous/next inside the update form: the page's answers are saved, then the modal shows the other page. */
async function turnPage(
  core: Core,
  client: WebClient,
  member: Member,
  body: PagePayload,
  data: Record<string, unknown>,
) {
  const view = body.view;
  const meta = view ? unwrapMetadata(view.private_metadata) : null;
  const where = jsonText(cycleData).safeParse(meta?.card ?? '{}');
  if (!view || !meta || !where.success) throw invalid();
  const form = await updateForm(core, member, where.data.cycleId, where.data.page);
  const raw = {
    ...stateToSubmitData(form, view.state.values as never, meta.card),
    verb: 'update.page',
    goTo: data.goTo,
  };
  const parsed = parseForm('update-form', raw);
  let next = form;
  if (parsed.success) {
    await core.submitUpdate(member.id, { cycleId: parsed.data.cycleId, answers: parsed.data.answers });
    next = await updateForm(core, member, where.data.cycleId, parsed.data.goTo ?? where.data.page);
  }
  const nextView = modal(next, meta);
  if (!parsed.success) {
    const problems = Object.values(inputErrors(parsed.error, member.locale)).join('\n');
    nextView.blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: `:warning: ${problems}` } },
      ...nextView.blocks,
    ];
  }
  await client.views.update({ view_id: view.id, view: nextView });
}

function invalid() {
  return new AppError('INPUT_INVALID', 'unreadable modal metadata', { detail: '' });
}

function errorText(err: unknown, member: Member): string {
  const view = toSlackMessage(
    renderCard(
      'error',
      isAppError(err) ? { code: err.code, params: err.params } : { code: 'INTERNAL', params: {} },
      member.locale,
    ),
  );
  return view.text;
}
