import { type AcInput, inputsOf } from '../adaptive-card';
import type { BoundCard } from '../template';
import type { SlackOption } from './block-kit';

/** One element's state in a view_submission or block_actions payload (`view.state.values[blockId][actionId]`). */
export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_option?: SlackOption | null;
  selected_options?: SlackOption[];
  selected_date?: string | null;
}

export type SlackViewStateValues = Record<string, Record<string, SlackStateValue>>;

/** The value as an Adaptive Card submit gives it: a string, '' when there is none. */
function submittedValue(input: AcInput, state: SlackStateValue | undefined): string {
  switch (input.type) {
    case 'Input.Toggle':
      return state?.selected_options?.length ? (input.valueOn ?? 'true') : (input.valueOff ?? 'false');
    case 'Input.ChoiceSet': {
      if (!input.isMultiSelect) return state?.selected_option?.value ?? '';
      // Teams lists the chosen values in the order of the choices, whatever order they were ticked in.
      const chosen = new Set((state?.selected_options ?? []).map((o) => o.value));
      return (input.choices ?? [])
        .filter((c) => chosen.has(c.value))
        .map((c) => c.value)
        .join(',');
    }
    case 'Input.Date':
      return state?.selected_date ?? '';
    default:
      return state?.value ?? '';
  }
}

/**
 * Slack's `view.state.values` as the data an Adaptive Card submit gives: the action's data (the modal's
 * private_metadata, or the value of a button pressed in the modal) with each input id set to its value
 * as a string; inputs without a value are left out, as Teams leaves them out.
 */
export function stateToSubmitData(
  card: BoundCard,
  values: SlackViewStateValues,
  privateMetadata: string,
): Record<string, unknown> {
  const data: Record<string, unknown> = privateMetadata ? JSON.parse(privateMetadata) : {};
  for (const input of inputsOf(card.json)) {
    const value = submittedValue(input, values[input.id]?.[input.id]);
    if (value !== '') data[input.id] = value;
  }
  return data;
}
