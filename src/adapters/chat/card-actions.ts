import { z } from 'zod';
import { type BoundCard, renderCard } from '../../cards/index';
import { checkinData, practiceFormData, profileData, welcomeData } from '../../cards/member-data';
import { memberText } from '../../cards/member-text';
import { type AppError, isAppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';
import { cycleData, submittedForm, updateForm } from './card-action-forms';
import { isSubmitVerb, submit } from './card-action-submits';
import { isPeerVerb, runPeerAction } from './peer-actions';

/**
 * One way for a card action, the same on Slack and Teams: the verb and its data (parsed with the form's
 * schema), one call to the core, and what the person sees next as an outcome each door shows its own way.
 */

/** A button pressed or a form submitted, as the door read it from its payload. */
export interface CardAction {
  member: Member;
  verb: string;
  /** The card's action data with each input's value, as an Adaptive Card submit gives it. */
  data: Record<string, unknown>;
  /** The channel (or group chat) the card or modal came from; null in a 1:1 chat. */
  channelId: string | null;
  /** The form is in a modal over the chat (Slack) rather than the card itself (Teams). */
  inModal?: boolean;
}

export type CardOutcome =
  /** A card to show next: Teams shows it in place, Slack opens (or updates) a modal. */
  | { kind: 'card'; card: BoundCard }
  /** The form again with a message per input that did not pass (Teams on the card, Slack beside the inputs). */
  | { kind: 'invalid'; form: BoundCard; errors: Record<string, string> }
  /**
   * Done: `text` or `shown` tells the person, `original` replaces the message acted on for everyone,
   * `member` is the person as they are now (after a profile change).
   */
  | { kind: 'done'; text?: string; shown?: BoundCard; original?: BoundCard; member?: Member }
  /** Refused by the core (closed cycle, not a coordinator …): shown as the error card. */
  | { kind: 'refused'; error: AppError }
  /** The action's own data could not be read (not the person's input). */
  | { kind: 'badRequest' }
  /** A verb this version does not know (a button on an old message). */
  | { kind: 'unknown' };

const refreshData = z.object({ card: z.enum(['welcome']) });

const shown = (card: BoundCard): CardOutcome => ({ kind: 'card', card });

/** The buttons that show a card or ask the core something, without a form to read. */
async function press(core: Core, action: CardAction): Promise<CardOutcome> {
  const { member, verb, data } = action;
  const locale = member.locale;
  const where = cycleData.safeParse(data);
  switch (verb) {
    case 'checkin.open':
    case 'update.edit':
      if (!where.success) return { kind: 'badRequest' };
      return shown(await updateForm(core, member, where.data.cycleId, where.data.page));
    case 'checkin.view':
      if (!where.success) return { kind: 'badRequest' };
      return shown(renderCard('checkin', await checkinData(core, member, where.data.cycleId), locale));
    case 'profile.open':
      return shown(renderCard('profile', await profileData(core, member), locale));
    case 'practice.open':
      return shown(
        renderCard('practice-form', await practiceFormData(core, member, action.channelId), locale),
      );
    case 'refresh':
      if (!refreshData.safeParse(data).success) return { kind: 'badRequest' };
      return shown(renderCard('welcome', await welcomeData(core, member), locale));
    case 'cycle.remind': {
      if (!where.success) return { kind: 'badRequest' };
      const { queued } = await core.remindNow({ memberId: member.id }, where.data.cycleId);
      return { kind: 'done', text: t(locale, 'chat.cycle.reminded', { count: queued }) };
    }
    case 'cycle.close': {
      if (!where.success) return { kind: 'badRequest' };
      const cycle = await core.closeCycle({ memberId: member.id }, where.data.cycleId);
      return { kind: 'done', text: t(locale, 'chat.cycle.closed', { name: memberText(cycle.name) }) };
    }
    default:
      if (isPeerVerb(verb)) {
        const { text, card } = await runPeerAction(core, member, verb, data);
        return { kind: 'done', text, ...(card ? { original: card } : {}) };
      }
      return { kind: 'unknown' };
  }
}

/** Refusals of the core become an outcome; anything unexpected goes on to the door's error handling. */
async function refusalsShown(run: () => Promise<CardOutcome>): Promise<CardOutcome> {
  try {
    return await run();
  } catch (err) {
    if (isAppError(err)) return { kind: 'refused', error: err };
    throw err;
  }
}

/** Runs a card action whose data holds everything (a Teams card, a Slack button). */
export function runCardAction(core: Core, action: CardAction): Promise<CardOutcome> {
  return refusalsShown(() =>
    isSubmitVerb(action.verb) ? submit(core, action, action.verb) : press(core, action),
  );
}

/**
 * Runs the submit of a form shown elsewhere (a Slack modal): `action.data` is the card's own data, which
 * names the form; `read` takes the person's input from the payload against that form.
 */
export function runFormAction(
  core: Core,
  action: CardAction,
  read: (form: BoundCard) => Record<string, unknown>,
): Promise<CardOutcome> {
  const verb = action.verb;
  if (!isSubmitVerb(verb)) return Promise.resolve({ kind: 'unknown' });
  return refusalsShown(async () => {
    const form = await submittedForm(core, action);
    if (!form) return { kind: 'badRequest' };
    return submit(core, { ...action, data: read(form) }, verb, form);
  });
}
