import type { SchedulerRunRepository } from '../../core/delivery-ports';
import type { Queryable } from '../db';

export function schedulerRunRepository(db: Queryable): SchedulerRunRepository {
  return {
    async claim(name, slot, by, at) {
      const res = await db.query(
        `INSERT INTO scheduler_runs (name, slot, claimed_by, claimed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name, slot) DO NOTHING`,
        [name, slot, by, at],
      );
      return res.rowCount > 0;
    },
    async prune(before) {
      return (await db.query('DELETE FROM scheduler_runs WHERE claimed_at < $1', [before])).rowCount;
    },
  };
}
