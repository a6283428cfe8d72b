import type { SlackView } from './slack-door';

type Option = { value: string; text: { type?: string; text: string } };
type InputBlock = {
  type: string;
  block_id?: string;
  element?: { type: string; action_id: string; options?: Option[] };
};

/**
 * What a member fills in on the update form in a Slack modal, as Slack returns it in view.state: every
 * item on track at 50 %, something done; `steeringOn` ticks "steering needed" for one item, with
 * `explanation` (empty: left out, which the form must refuse).
 */
export function slackUpdateAnswers(
  view: SlackView,
  options: { steeringOn?: string; explanation?: string; status?: string } = {},
): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks as InputBlock[]) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const [field, item] = block.block_id.split('__');
    const element = block.element;
    const pick = (value: string) => ({
      type: element.type,
      selected_option: element.options?.find((o) => o.value === value) ?? null,
    });
    switch (field) {
      case 'status':
        values[block.block_id] = pick(options.status ?? 'on_track');
        break;
      case 'progress':
        values[block.block_id] = { type: element.type, value: '50' };
        break;
      case 'done':
        values[block.block_id] = { type: element.type, value: `Gedaan voor ${item}` };
        break;
      case 'steering': {
        const on = item === options.steeringOn;
        values[block.block_id] = {
          type: element.type,
          selected_options: on ? (element.options ?? []).slice(0, 1) : [],
        };
        break;
      }
      case 'explanation':
        values[block.block_id] = {
          type: element.type,
          value: item === options.steeringOn && options.explanation ? options.explanation : null,
        };
        break;
      default:
        values[block.block_id] = { type: element.type, value: null };
    }
  }
  return values;
}

/** The same answers as Teams sends them with an Action.Execute: input id → value, strings throughout. */
export function teamsUpdateAnswers(
  itemIds: string[],
  options: { steeringOn?: string; explanation?: string } = {},
): Record<string, string> {
  const data: Record<string, string> = {};
  for (const item of itemIds) {
    data[`status__${item}`] = 'on_track';
    data[`progress__${item}`] = '50';
    data[`done__${item}`] = `Gedaan voor ${item}`;
    data[`steering__${item}`] = item === options.steeringOn ? 'true' : 'false';
    if (item === options.steeringOn && options.explanation)
      data[`explanation__${item}`] = options.explanation;
  }
  return data;
}
