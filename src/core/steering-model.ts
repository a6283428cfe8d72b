/** The steering decisions of issue 18: what the coordinators decide per ambition after a cycle. */

export const STEERING_DECISIONS = ['continue', 'adjust', 'escalate'] as const;
export type SteeringChoice = (typeof STEERING_DECISIONS)[number];

export interface SteeringDecision {
  id: string;
  cycleId: string;
  agendaId: string;
  ambitionId: string;
  decision: SteeringChoice;
  rationale: string;
  /** For `adjust`: what changes, who does it and by when (free text); empty otherwise. */
  change: { what: string; who: string; by: string };
  decidedBy: string | null;
  decidedAt: Date;
}

export interface SteeringDecisionRepository {
  insert(decision: SteeringDecision): Promise<void>;
  get(id: string): Promise<SteeringDecision | null>;
  /** Every decision on the cycle's ambitions, oldest first (history included). */
  listByCycle(cycleId: string): Promise<SteeringDecision[]>;
  /** Every decision on the ambition over all cycles, newest first. */
  listByAmbition(agendaId: string, ambitionId: string): Promise<SteeringDecision[]>;
}
