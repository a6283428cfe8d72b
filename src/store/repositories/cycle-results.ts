import type { CycleResultRepository, ItemStatusCount } from '../../core/delivery-ports';
import type { Queryable } from '../db';
import { communityFromRow, MEMBER_COLUMNS, MEMBER_FROM, memberFromRow } from './rows';

export function cycleResultRepository(db: Queryable): CycleResultRepository {
  return {
    async itemCounts(cycleId) {
      const res = await db.query<{
        item_id: string;
        status: ItemStatusCount['status'];
        boards: number;
        steering: number;
      }>(
        `SELECT item_id, status, count(*)::int AS boards, count(*) FILTER (WHERE steering_needed)::int AS steering
         FROM updates WHERE cycle_id = $1 AND superseded_at IS NULL GROUP BY item_id, status ORDER BY item_id, status`,
        [cycleId],
      );
      return res.rows.map((r) => ({
        itemId: r.item_id,
        status: r.status,
        boards: r.boards,
        steeringNeeded: r.steering,
      }));
    },
    async communitiesOfThemes(agendaId, themeIds) {
      const res = await db.query(
        'SELECT * FROM communities WHERE agenda_id = $1 AND theme_id = ANY($2::text[]) ORDER BY theme_id, id',
        [agendaId, [...themeIds]],
      );
      return res.rows.map(communityFromRow);
    },
    async coordinators() {
      const res = await db.query(
        `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM}
         WHERE 'coordinator' = ANY(m.roles) AND m.unreachable_at IS NULL ORDER BY m.name, m.id`,
      );
      return res.rows.map(memberFromRow);
    },
    async unreachableBetween(from, to) {
      const res = await db.query(
        `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM}
         WHERE m.unreachable_at >= $1 AND m.unreachable_at < $2 ORDER BY m.unreachable_at, m.id`,
        [from, to],
      );
      return res.rows.map(memberFromRow);
    },
  };
}
