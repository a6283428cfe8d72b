import { z } from 'zod';
import { REGIONS, type Region } from '../model';

/** The five school holidays the Rijksoverheid publishes per school year and region. */
export const HOLIDAY_NAMES = [
  'herfstvakantie',
  'kerstvakantie',
  'voorjaarsvakantie',
  'meivakantie',
  'zomervakantie',
] as const;

/** A period off, first and last day inclusive (YYYY-MM-DD). */
export interface Holiday {
  name: string;
  schoolYear: string;
  from: string;
  to: string;
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-02-13')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a date that exists');

const periodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, 'a period whose "to" is not before its "from"');

const perRegion = z.strictObject({ noord: periodSchema, midden: periodSchema, zuid: periodSchema });

export const holidayFileSchema = z.strictObject({
  source: z.url({ message: 'the URL of the published holidays' }),
  schoolYears: z.record(
    z.string().regex(/^(\d{4})-(\d{4})$/, 'a school year like 2026-2027'),
    z.strictObject(
      Object.fromEntries(HOLIDAY_NAMES.map((n) => [n, perRegion])) as Record<
        (typeof HOLIDAY_NAMES)[number],
        typeof perRegion
      >,
    ),
  ),
});

export type HolidayFile = z.infer<typeof holidayFileSchema>;
export type RegionalHolidays = Readonly<Record<Region, readonly Holiday[]>>;

export const NO_HOLIDAYS: RegionalHolidays = { noord: [], midden: [], zuid: [] };

/** The validated file as lists of holidays per region. */
export function regionalHolidays(file: HolidayFile): RegionalHolidays {
  const byRegion: Record<Region, Holiday[]> = { noord: [], midden: [], zuid: [] };
  for (const [schoolYear, holidays] of Object.entries(file.schoolYears))
    for (const name of HOLIDAY_NAMES)
      for (const region of REGIONS) byRegion[region].push({ name, schoolYear, ...holidays[name][region] });
  return byRegion;
}

/**
 * A board's own holidays replace the region's holiday of the same name and school year (a school may set
 * its own herfst- or voorjaarsvakantie); one with a new name is added.
 */
export function boardHolidays(regional: readonly Holiday[], overrides: readonly Holiday[]): Holiday[] {
  const replaced = new Set(overrides.map((o) => `${o.schoolYear}:${o.name}`));
  return [...regional.filter((h) => !replaced.has(`${h.schoolYear}:${h.name}`)), ...overrides];
}

export function holidayOn(date: string, holidays: readonly Holiday[]): Holiday | null {
  return holidays.find((h) => h.from <= date && date <= h.to) ?? null;
}
