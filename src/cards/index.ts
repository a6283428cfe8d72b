/** Cards: bind the templates in cards/ to data, translate them to Block Kit, and parse what forms submit. */
export type { AcCard } from './adaptive-card';
export { CardError, type CardErrorCode } from './card-error';
export type * from './data';
export {
  type FormSubmissions,
  formFields,
  formSchema,
  inputErrors,
  type PracticeSubmission,
  type ProfileSubmission,
  parseForm,
  type UpdateSubmission,
  updateInputId,
} from './forms/index';
export {
  CARD_NAMES,
  CARD_VERBS,
  type CardName,
  type CardVerb,
  FORM_NAMES,
  type FormName,
  isFormName,
} from './names';
export { ITEMS_PER_PAGE, pageOf } from './paging';
export { previewCard } from './preview';
export * from './render/index';
export type { SlackMessage, SlackModal } from './slack/block-kit';
export { type SlackStateValue, type SlackViewStateValues, stateToSubmitData } from './slack/state';
export { toSlackMessage, toSlackModal } from './slack/surfaces';
export type { BoundCard } from './template';
