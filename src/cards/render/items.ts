import { type Locale, t } from '../../i18n/index';
import type { CardItem } from '../data';

/** How an item id reads on a card: a3 → 3, a3.2 → 3.2, l1.4 → L1.4. */
export function itemCode(id: string): string {
  return id.replace(/^a/, '').replace(/^l/, 'L');
}

/** "Ambitie 3: Kwaliteitszorg op orde …" or "Actie 3.2". */
export function itemHeading(item: CardItem, locale: Locale): string {
  return item.kind === 'ambition'
    ? t(locale, 'card.item.ambition', { code: itemCode(item.id), title: item.title })
    : t(locale, 'card.item.action', { code: itemCode(item.id) });
}

/** At most `max` characters, cut at a word with an ellipsis: for previews only, never for answers. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}
