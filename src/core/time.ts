// Building an Intl.DateTimeFormat costs 0.1 ms and more (it loads locale and time zone data), formatting with
// one about 3 µs: a check-in card formats several moments. Formatters are kept per locale and options, a
// bounded set (the time zones Intl knows; an unknown one throws before it is kept).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of these locale and options, built once. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Whether Intl knows the zone (an IANA name such as Europe/Amsterdam). */
export function isTimeZone(zone: string): boolean {
  try {
    dateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false; // a RangeError is the answer to the question asked
  }
}

export const DAY_MS = 86_400_000;

/** The offset (ms) of a time zone from UTC at an instant. */
function offsetAt(at: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the clock in timeZone shows date (YYYY-MM-DD) and time (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset also on the days summer time starts or ends.
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** The wall-clock time (HH:MM) of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The calendar date `days` after date (YYYY-MM-DD); calendar days, not 24-hour steps. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The same wall-clock time `days` calendar days later in timeZone, so a summer-time switch moves nothing. */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  return zonedInstant(addDays(localDate(at, timeZone), days), localTime(at, timeZone), timeZone);
}
