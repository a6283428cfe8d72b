import type { Region } from '../model';
import { addDays, isoWeekday, localDate, zonedInstant } from '../time';
import { boardHolidays, type Holiday, holidayOn, NO_HOLIDAYS, type RegionalHolidays } from './holidays';

/** When people may be asked something: working hours on working days, outside their school holidays. */
export interface WorkCalendar {
  /** The association's time zone: cycle dates and reminder moments count in its calendar days. */
  timeZone: string;
  /** A window in the member's own time zone (HH:MM); a prompt due outside it waits for the next start. */
  hours: { start: string; end: string };
  /** ISO weekdays, Monday 1 … Sunday 7. */
  workingDays: readonly number[];
  holidays: RegionalHolidays;
}

export const DEFAULT_CALENDAR: WorkCalendar = {
  timeZone: 'Europe/Amsterdam',
  hours: { start: '09:00', end: '17:00' },
  workingDays: [1, 2, 3, 4, 5],
  holidays: NO_HOLIDAYS,
};

/** A member's days off: their board's region and the board's own holidays. */
export interface BoardDays {
  region: Region;
  overrides: readonly Holiday[];
}

export interface Recipient {
  timeZone: string;
  board: BoardDays | null;
  /** Nothing before the day after this date (YYYY-MM-DD): the member said they are away until then. */
  awayUntil?: string | null;
}

/** A year of days without a working moment can only be a wrong calendar. */
const SEARCH_DAYS = 366;

/**
 * The first moment at or after `from` at which the recipient may be asked: inside the working hours of a
 * working day in their own time zone, outside their board's school holidays and after their away date.
 * Computed with their zone's offset of that very day, so the switch to and from summer time is exact.
 */
export function nextWorkingMoment(from: Date, who: Recipient, calendar: WorkCalendar): Date {
  const holidays = who.board ? boardHolidays(calendar.holidays[who.board.region], who.board.overrides) : [];
  let day = localDate(from, who.timeZone);
  for (let i = 0; i < SEARCH_DAYS; i++, day = addDays(day, 1)) {
    if (!calendar.workingDays.includes(isoWeekday(day))) continue;
    if (who.awayUntil && day <= who.awayUntil) continue;
    const holiday = holidayOn(day, holidays);
    if (holiday) {
      day = holiday.to; // the loop steps on to the day after it
      continue;
    }
    const start = zonedInstant(day, calendar.hours.start, who.timeZone);
    const end = zonedInstant(day, calendar.hours.end, who.timeZone);
    if (from < start) return start;
    if (from < end) return from;
  }
  throw new Error(
    `no working moment within ${SEARCH_DAYS} days of ${from.toISOString()}: check the calendar`,
  );
}
