import type { z } from 'zod';
import type { FormName } from '../names';
import { type PracticeSubmission, practiceFields, practiceSubmission } from './practice-form';
import { type ProfileSubmission, profileFields, profileSubmission } from './profile-form';
import { type SteeringSubmission, steeringFields, steeringSubmission } from './steering-form';
import { submittedItemIds, type UpdateSubmission, updateFields, updateSubmission } from './update-form';

export { updateInputId } from './fields';
export { inputErrors } from './input-errors';
export type { PracticeSubmission, ProfileSubmission, SteeringSubmission, UpdateSubmission };

/** What the core receives from each form, the same from Teams and from Slack. */
export interface FormSubmissions {
  profile: ProfileSubmission;
  'update-form': UpdateSubmission;
  'practice-form': PracticeSubmission;
  'steering-form': SteeringSubmission;
}

/**
 * The fields a form's submit data has: its input ids and its action data. The update form's depend on
 * the items of the page, which the data names.
 */
export function formFields(name: FormName, raw: unknown): z.ZodObject {
  if (name === 'profile') return profileFields;
  if (name === 'practice-form') return practiceFields;
  if (name === 'steering-form') return steeringFields;
  return updateFields(submittedItemIds(raw));
}

/** The schema that turns a form's submit data into what the core receives. */
export function formSchema<N extends FormName>(name: N, raw: unknown): z.ZodType<FormSubmissions[N]> {
  const schemas: { [K in FormName]: () => z.ZodType<FormSubmissions[K]> } = {
    profile: () => profileSubmission,
    'practice-form': () => practiceSubmission,
    'steering-form': () => steeringSubmission,
    'update-form': () => updateSubmission(submittedItemIds(raw)),
  };
  return schemas[name]();
}

/**
 * Parses a form's submit data (a Teams `Action.Execute`/`Action.Submit` value, or `stateToSubmitData` of a
 * Slack modal). On failure, `inputErrors(result.error, locale)` gives the messages per input id.
 */
export function parseForm<N extends FormName>(
  name: N,
  raw: unknown,
): z.ZodSafeParseResult<FormSubmissions[N]> {
  return formSchema(name, raw).safeParse(raw);
}
