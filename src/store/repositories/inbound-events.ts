import type { InboundEventRepository } from '../../core/ports';
import type { Queryable } from '../db';

export function inboundEventRepository(db: Queryable): InboundEventRepository {
  return {
    async claim(platform, eventId, at) {
      const res = await db.query(
        'INSERT INTO inbound_events (platform, event_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [platform, eventId, at],
      );
      return res.rowCount > 0;
    },
    async forget(platform, eventId) {
      await db.query('DELETE FROM inbound_events WHERE platform = $1 AND event_id = $2', [platform, eventId]);
    },
    async prune(before) {
      return (await db.query('DELETE FROM inbound_events WHERE received_at < $1', [before])).rowCount;
    },
  };
}
