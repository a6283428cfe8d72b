import { dateTimeFormat } from '../core/time';
import { keys, type Locale, t } from '../i18n/index';
import { memberParams } from './member-text';
import type { CardName } from './names';

type Params = Record<string, string | number>;

/** The keys starting with each prefix, per locale: found once, as every card is bound with them. */
const keysUnder = new Map<string, string[]>();

function keysOf(locale: Locale, prefix: string): string[] {
  const at = `${locale}:${prefix}`;
  let found = keysUnder.get(at);
  if (found === undefined) {
    found = keys(locale).filter((key) => key.startsWith(prefix));
    keysUnder.set(at, found);
  }
  return found;
}

/** The strings of keys starting with `prefix`, keyed by the rest of the key, with params filled in. */
function stringsUnder(locale: Locale, prefix: string, params: Params): Record<string, string> {
  const found: Record<string, string> = {};
  for (const key of keysOf(locale, prefix)) found[key.slice(prefix.length)] = t(locale, key, params);
  return found;
}

/**
 * `${strings.*}` of a card: its own `card.<name>.*` strings over the shared `card.common.*` ones. The
 * params are names and dates, never Markdown: they are escaped so that a name cannot format or link.
 */
export function cardStrings(locale: Locale, name: CardName, params: Params = {}): Record<string, string> {
  const escaped = memberParams(params);
  return {
    ...stringsUnder(locale, 'card.common.', escaped),
    ...stringsUnder(locale, `card.${name}.`, escaped),
  };
}

/** `${invalid.*}`: the messages a card shows under an input that is not filled in right. */
export function invalidStrings(locale: Locale): Record<string, string> {
  return stringsUnder(locale, 'card.invalid.', {});
}

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** A moment as people read it in their own time zone, e.g. "vrijdag 12 maart 2027 om 17:00". */
export function formatDateTime(at: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

/** A day, e.g. "12 maart 2027". */
export function formatDate(at: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(at);
}

/** A whole percentage of part in whole; 0 when whole is 0. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Lines as a Markdown bullet list (TextBlock renders it in Teams; the Slack translator turns it into bullets). */
export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}
