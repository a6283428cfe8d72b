/** The cards, one template each in cards/<name>.json. */
export const CARD_NAMES = [
  'welcome',
  'profile',
  'profile-prompt',
  'checkin',
  'update-form',
  'update-receipt',
  'practice-form',
  'practice-view',
  'steering-form',
  'peer-offer',
  'peer-request',
  'summary',
  'cycle-status',
  'error',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** The cards that ask for input: Teams shows them as a card, Slack opens them in a modal. */
export const FORM_NAMES = ['profile', 'update-form', 'practice-form', 'steering-form'] as const;
export type FormName = (typeof FORM_NAMES)[number];

export function isFormName(name: CardName): name is FormName {
  return (FORM_NAMES as readonly string[]).includes(name);
}

/**
 * The verbs of the cards' actions: the Teams `Action.Execute` verb, the `verb` field in the data of its
 * `Action.Submit` fallback, and on Slack the button's action_id or the modal's callback_id.
 */
export const CARD_VERBS = [
  'profile.open',
  'profile.submit',
  'checkin.open',
  'update.submit',
  'update.page',
  'update.edit',
  'practice.submit',
  'steering.submit',
  'cycle.remind',
  'peer.ask',
  'peer.accept',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];
