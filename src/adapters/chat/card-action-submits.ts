import type { z } from 'zod';
import { type BoundCard, inputErrors, parseForm, renderCard } from '../../cards/index';
import { practiceViewData, receiptData } from '../../cards/member-data';
import type { Core } from '../../core/index';
import { t } from '../../i18n/index';
import { cycleData, submittedForm, updateForm } from './card-action-forms';
import type { CardAction, CardOutcome } from './card-actions';

/** The verbs of a form's submit button: their data is the form's inputs, checked with the form's schema. */
export const SUBMIT_VERBS = [
  'update.submit',
  'update.page',
  'profile.submit',
  'practice.submit',
  'steering.submit',
] as const;
export type SubmitVerb = (typeof SUBMIT_VERBS)[number];

export const isSubmitVerb = (verb: string): verb is SubmitVerb =>
  (SUBMIT_VERBS as readonly string[]).includes(verb);

const BAD_REQUEST: CardOutcome = { kind: 'badRequest' };

/** The form again, with a message per input that did not pass (the form as shown, or read anew). */
async function invalid(core: Core, action: CardAction, error: z.ZodError, shown?: BoundCard) {
  const form = shown ?? (await submittedForm(core, action));
  if (!form) return BAD_REQUEST;
  return { kind: 'invalid', form, errors: inputErrors(error, action.member.locale) } satisfies CardOutcome;
}

/**
 * A page of the update form: the answers are stored; "previous/next" shows the other page, a submit the
 * receipt, which also replaces the check-in message. A form in a modal stays a form while paging, and
 * its receipt replaces the check-in in the chat, so it starts at the first page.
 */
async function update(
  core: Core,
  action: CardAction,
  verb: 'update.submit' | 'update.page',
  shown?: BoundCard,
): Promise<CardOutcome> {
  const { member, data } = action;
  if (!cycleData.safeParse(data).success) return BAD_REQUEST;
  const parsed = parseForm('update-form', { ...data, verb });
  if (!parsed.success) return invalid(core, action, parsed.error, shown);
  const { cycleId, answers, page, goTo } = parsed.data;
  await core.submitUpdate(member.id, { cycleId, answers });
  if (verb === 'update.page' && (goTo !== null || action.inModal))
    return { kind: 'card', card: await updateForm(core, member, cycleId, goTo ?? page) };
  const receipt = renderCard(
    'update-receipt',
    await receiptData(core, member, cycleId, action.inModal ? 1 : page, core.deps.clock.now()),
    member.locale,
  );
  return { kind: 'done', shown: receipt, original: receipt };
}

async function profile(core: Core, action: CardAction, shown?: BoundCard): Promise<CardOutcome> {
  const { member } = action;
  const parsed = parseForm('profile', { ...action.data, verb: 'profile.submit' });
  if (!parsed.success) return invalid(core, action, parsed.error, shown);
  if (parsed.data.boardId !== member.boardId) await core.chooseBoard(member.id, parsed.data.boardId);
  const saved = await core.setProfile(member.id, {
    locale: parsed.data.locale,
    timeZone: parsed.data.timeZone,
    peerContact: parsed.data.peerContact,
  });
  return { kind: 'done', text: t(saved.locale, 'teams.profile.saved'), member: saved };
}

/** A shared practice is shown in place of its form (for everyone who sees the message). */
async function practice(core: Core, action: CardAction, shown?: BoundCard): Promise<CardOutcome> {
  const { member } = action;
  const parsed = parseForm('practice-form', { ...action.data, verb: 'practice.submit' });
  if (!parsed.success) return invalid(core, action, parsed.error, shown);
  const { agendaId, title, description, ambitionIds, instruments, contact } = parsed.data;
  const shared = await core.sharePracticeFrom(member.id, action.channelId, {
    workspaceId: member.workspaceId,
    agendaId,
    title,
    description,
    ambitionIds,
    instruments,
    contact,
  });
  const view = renderCard('practice-view', await practiceViewData(core, shared, member), member.locale);
  return { kind: 'done', shown: view, original: view };
}

async function steering(core: Core, action: CardAction, shown?: BoundCard): Promise<CardOutcome> {
  const { member } = action;
  const parsed = parseForm('steering-form', { ...action.data, verb: 'steering.submit' });
  if (!parsed.success) return invalid(core, action, parsed.error, shown);
  const decision = await core.decideSteering({ memberId: member.id }, parsed.data);
  const { ambition } = core.agendas.findAmbition(decision.ambitionId, decision.agendaId);
  return { kind: 'done', text: t(member.locale, 'steering.saved', { number: ambition.number }) };
}

/** Runs a form's submit; `shown` is the form as the person saw it, when the door has it at hand. */
export function submit(
  core: Core,
  action: CardAction,
  verb: SubmitVerb,
  shown?: BoundCard,
): Promise<CardOutcome> {
  switch (verb) {
    case 'update.submit':
    case 'update.page':
      return update(core, action, verb, shown);
    case 'profile.submit':
      return profile(core, action, shown);
    case 'practice.submit':
      return practice(core, action, shown);
    case 'steering.submit':
      return steering(core, action, shown);
  }
}
