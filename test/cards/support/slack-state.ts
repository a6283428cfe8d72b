import type { SlackModal, SlackStateValue, SlackViewStateValues } from '../../../src/cards/index';

interface Option {
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
}

/**
 * `view.state.values` as Slack documents it for a view_submission, for a person who entered `answers`
 * (input id → the string they mean) in the modal. Built from the modal's own elements, as Slack does:
 * a chosen option comes back as the option object the modal offered.
 */
export function slackStateFor(modal: SlackModal, answers: Record<string, string>): SlackViewStateValues {
  const values: SlackViewStateValues = {};
  for (const block of modal.blocks) {
    if (block.type !== 'input') continue;
    const { element } = block;
    const answer = answers[block.block_id];
    const options = (element.options as Option[] | undefined) ?? [];
    const chosen = (answer ?? '').split(',');
    let state: SlackStateValue;
    switch (element.type) {
      case 'plain_text_input':
      case 'number_input':
        state = { type: element.type, value: answer || null };
        break;
      case 'static_select':
      case 'radio_buttons':
        state = { type: element.type, selected_option: options.find((o) => o.value === answer) ?? null };
        break;
      case 'external_select':
        // The options came from the app's options endpoint; Slack returns the one chosen.
        state = {
          type: element.type,
          selected_option: answer
            ? { text: { type: 'plain_text', text: `Bestuur ${answer}`, emoji: true }, value: answer }
            : null,
        };
        break;
      case 'checkboxes':
      case 'multi_static_select':
        // In the order they were ticked, here the reverse of the list.
        state = {
          type: element.type,
          selected_options: options.filter((o) => chosen.includes(o.value)).reverse(),
        };
        break;
      case 'datepicker':
        state = { type: element.type, selected_date: answer || null };
        break;
      default:
        throw new Error(`no Slack state for ${element.type}`);
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}
