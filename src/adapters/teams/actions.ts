import { renderCard } from '../../cards/index';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';
import { type CardOutcome, runCardAction as runShared } from '../chat/card-actions';
import { showInputErrors } from './card-errors';
import { badRequestResponse, cardResponse, messageResponse } from './render';

/** Who acted on a card, and where the card is. */
export interface ActionContext {
  core: Core;
  member: Member;
  /** The channel (or group chat) the card is in; null in a 1:1 chat. */
  channelId: string | null;
}

export type InvokeBody =
  | ReturnType<typeof cardResponse>
  | ReturnType<typeof messageResponse>
  | ReturnType<typeof badRequestResponse>;

export interface ActionResult {
  /** Shown in place of the card acted on (to the person who acted). */
  response: InvokeBody;
  /** After a submit the message itself changes for everyone: to this card. */
  replaceOriginal?: Record<string, unknown>;
}

/** The outcome of a card action as the answer to Teams' invoke (or the Action.Submit fallback). */
function invokeAnswer(outcome: CardOutcome, member: Member, data: Record<string, unknown>): ActionResult {
  const locale = member.locale;
  switch (outcome.kind) {
    case 'card':
      return { response: cardResponse(outcome.card.json) };
    case 'invalid':
      // The form comes back with the person's input kept and a message under each input that did not pass.
      return {
        response: cardResponse(
          showInputErrors(outcome.form.json, data, outcome.errors, t(locale, 'teams.form.invalid')),
        ),
      };
    case 'done':
      return {
        response: outcome.shown ? cardResponse(outcome.shown.json) : messageResponse(outcome.text ?? ''),
        ...(outcome.original ? { replaceOriginal: outcome.original.json as Record<string, unknown> } : {}),
      };
    case 'refused': {
      const { code, params } = outcome.error;
      return { response: cardResponse(renderCard('error', { code, params }, locale).json) };
    }
    case 'badRequest':
      return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
    case 'unknown':
      return { response: messageResponse(t(locale, 'teams.unknownAction')) };
  }
}

/**
 * Runs the verb of a card action (Universal Actions `Action.Execute`, or the `Action.Submit` fallback)
 * through the shared dispatcher and says which card comes next.
 */
export async function runCardAction(
  ctx: ActionContext,
  verb: string,
  data: Record<string, unknown>,
): Promise<ActionResult> {
  const { core, member, channelId } = ctx;
  return invokeAnswer(await runShared(core, { member, verb, data, channelId }), member, data);
}
