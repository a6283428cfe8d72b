import type { SteeringChoice, SteeringDecision, SteeringDecisionRepository } from '../../core/steering-model';
import type { Queryable } from '../db';

interface DecisionRow {
  id: string;
  cycle_id: string;
  agenda_id: string;
  ambition_id: string;
  decision: SteeringChoice;
  rationale: string;
  change_what: string;
  change_who: string;
  change_by: string;
  decided_by: string | null;
  decided_at: Date;
}

const fromRow = (r: DecisionRow): SteeringDecision => ({
  id: r.id,
  cycleId: r.cycle_id,
  agendaId: r.agenda_id,
  ambitionId: r.ambition_id,
  decision: r.decision,
  rationale: r.rationale,
  change: { what: r.change_what, who: r.change_who, by: r.change_by },
  decidedBy: r.decided_by,
  decidedAt: new Date(r.decided_at),
});

export function steeringDecisionRepository(db: Queryable): SteeringDecisionRepository {
  return {
    async insert(d) {
      await db.query(
        `INSERT INTO steering_decisions (id, cycle_id, agenda_id, ambition_id, decision, rationale, change_what,
           change_who, change_by, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          d.id,
          d.cycleId,
          d.agendaId,
          d.ambitionId,
          d.decision,
          d.rationale,
          d.change.what,
          d.change.who,
          d.change.by,
          d.decidedBy,
          d.decidedAt,
        ],
      );
    },
    async get(id) {
      const res = await db.query<DecisionRow>('SELECT * FROM steering_decisions WHERE id = $1', [id]);
      return res.rows[0] ? fromRow(res.rows[0]) : null;
    },
    async listByCycle(cycleId) {
      const res = await db.query<DecisionRow>(
        'SELECT * FROM steering_decisions WHERE cycle_id = $1 ORDER BY decided_at, id',
        [cycleId],
      );
      return res.rows.map(fromRow);
    },
    async listByAmbition(agendaId, ambitionId) {
      const res = await db.query<DecisionRow>(
        `SELECT * FROM steering_decisions WHERE agenda_id = $1 AND ambition_id = $2
         ORDER BY decided_at DESC, id DESC`,
        [agendaId, ambitionId],
      );
      return res.rows.map(fromRow);
    },
  };
}
