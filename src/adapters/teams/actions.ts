import { z } from 'zod';
import { inputErrors, parseForm, renderCard } from '../../cards/index';
import {
  checkinData,
  practiceFormData,
  practiceViewData,
  profileData,
  receiptData,
  updateFormData,
  welcomeData,
} from '../../cards/member-data';
import { steeringFormData } from '../../cards/steering-data';
import { isAppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { type Locale, t } from '../../i18n/index';
import { isPeerVerb, runPeerAction } from '../chat/peer-actions';
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

const cycleData = z.object({
  cycleId: z.string().min(1).max(200),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

const refreshData = z.object({ card: z.enum(['welcome']) });

const card = (json: object): ActionResult => ({ response: cardResponse(json) });

function errorCard(locale: Locale, err: unknown): ActionResult | null {
  if (!isAppError(err)) return null;
  return card(renderCard('error', { code: err.code, params: err.params }, locale).json);
}

function invalidForm(
  form: object,
  data: Record<string, unknown>,
  error: z.ZodError,
  locale: Locale,
): ActionResult {
  return card(showInputErrors(form, data, inputErrors(error, locale), t(locale, 'teams.form.invalid')));
}

async function updateAction(
  ctx: ActionContext,
  verb: 'update.submit' | 'update.page',
  data: Record<string, unknown>,
): Promise<ActionResult> {
  const { core, member } = ctx;
  const locale = member.locale;
  const where = cycleData.safeParse(data);
  if (!where.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
  const parsed = parseForm('update-form', { ...data, verb });
  if (!parsed.success) {
    const form = renderCard(
      'update-form',
      await updateFormData(core, member, where.data.cycleId, where.data.page),
      locale,
    );
    return invalidForm(form.json, data, parsed.error, locale);
  }
  const submission = parsed.data;
  await core.submitUpdate(member.id, { cycleId: submission.cycleId, answers: submission.answers });
  if (verb === 'update.page' && submission.goTo !== null) {
    const next = await updateFormData(core, member, submission.cycleId, submission.goTo);
    return card(renderCard('update-form', next, locale).json);
  }
  const receipt = renderCard(
    'update-receipt',
    await receiptData(core, member, submission.cycleId, submission.page, core.deps.clock.now()),
    locale,
  ).json;
  return { response: cardResponse(receipt), replaceOriginal: receipt as Record<string, unknown> };
}

async function profileAction(ctx: ActionContext, data: Record<string, unknown>): Promise<ActionResult> {
  const { core, member } = ctx;
  const locale = member.locale;
  const parsed = parseForm('profile', { ...data, verb: 'profile.submit' });
  if (!parsed.success)
    return invalidForm(
      renderCard('profile', await profileData(core, member), locale).json,
      data,
      parsed.error,
      locale,
    );
  if (parsed.data.boardId !== member.boardId) await core.chooseBoard(member.id, parsed.data.boardId);
  const updated = await core.setProfile(member.id, {
    locale: parsed.data.locale,
    timeZone: parsed.data.timeZone,
    peerContact: parsed.data.peerContact,
  });
  return { response: messageResponse(t(updated.locale, 'teams.profile.saved')) };
}

async function practiceAction(ctx: ActionContext, data: Record<string, unknown>): Promise<ActionResult> {
  const { core, member, channelId } = ctx;
  const locale = member.locale;
  const parsed = parseForm('practice-form', { ...data, verb: 'practice.submit' });
  if (!parsed.success) {
    const form = renderCard('practice-form', await practiceFormData(core, member, channelId), locale);
    return invalidForm(form.json, data, parsed.error, locale);
  }
  const community = channelId
    ? await core.deps.store.repos.communities.findByChannel(member.workspaceId, channelId)
    : null;
  const practice = await core.sharePractice(member.id, {
    workspaceId: member.workspaceId,
    channelId: community ? (channelId ?? undefined) : undefined,
    agendaId: parsed.data.agendaId,
    title: parsed.data.title,
    description: parsed.data.description,
    ambitionIds: parsed.data.ambitionIds,
    instruments: parsed.data.instruments,
    contact: parsed.data.contact,
  });
  const view = renderCard('practice-view', await practiceViewData(core, practice, member), locale).json;
  return { response: cardResponse(view), replaceOriginal: view as Record<string, unknown> };
}

async function steeringAction(ctx: ActionContext, data: Record<string, unknown>): Promise<ActionResult> {
  const { core, member } = ctx;
  const locale = member.locale;
  const parsed = parseForm('steering-form', { ...data, verb: 'steering.submit' });
  if (!parsed.success) {
    const where = cycleData.safeParse(data);
    if (!where.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
    const form = renderCard(
      'steering-form',
      await steeringFormData(core, member, where.data.cycleId),
      locale,
    );
    return invalidForm(form.json, data, parsed.error, locale);
  }
  const decision = await core.decideSteering({ memberId: member.id }, parsed.data);
  const { ambition } = core.agendas.findAmbition(decision.ambitionId, decision.agendaId);
  return { response: messageResponse(t(locale, 'steering.saved', { number: ambition.number })) };
}

/**
 * Runs the verb of a card action (Universal Actions `Action.Execute`, or the `Action.Submit` fallback)
 * and says which card comes next. Form input is checked with the form's schema; what does not pass
 * comes back on the card, with the person's input kept.
 */
export async function runCardAction(
  ctx: ActionContext,
  verb: string,
  data: Record<string, unknown>,
): Promise<ActionResult> {
  const { core, member } = ctx;
  const locale = member.locale;
  try {
    switch (verb) {
      case 'checkin.open':
      case 'update.edit': {
        const where = cycleData.safeParse(data);
        if (!where.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
        const form = await updateFormData(core, member, where.data.cycleId, where.data.page);
        return card(renderCard('update-form', form, locale).json);
      }
      case 'update.submit':
      case 'update.page':
        return await updateAction(ctx, verb, data);
      case 'profile.open':
        return card(renderCard('profile', await profileData(core, member), locale).json);
      case 'profile.submit':
        return await profileAction(ctx, data);
      case 'practice.open':
        return card(
          renderCard('practice-form', await practiceFormData(core, member, ctx.channelId), locale).json,
        );
      case 'practice.submit':
        return await practiceAction(ctx, data);
      case 'steering.submit':
        return await steeringAction(ctx, data);
      case 'cycle.remind': {
        const where = cycleData.safeParse(data);
        if (!where.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
        const result = await core.remindNow({ memberId: member.id }, where.data.cycleId);
        return { response: messageResponse(t(locale, 'chat.cycle.reminded', { count: result.queued })) };
      }
      case 'refresh': {
        const which = refreshData.safeParse(data);
        if (!which.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
        return card(renderCard('welcome', await welcomeData(core, member), locale).json);
      }
      case 'checkin.view': {
        const where = cycleData.safeParse(data);
        if (!where.success) return { response: badRequestResponse(t(locale, 'teams.badRequest')) };
        return card(renderCard('checkin', await checkinData(core, member, where.data.cycleId), locale).json);
      }
      default:
        if (isPeerVerb(verb)) {
          const { text, card: now } = await runPeerAction(core, member, verb, data);
          return { response: messageResponse(text), ...(now ? { replaceOriginal: now.json } : {}) };
        }
        return { response: messageResponse(t(locale, 'teams.unknownAction')) };
    }
  } catch (err) {
    const refused = errorCard(locale, err);
    if (refused) return refused;
    throw err;
  }
}
