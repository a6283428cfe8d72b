import { localDate } from '../../core/time';
import { UsageError } from './command';

/**
 * A date given on the command line: YYYY-MM-DD that exists in the calendar (no 30 February, no month 13,
 * nothing rolled over into the next month). Anything else is a usage error naming the flag.
 */
export function calendarDate(flag: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  const exists =
    m !== null &&
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    y >= 2000;
  if (!exists) throw new UsageError('cli.date.invalid', { flag: `--${flag}`, value });
  return value.trim();
}

/** Whether a date (YYYY-MM-DD) lies before today in the time zone. */
export const isPast = (date: string, now: Date, timeZone: string) => date < localDate(now, timeZone);
