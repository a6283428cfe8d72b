import type { SlackMessage, SlackModal } from '../../../src/cards/index';

/** Slack's documented Block Kit limits, checked independently of the translator. */
interface Text {
  text: string;
}
type Json = Record<string, unknown>;

const at = (value: unknown, key: string) => (value as Json)[key];

/** Every limit Slack sets that a translated card could break, as a list of what is broken. */
export function slackLimitViolations(surface: SlackMessage | SlackModal): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const isModal = 'type' in surface && surface.type === 'modal';
  check(surface.blocks.length <= (isModal ? 100 : 50), `${surface.blocks.length} blocks`);
  if (isModal) {
    const modal = surface as SlackModal;
    check(modal.title.text.length <= 24, `modal title ${modal.title.text}`);
    check((modal.submit?.text.length ?? 0) <= 24, 'submit label');
    check(modal.close.text.length <= 24, 'close label');
    check(modal.private_metadata.length <= 3000, 'private_metadata');
    check(modal.callback_id.length <= 255, 'callback_id');
  }
  const blockIds = new Set<string>();
  for (const block of surface.blocks as Json[]) {
    const blockId = at(block, 'block_id') as string | undefined;
    if (blockId !== undefined) {
      check(blockId.length <= 255, `block_id ${blockId}`);
      check(!blockIds.has(blockId), `duplicate block_id ${blockId}`);
      blockIds.add(blockId);
    }
    switch (block.type) {
      case 'header':
        check((block.text as Text).text.length <= 150, 'header text');
        break;
      case 'section': {
        const fields = (block.fields as Text[] | undefined) ?? [];
        check(block.text !== undefined || fields.length > 0, 'empty section');
        check(((block.text as Text | undefined)?.text.length ?? 0) <= 3000, 'section text');
        check(fields.length <= 10, 'section fields');
        for (const f of fields) check(f.text.length <= 2000, 'section field text');
        break;
      }
      case 'context': {
        const elements = block.elements as Text[];
        check(elements.length <= 10, 'context elements');
        for (const e of elements) check(e.text.length <= 3000, 'context text');
        break;
      }
      case 'actions': {
        const elements = block.elements as Json[];
        check(elements.length <= 25, 'actions elements');
        const ids = elements.map((e) => e.action_id).filter((id) => id !== undefined);
        check(new Set(ids).size === ids.length, 'duplicate action_id in an actions block');
        for (const e of elements) {
          check((e.text as Text).text.length <= 75, `button text ${(e.text as Text).text}`);
          check(String(e.value ?? '').length <= 2000, 'button value');
          check(String(e.action_id ?? '').length <= 255, 'button action_id');
          check(String(e.url ?? '').length <= 3000, 'button url');
        }
        break;
      }
      case 'input': {
        const element = block.element as Json;
        check((block.label as Text).text.length <= 2000, 'input label');
        check(String(element.action_id).length <= 255, 'input action_id');
        check(((element.placeholder as Text | undefined)?.text.length ?? 0) <= 150, 'placeholder');
        const options = (element.options as { text: Text; value: string }[] | undefined) ?? [];
        const toggles = element.type === 'checkboxes' || element.type === 'radio_buttons';
        check(options.length <= (toggles ? 10 : 100), `${options.length} options in ${element.type}`);
        for (const o of options) {
          check(o.text.text.length <= 75, `option text ${o.text.text}`);
          check(o.value.length <= 150, 'option value');
        }
        if (element.type === 'plain_text_input') {
          check(Number(element.max_length ?? 0) <= 3000, 'max_length');
          check(String(element.initial_value ?? '').length <= 3000, 'initial_value');
        }
        break;
      }
      default:
        problems.push(`unexpected block type ${String(block.type)}`);
    }
  }
  return problems;
}
