import type { Board } from '../../core/model';
import type { BoardRepository, IdGenerator, NewBoard } from '../../core/ports';
import type { Queryable } from '../db';
import { boardFromRow } from './rows';

export function boardRepository(db: Queryable): BoardRepository {
  return {
    async upsertMany(boards: readonly NewBoard[], ids: IdGenerator) {
      let inserted = 0;
      let updated = 0;
      for (const b of boards) {
        // xmax = 0 tells a fresh insert from an update of an existing row.
        const res = await db.query<{ inserted: boolean }>(
          `INSERT INTO boards (id, duo_number, name, region) VALUES ($1, $2, $3, $4)
           ON CONFLICT (duo_number) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [ids(), b.duoNumber, b.name, b.region],
        );
        if (res.rows[0]?.inserted) inserted++;
        else updated++;
      }
      return { inserted, updated };
    },
    async get(id: string): Promise<Board | null> {
      const res = await db.query('SELECT * FROM boards WHERE id = $1', [id]);
      return res.rows[0] ? boardFromRow(res.rows[0]) : null;
    },
    async findByDuo(duoNumber: string): Promise<Board | null> {
      const res = await db.query('SELECT * FROM boards WHERE duo_number = $1', [duoNumber]);
      return res.rows[0] ? boardFromRow(res.rows[0]) : null;
    },
    async search(query: string, limit: number): Promise<Board[]> {
      const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const res = await db.query(
        `SELECT * FROM boards WHERE name ILIKE $1 OR duo_number LIKE $1
         ORDER BY (name ILIKE $2) DESC, name LIMIT $3`,
        [pattern, `${query}%`, limit],
      );
      return res.rows.map(boardFromRow);
    },
    async count(): Promise<number> {
      const res = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM boards');
      return res.rows[0]?.n ?? 0;
    },
  };
}
