export type CardErrorCode = 'CARD_UNSUPPORTED' | 'CARD_TOO_LARGE';

/** A card that cannot be shown on a platform; the message names the card and what is wrong. */
export class CardError extends Error {
  readonly code: CardErrorCode;
  readonly card: string;

  constructor(code: CardErrorCode, card: string, message: string) {
    super(`card "${card}": ${message}`);
    this.name = 'CardError';
    this.code = code;
    this.card = card;
  }
}
