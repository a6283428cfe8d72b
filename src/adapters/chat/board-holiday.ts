import { z } from 'zod';
import { memberText } from '../../cards/member-text';
import type { Actor } from '../../core/access';
import { AppError } from '../../core/errors';
import type { Core } from '../../core/index';
import { HOLIDAY_NAMES, type Holiday, isoDateSchema } from '../../core/schedule/holidays';
import type { Locale } from '../../i18n/index';
import { t } from '../../i18n/index';

/** The school year a day falls in: from 1 August, as the Rijksoverheid counts (2027-02-13 → 2026-2027). */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

const nameSchema = z.enum(HOLIDAY_NAMES);
const schoolYearSchema = z.string().regex(/^\d{4}-\d{4}$/);

/** `DUO NAME FROM TO`: a board's own holiday; null when the words do not say one. */
export function parseHolidaySet(words: string[]): { duo: string; holiday: Holiday } | null {
  const [duo, name, from, to] = words;
  const parsed = z
    .object({ duo: z.string().min(1).max(20), name: nameSchema, from: isoDateSchema, to: isoDateSchema })
    .safeParse({ duo, name: name?.toLowerCase(), from, to });
  if (!parsed.success || words.length !== 4) return null;
  const { from: f, to: tt } = parsed.data;
  return {
    duo: parsed.data.duo,
    holiday: { name: parsed.data.name, schoolYear: schoolYearOf(f), from: f, to: tt },
  };
}

/** `DUO NAME SCHOOLYEAR`: which own holiday to remove; null when the words do not say one. */
export function parseHolidayRemove(
  words: string[],
): { duo: string; name: string; schoolYear: string } | null {
  const [duo, name, schoolYear] = words;
  const parsed = z
    .object({ duo: z.string().min(1).max(20), name: nameSchema, schoolYear: schoolYearSchema })
    .safeParse({ duo, name: name?.toLowerCase(), schoolYear });
  return parsed.success && words.length === 3 ? parsed.data : null;
}

async function boardByDuo(core: Core, duo: string) {
  const board = await core.findBoardByDuo(duo);
  if (!board) throw new AppError('UNKNOWN_BOARD', `no board ${duo}`, { board: duo });
  return board;
}

/** Sets or removes a board's own holiday; the text to show. Coordinators only (the core checks). */
export async function boardHoliday(
  core: Core,
  actor: Actor,
  locale: Locale,
  args: string[],
): Promise<string> {
  const [word, ...rest] = args;
  if (['wis', 'remove', 'verwijder'].includes((word ?? '').toLowerCase())) {
    const what = parseHolidayRemove(rest);
    if (!what) return t(locale, 'chat.holiday.usage');
    const board = await boardByDuo(core, what.duo);
    const removed = await core.removeBoardHoliday(actor, board.id, what.schoolYear, what.name);
    return t(locale, removed ? 'chat.holiday.removed' : 'chat.holiday.none', {
      board: board.name,
      name: what.name,
      schoolYear: what.schoolYear,
    });
  }
  const what = parseHolidaySet(args);
  if (!what) return t(locale, 'chat.holiday.usage');
  const board = await boardByDuo(core, what.duo);
  await core.setBoardHoliday(actor, board.id, what.holiday);
  return t(locale, 'chat.holiday.set', { board: memberText(board.name), ...what.holiday });
}
