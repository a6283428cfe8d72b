import type { Platform } from '../core/model';
import type { Locale } from '../i18n/index';
import { CARD_NAMES, type CardName, isFormName } from './names';
import { renderCard } from './render/index';
import { sampleData } from './samples';
import { toSlackMessage, toSlackModal } from './slack/surfaces';

export { CARD_NAMES };

/**
 * A card bound to its sample data, as the platform gets it: the Adaptive Card for Teams; for Slack the
 * modal (forms) or the message (views).
 */
export function previewCard(name: CardName, platform: Platform, locale: Locale): object {
  const card = renderCard(name, sampleData(name), locale);
  if (platform === 'teams') return card.json;
  return isFormName(name) ? toSlackModal(card) : toSlackMessage(card);
}
