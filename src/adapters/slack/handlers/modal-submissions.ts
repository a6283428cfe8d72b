import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { type SlackViewStateValues, stateToSubmitData, toSlackMessage } from '../../../cards/index';
import type { AppError } from '../../../core/errors';
import type { Core } from '../../../core/index';
import type { Member } from '../../../core/model';
import type { Locale } from '../../../i18n/index';
import { type CardOutcome, runFormAction } from '../../chat/card-actions';
import { homeView } from '../home-view';
import { slackMember } from '../identity';
import { unwrapMetadata } from '../modal-metadata';
import { jsonText, teamOf, viewSubmissionSchema } from '../payloads';
import { errorModal, errorText, unreadable } from './card-modals';

/** A modal's card data (what Teams would submit along with the inputs). */
export const cardData = jsonText(z.record(z.string(), z.unknown()));

const messageRef = z.object({ channel: z.string(), ts: z.string() });

/** The forms whose refusal shows beside an input (the rest turn the modal into the error view). */
const REFUSAL_INPUT: Partial<Record<string, string>> = {
  'profile.submit': 'board',
  'practice.submit': 'title',
};

function refusal(verb: string, err: AppError, locale: Locale) {
  const input = REFUSAL_INPUT[verb];
  return input
    ? { response_action: 'errors' as const, errors: { [input]: errorText(err, locale) } }
    : { response_action: 'update' as const, view: errorModal(err, locale) };
}

/**
 * After a valid submit (the modal has closed): a new profile shows on the App Home, and a card that
 * replaces the message acted on does so, for an update the check-in message in the DM (the receipt).
 */
async function afterDone(
  core: Core,
  client: WebClient,
  member: Member,
  outcome: Extract<CardOutcome, { kind: 'done' }>,
  verb: string,
  where: { message: { channel: string; ts: string } | null; cycleId: unknown },
) {
  if (outcome.member)
    await client.views.publish({
      user_id: outcome.member.externalId,
      view: await homeView(core, outcome.member),
    });
  if (!outcome.original) return;
  const checkIn =
    verb === 'update.submit' && !where.message && typeof where.cycleId === 'string'
      ? await core.checkInMessageRef(where.cycleId, member.id)
      : null;
  const ref = messageRef.safeParse(where.message ?? checkIn);
  if (ref.success)
    await client.chat.update({
      channel: ref.data.channel,
      ts: ref.data.ts,
      ...toSlackMessage(outcome.original),
    });
}

/**
 * The submits of the modals (update, profile, practice, steering): the view state is read against the
 * form into the data Teams would submit, and the shared dispatcher does the rest. Errors show beside
 * the fields (`response_action: 'errors'`); a refusal turns the modal into the error view.
 */
export function registerModalSubmissions(app: App, core: Core): void {
  app.view(/^(update|profile|practice|steering)\.submit$/, async ({ ack, body, client }) => {
    const submission = viewSubmissionSchema.parse(body);
    const member = await slackMember(core, client, teamOf(submission), submission.user.id);
    const verb = submission.view.callback_id;
    const meta = unwrapMetadata(submission.view.private_metadata);
    const card = meta?.card ?? '{}';
    const data = cardData.safeParse(card);
    // Slack's state as documented; stateToSubmitData reads only the values of the form's own inputs.
    const values = submission.view.state.values as unknown as SlackViewStateValues;
    const outcome: CardOutcome = data.success
      ? await runFormAction(
          core,
          { member, verb, data: data.data, channelId: meta?.channel ?? null, inModal: true },
          (form) => stateToSubmitData(form, values, card),
        )
      : { kind: 'badRequest' };
    switch (outcome.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: outcome.errors });
        return;
      case 'refused':
        await ack(refusal(verb, outcome.error, member.locale));
        return;
      case 'done':
        await ack();
        await afterDone(core, client, member, outcome, verb, {
          message: meta?.message ?? null,
          cycleId: data.success ? data.data.cycleId : undefined,
        });
        return;
      default:
        await ack({ response_action: 'update', view: errorModal(unreadable(), member.locale) });
    }
  });
}
