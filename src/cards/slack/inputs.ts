import type { AcChoice, AcInput } from '../adaptive-card';
import { CardError } from '../card-error';
import {
  checkLength,
  EXTERNAL_SELECT_MIN_QUERY,
  type InputElement,
  plain,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackOption,
} from './block-kit';
import { toPlain } from './mrkdwn';

/** Option text longer than Slack allows is shortened with an ellipsis; the value, which is submitted, never is. */
function option(choice: AcChoice): SlackOption {
  const text =
    choice.title.length > SLACK_LIMITS.optionText
      ? `${choice.title.slice(0, SLACK_LIMITS.optionText - 1)}…`
      : choice.title;
  return { text: plain(text), value: choice.value };
}

function tooLarge(card: string, what: string): never {
  throw new CardError('CARD_TOO_LARGE', card, what);
}

const placeholderOf = (input: AcInput, card: string) => {
  if (input.placeholder === undefined) return {};
  checkLength(card, `the placeholder of ${input.id}`, input.placeholder, SLACK_LIMITS.placeholder);
  return { placeholder: plain(input.placeholder) };
};

function textInput(input: AcInput, card: string): InputElement {
  const initial = input.value === undefined || input.value === '' ? undefined : String(input.value);
  if ((input.maxLength ?? 0) > SLACK_LIMITS.textInputLength)
    tooLarge(
      card,
      `${input.id} allows ${input.maxLength} characters; Slack allows ${SLACK_LIMITS.textInputLength}`,
    );
  checkLength(card, `the value of ${input.id}`, initial, SLACK_LIMITS.textInputLength);
  return {
    type: 'plain_text_input',
    action_id: input.id,
    ...(input.isMultiline ? { multiline: true } : {}),
    ...(initial === undefined ? {} : { initial_value: initial }),
    ...(input.maxLength === undefined ? {} : { max_length: input.maxLength }),
    ...placeholderOf(input, card),
  };
}

function numberInput(input: AcInput, card: string): InputElement {
  return {
    type: 'number_input',
    action_id: input.id,
    is_decimal_allowed: false,
    ...(input.value === undefined ? {} : { initial_value: String(input.value) }),
    ...(input.min === undefined ? {} : { min_value: String(input.min) }),
    ...(input.max === undefined ? {} : { max_value: String(input.max) }),
    ...placeholderOf(input, card),
  };
}

function choiceInput(input: AcInput, card: string): InputElement {
  const choices = input.choices ?? [];
  const selected = String(input.value ?? '')
    .split(',')
    .filter(Boolean);
  const initial = choices.filter((c) => selected.includes(c.value)).map(option);
  const base = { action_id: input.id, ...placeholderOf(input, card) };
  if (input['choices.data']?.type === 'Data.Query')
    return {
      type: 'external_select',
      ...base,
      min_query_length: EXTERNAL_SELECT_MIN_QUERY,
      ...(initial[0] ? { initial_option: initial[0] } : {}),
    };
  if (choices.length === 0)
    throw new CardError('CARD_UNSUPPORTED', card, `Input.ChoiceSet ${input.id} has no choices`);
  if (choices.length > SLACK_LIMITS.selectOptions)
    tooLarge(
      card,
      `Input.ChoiceSet ${input.id} has ${choices.length} choices; Slack allows ${SLACK_LIMITS.selectOptions}`,
    );
  for (const choice of choices)
    checkLength(card, `a value of ${input.id}`, choice.value, SLACK_LIMITS.optionValue);
  const options = choices.map(option);
  const fitsToggles = choices.length <= SLACK_LIMITS.toggleOptions;
  if (input.isMultiSelect)
    return {
      type: fitsToggles ? 'checkboxes' : 'multi_static_select',
      action_id: input.id,
      ...(fitsToggles ? {} : placeholderOf(input, card)),
      options,
      ...(initial.length ? { initial_options: initial } : {}),
    };
  const radio = input.style === 'expanded' && fitsToggles;
  return {
    type: radio ? 'radio_buttons' : 'static_select',
    action_id: input.id,
    ...(radio ? {} : placeholderOf(input, card)),
    options,
    ...(initial[0] ? { initial_option: initial[0] } : {}),
  };
}

function toggleInput(input: AcInput): InputElement {
  const on = option({ title: toPlain(input.title ?? ''), value: input.valueOn ?? 'true' });
  return {
    type: 'checkboxes',
    action_id: input.id,
    options: [on],
    ...(String(input.value) === on.value ? { initial_options: [on] } : {}),
  };
}

function dateInput(input: AcInput, card: string): InputElement {
  return {
    type: 'datepicker',
    action_id: input.id,
    ...(input.value ? { initial_date: String(input.value) } : {}),
    ...placeholderOf(input, card),
  };
}

/** An Adaptive Card input as a Slack input block: block_id and action_id are the input id. */
export function inputBlock(input: AcInput, card: string): SlackBlock {
  const label = input.label ?? input.title;
  if (!label) throw new CardError('CARD_UNSUPPORTED', card, `${input.type} ${input.id} has no label`);
  checkLength(card, `the id ${input.id}`, input.id, SLACK_LIMITS.blockId);
  checkLength(card, `the label of ${input.id}`, label, SLACK_LIMITS.inputLabel);
  const elements: Record<AcInput['type'], () => InputElement> = {
    'Input.Text': () => textInput(input, card),
    'Input.Number': () => numberInput(input, card),
    'Input.ChoiceSet': () => choiceInput(input, card),
    'Input.Toggle': () => toggleInput(input),
    'Input.Date': () => dateInput(input, card),
  };
  return {
    type: 'input',
    block_id: input.id,
    label: plain(toPlain(label)),
    // An unticked toggle is an answer ("false"), so Slack must not demand a tick.
    optional: input.type === 'Input.Toggle' || !input.isRequired,
    element: elements[input.type](),
  };
}
