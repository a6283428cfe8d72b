import { t } from '../../i18n/index';
import { inputsOf, isSubmitAction, verbOf } from '../adaptive-card';
import { CardError } from '../card-error';
import type { BoundCard } from '../template';
import {
  checkLength,
  plain,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  type SlackModal,
} from './block-kit';
import { actionBlocks, bodyBlocks } from './blocks';
import { toPlain } from './mrkdwn';

function checkBlockCount(card: BoundCard, blocks: SlackBlock[], max: number, surface: string) {
  if (blocks.length > max)
    throw new CardError(
      'CARD_TOO_LARGE',
      card.name,
      `${blocks.length} blocks; a Slack ${surface} holds ${max}. Page the data (fewer items per card).`,
    );
}

/** A view card as a Slack message: text, facts and buttons. Cards with inputs are refused (they open as a modal). */
export function toSlackMessage(card: BoundCard): SlackMessage {
  const blocks = [
    ...bodyBlocks(card.json.body, card.name, 'message'),
    ...actionBlocks(card.json.actions ?? [], card.name),
  ];
  checkBlockCount(card, blocks, SLACK_LIMITS.messageBlocks, 'message');
  const first = card.json.body.find((node) => node.type === 'TextBlock');
  return { text: toPlain(String(first?.text ?? card.name)), blocks };
}

/**
 * A card as a Slack modal. The card's first submit action becomes the modal's submit button (its verb
 * the callback_id, its data the private_metadata); further actions become buttons in the modal.
 */
export function toSlackModal(card: BoundCard): SlackModal {
  const actions = card.json.actions ?? [];
  const first = actions[0];
  const submitAction = first && isSubmitAction(first) ? first : undefined;
  if (!submitAction && inputsOf(card.json).length > 0)
    throw new CardError(
      'CARD_UNSUPPORTED',
      card.name,
      'a modal with inputs needs a submit action first in the card',
    );
  const blocks = [
    ...bodyBlocks(card.json.body, card.name, 'modal'),
    ...actionBlocks(submitAction ? actions.slice(1) : actions, card.name),
  ];
  checkBlockCount(card, blocks, SLACK_LIMITS.modalBlocks, 'modal');
  const title = t(card.locale, `card.${card.name}.modalTitle`);
  const close = t(card.locale, 'card.common.close');
  checkLength(card.name, 'the modal title', title, SLACK_LIMITS.modalTitle);
  checkLength(card.name, 'the close button', close, SLACK_LIMITS.modalButton);
  const metadata = JSON.stringify(submitAction?.data ?? {});
  checkLength(card.name, 'the submit data', metadata, SLACK_LIMITS.privateMetadata);
  const callbackId = (submitAction && verbOf(submitAction)) ?? card.name;
  checkLength(card.name, 'the callback_id', callbackId, SLACK_LIMITS.callbackId);
  if (submitAction) checkLength(card.name, 'the submit button', submitAction.title, SLACK_LIMITS.modalButton);
  return {
    type: 'modal',
    title: plain(title),
    ...(submitAction ? { submit: plain(submitAction.title) } : {}),
    close: plain(close),
    callback_id: callbackId,
    private_metadata: metadata,
    blocks,
  };
}
