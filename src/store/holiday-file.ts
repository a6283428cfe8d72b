import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { AppError } from '../core/errors';
import { holidayFileSchema, type RegionalHolidays, regionalHolidays } from '../core/schedule/holidays';
import { DEFAULT_CALENDAR, type WorkCalendar } from '../core/schedule/working-time';
import { ROOT } from '../paths';

/** The Dutch school holidays as the Rijksoverheid publishes them (see the file for the source). */
export const HOLIDAYS_FILE = path.join(ROOT, 'holidays', 'school-holidays.yaml');

/** Reads and validates the holidays file; errors name the file and the path inside it. */
export function loadHolidayFile(file = HOLIDAYS_FILE): RegionalHolidays {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('HOLIDAYS_INVALID', `${file}: ${(cause as Error).message}`, { file }, { cause });
  }
  const parsed = holidayFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'HOLIDAYS_INVALID',
      parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n'),
      { file },
    );
  return regionalHolidays(parsed.data);
}

/** Working hours and days by default, the association's time zone, and the school holidays of the file. */
export function loadWorkCalendar(timeZone: string, file = HOLIDAYS_FILE): WorkCalendar {
  return { ...DEFAULT_CALENDAR, timeZone, holidays: loadHolidayFile(file) };
}
