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

/** A coordinator's answer to a board's steering request. */
export interface SteeringAnswer {
  id: string;
  cycleId: string;
  boardId: string;
  itemId: string;
  /** The version of the update that was answered. */
  updateId: string;
  answer: string;
  /** An optional pointer: a practice shared on the agenda, or a board to get in touch with. */
  practiceId?: string | null;
  contactBoardId?: string | null;
  answeredBy: string | null;
  answeredAt: Date;
}

/** A board's current update asking for steering, with its answer once there is one. */
export interface SteeringRequest {
  update: import('./model').Update;
  answer: SteeringAnswer | null;
}

export interface SteeringRequestRepository {
  /** Every current update with steering needed (over all cycles), oldest first, with its answer. */
  list(): Promise<SteeringRequest[]>;
  /** Stores the answer unless the request was answered already; true when this call stored it. */
  answer(answer: SteeringAnswer): Promise<boolean>;
  /** The answers a board got in a cycle. */
  answersForBoard(cycleId: string, boardId: string): Promise<SteeringAnswer[]>;
}
