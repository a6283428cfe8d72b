import type { ModalView } from '@slack/types';
import { type BoundCard, renderCard, toSlackMessage, toSlackModal } from '../../../cards/index';
import { AppError } from '../../../core/errors';
import type { Locale } from '../../../i18n/index';
import { type ModalOrigin, wrapMetadata } from '../modal-metadata';
import { slackText } from '../reply';

/** A card as a modal that remembers where it came from. */
export function modal(card: BoundCard, origin: ModalOrigin): ModalView {
  const view = toSlackModal(card);
  return { ...view, private_metadata: wrapMetadata(view.private_metadata, origin) } as ModalView;
}

/** The error view as a modal, for a refusal (closed cycle, no board …) where a form was expected. */
export function errorModal(err: AppError, locale: Locale): ModalView {
  const view = toSlackMessage(renderCard('error', { code: err.code, params: err.params }, locale));
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Samenspraak' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: view.blocks,
  } as ModalView;
}

/** The error as one line, for beside an input of a modal. */
export function errorText(err: AppError, locale: Locale): string {
  return toSlackMessage(renderCard('error', { code: err.code, params: err.params }, locale)).text;
}

/** The refusal of a payload whose own data (a modal's metadata, a button's value) cannot be read. */
export function unreadable(): AppError {
  return new AppError('INPUT_INVALID', 'unreadable modal metadata', { detail: '' });
}

/** A short modal that tells the person what their click did (a peer request asked, a contact accepted). */
export function noticeModal(chatText: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Samenspraak' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: slackText(chatText).blocks,
  } as ModalView;
}
