import {
  type AcFactSet,
  type AcNode,
  type AcOpenUrlAction,
  type AcTextBlock,
  childrenOf,
  isInput,
  isSubmitAction,
  verbOf,
} from '../adaptive-card';
import { CardError } from '../card-error';
import { type ButtonElement, mrkdwn, plain, SLACK_LIMITS, type SlackBlock } from './block-kit';
import { inputBlock } from './inputs';
import { bold, splitText, toMrkdwn, toPlain } from './mrkdwn';

export type Surface = 'message' | 'modal';

function unsupported(
  card: string,
  type: string,
  why = 'Slack has no equivalent the translator supports',
): never {
  throw new CardError('CARD_UNSUPPORTED', card, `element ${type} cannot be shown on Slack: ${why}`);
}

function sections(text: string): SlackBlock[] {
  return splitText(text, SLACK_LIMITS.sectionText).map((part) => ({ type: 'section', text: mrkdwn(part) }));
}

/** heading → header; subtle or small → context; bolder → bold section; otherwise a section. */
function textBlocks(node: AcTextBlock): SlackBlock[] {
  const large = node.size === 'Large' || node.size === 'ExtraLarge';
  if (node.style === 'heading' || large) {
    const text = toPlain(node.text);
    if (text.length <= SLACK_LIMITS.headerText && !text.includes('\n'))
      return [{ type: 'header', text: plain(text) }];
    return sections(bold(toMrkdwn(node.text)));
  }
  if (node.isSubtle || node.size === 'Small')
    return splitText(toMrkdwn(node.text), SLACK_LIMITS.sectionText).map((part) => ({
      type: 'context',
      elements: [mrkdwn(part)],
    }));
  return sections(node.weight === 'Bolder' ? bold(toMrkdwn(node.text)) : toMrkdwn(node.text));
}

/** Facts as two-column section fields where they fit (10 a section, 2,000 characters each), else as lines. */
function factBlocks(node: AcFactSet): SlackBlock[] {
  const fields = node.facts.map((f) => `*${toMrkdwn(f.title)}*\n${toMrkdwn(f.value)}`);
  if (fields.every((f) => f.length <= SLACK_LIMITS.fieldText)) {
    const blocks: SlackBlock[] = [];
    for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields)
      blocks.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.sectionFields).map(mrkdwn) });
    return blocks;
  }
  return sections(node.facts.map((f) => `*${toMrkdwn(f.title)}*: ${toMrkdwn(f.value)}`).join('\n'));
}

function button(action: AcNode, card: string): ButtonElement {
  const title = String(action.title ?? '');
  if (title.length === 0 || title.length > SLACK_LIMITS.buttonText)
    throw new CardError(
      'CARD_TOO_LARGE',
      card,
      `button "${title}" must have 1 to ${SLACK_LIMITS.buttonText} characters`,
    );
  if (action.type === 'Action.OpenUrl') {
    const { url } = action as AcOpenUrlAction;
    if (url.length > SLACK_LIMITS.buttonUrl)
      throw new CardError('CARD_TOO_LARGE', card, `the link of "${title}" is too long`);
    return { type: 'button', text: plain(title), url };
  }
  if (!isSubmitAction(action)) return unsupported(card, action.type);
  const verb = verbOf(action);
  if (!verb) throw new CardError('CARD_UNSUPPORTED', card, `action "${title}" has no verb`);
  const value = JSON.stringify(action.data ?? {});
  if (value.length > SLACK_LIMITS.buttonValue)
    throw new CardError(
      'CARD_TOO_LARGE',
      card,
      `the data of "${title}" is ${value.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}`,
    );
  const style =
    action.style === 'positive' ? 'primary' : action.style === 'destructive' ? 'danger' : undefined;
  return { type: 'button', text: plain(title), action_id: verb, value, ...(style ? { style } : {}) };
}

/**
 * Actions as buttons (action_id = verb, value = JSON of the data). An action_id must be unique within its
 * block, so a second button with the same verb starts a new actions block.
 */
export function actionBlocks(actions: readonly AcNode[], card: string): SlackBlock[] {
  const blocks: { type: 'actions'; elements: ButtonElement[] }[] = [];
  for (const action of actions) {
    const element = button(action, card);
    const last = blocks.at(-1);
    const clash = last?.elements.some((e) => e.action_id !== undefined && e.action_id === element.action_id);
    if (!last || clash || last.elements.length >= SLACK_LIMITS.actionsElements)
      blocks.push({ type: 'actions', elements: [element] });
    else last.elements.push(element);
  }
  return blocks;
}

function nodeBlocks(node: AcNode, card: string, surface: Surface): SlackBlock[] {
  switch (node.type) {
    case 'TextBlock':
      return textBlocks(node as AcTextBlock);
    case 'FactSet':
      return factBlocks(node as AcFactSet);
    case 'Container':
    case 'ColumnSet':
      return childrenOf(node).flatMap((child) => nodeBlocks(child, card, surface));
    case 'ActionSet':
      return actionBlocks((node.actions as AcNode[] | undefined) ?? [], card);
    default:
      if (!isInput(node)) return unsupported(card, node.type);
      if (surface === 'message') return unsupported(card, node.type, 'inputs are shown in a modal');
      return [inputBlock(node, card)];
  }
}

/** Adjacent plain sections become one while they fit, so a heading and its text take one block. */
function mergeSections(blocks: SlackBlock[]): SlackBlock[] {
  const merged: SlackBlock[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (
      last?.type === 'section' &&
      block.type === 'section' &&
      last.text &&
      block.text &&
      !last.fields &&
      !block.fields
    ) {
      const text = `${last.text.text}\n${block.text.text}`;
      if (text.length <= SLACK_LIMITS.sectionText) {
        merged[merged.length - 1] = { type: 'section', text: mrkdwn(text) };
        continue;
      }
    }
    merged.push(block);
  }
  return merged;
}

/** The card body as blocks; anything the translator does not know is refused, naming the element and card. */
export function bodyBlocks(body: readonly AcNode[], card: string, surface: Surface): SlackBlock[] {
  return mergeSections(body.flatMap((node) => nodeBlocks(node, card, surface)));
}
