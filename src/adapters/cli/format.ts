import { dateTimeFormat } from '../../core/time';
import { type Locale, t } from '../../i18n/index';

/** Columns padded to their widest cell; the header underlined. Plain text, so it survives any terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** An instant as the association's clock shows it: `2027-02-01 00:00`. */
export function localDateTime(at: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function percent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate);
}

/** "1 ambitie", "3 ambities": the key has a `.one` and an `.other` form with {n}. */
export function plural(locale: Locale, key: string, n: number): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return t(locale, `${key}.${form}`, { n });
}

/** The first characters of an id: enough to tell cycles apart, and accepted back by every command. */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * Progress of a long import on stderr: silent for the first second (most files), then at most one line
 * a second, and the last one.
 */
export function progressReporter(note: (line: string) => void, locale: Locale, now: () => number = Date.now) {
  const start = now();
  let last = start;
  return (done: number, total: number) => {
    const at = now();
    if (at - start < 1000 || (at - last < 1000 && done < total)) return;
    last = at;
    note(t(locale, 'cli.progress', { done, total }));
  };
}
