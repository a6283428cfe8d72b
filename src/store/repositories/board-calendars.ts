import type { BoardCalendarRepository } from '../../core/delivery-ports';
import type { Region } from '../../core/model';
import type { Holiday } from '../../core/schedule/holidays';
import type { Queryable } from '../db';

export function boardCalendarRepository(db: Queryable): BoardCalendarRepository {
  return {
    async daysOf(boardIds) {
      // Dates as text: a date has no time zone, and must not get one on the way.
      const res = await db.query<{
        id: string;
        region: Region;
        school_year: string | null;
        name: string | null;
        starts_on: string | null;
        ends_on: string | null;
      }>(
        `SELECT b.id, b.region, h.school_year, h.name, h.starts_on::text AS starts_on, h.ends_on::text AS ends_on
         FROM boards b LEFT JOIN board_holidays h ON h.board_id = b.id
         WHERE b.id = ANY($1::text[]) ORDER BY b.id, h.starts_on`,
        [[...boardIds]],
      );
      const days = new Map<string, { region: Region; overrides: Holiday[] }>();
      for (const r of res.rows) {
        const board = days.get(r.id) ?? { region: r.region, overrides: [] };
        days.set(r.id, board);
        if (r.school_year && r.name && r.starts_on && r.ends_on)
          board.overrides.push({ schoolYear: r.school_year, name: r.name, from: r.starts_on, to: r.ends_on });
      }
      return days;
    },
    async setHoliday(boardId, h) {
      await db.query(
        `INSERT INTO board_holidays (board_id, school_year, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (board_id, school_year, name) DO UPDATE SET starts_on = EXCLUDED.starts_on,
           ends_on = EXCLUDED.ends_on`,
        [boardId, h.schoolYear, h.name, h.from, h.to],
      );
    },
    async removeHoliday(boardId, schoolYear, name) {
      const res = await db.query(
        'DELETE FROM board_holidays WHERE board_id = $1 AND school_year = $2 AND name = $3',
        [boardId, schoolYear, name],
      );
      return res.rowCount > 0;
    },
  };
}
