import { CardError } from '../card-error';

/** The Block Kit shapes the translator writes, and Slack's documented limits on them. */

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  inputLabel: 2000,
  placeholder: 150,
  textInputLength: 3000,
  selectOptions: 100,
  /** checkboxes and radio_buttons */
  toggleOptions: 10,
  optionText: 75,
  optionValue: 150,
} as const;

/** How many characters Slack needs before `external_select` asks the app for options. */
export const EXTERNAL_SELECT_MIN_QUERY = 2;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}

export interface SlackOption {
  text: PlainText;
  value: string;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id?: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

/** An input element: plain_text_input, number_input, static_select, external_select, … */
export interface InputElement {
  type: string;
  action_id: string;
  [property: string]: unknown;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: ButtonElement[] }
  | { type: 'input'; block_id: string; label: PlainText; optional: boolean; element: InputElement };

export interface SlackMessage {
  /** The notification and fallback text. */
  text: string;
  blocks: SlackBlock[];
}

export interface SlackModal {
  type: 'modal';
  title: PlainText;
  submit?: PlainText;
  close: PlainText;
  /** The verb of the card's submit action. */
  callback_id: string;
  /** JSON of the submit action's data: `stateToSubmitData` merges it back. */
  private_metadata: string;
  blocks: SlackBlock[];
}

export const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });
export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

/** Refuses text longer than Slack allows, naming the card and the text. */
export function checkLength(card: string, what: string, text: string | undefined, max: number): void {
  if (text !== undefined && text.length > max)
    throw new CardError('CARD_TOO_LARGE', card, `${what} is ${text.length} characters; Slack allows ${max}`);
}
