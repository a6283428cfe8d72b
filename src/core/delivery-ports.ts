import type { Community, Member, Platform, UpdateStatus } from './model';
import type { Holiday } from './schedule/holidays';
import type { BoardDays } from './schedule/working-time';

/** Repositories for delivery and scheduling; part of the core's Repositories (ports.ts). */

/** An outbox row claimed for sending, with what a sender needs to address it. */
export interface ClaimedMessage {
  id: string;
  dedupeKey: string;
  platform: Platform;
  workspaceId: string;
  /** The Slack team id or Teams tenant id. */
  workspaceExternalId: string;
  memberId: string | null;
  /** The Slack user id or Teams user id of the member, for a 1:1 message. */
  memberExternalId: string | null;
  /** A channel, or null for the member's 1:1 chat. */
  conversationId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  /** Claims of this row so far, this one included. */
  attempts: number;
  /**
   * An earlier claim's lease ran out without an outcome, so an earlier send may have reached the platform.
   * It stays so through later retries of the row.
   */
  uncertain: boolean;
  claimToken: string;
  createdAt: Date;
}

export interface ClaimRequest {
  platforms: readonly Platform[];
  limit: number;
  now: Date;
  leaseUntil: Date;
  token: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'cancelled';

export interface DeadLetter {
  id: string;
  dedupeKey: string;
  kind: string;
  memberId: string | null;
  conversationId: string | null;
  attempts: number;
  lastError: string | null;
  deadAt: Date;
}

/** Settling calls succeed only while the claim token still holds the row (false: the lease was lost). */
export interface OutboxDeliveryRepository {
  /** Claims due rows (and rows whose lease ran out) with FOR UPDATE SKIP LOCKED, marking them `sending`. */
  claim(request: ClaimRequest): Promise<ClaimedMessage[]>;
  markSent(id: string, token: string, at: Date, result: Record<string, unknown>): Promise<boolean>;
  /**
   * Back to pending until notBefore; a wait the platform asked for (429) does not count as an attempt.
   * `uncertain`: the platform may have taken it, so the row becomes (and stays) uncertain.
   */
  retry(
    id: string,
    token: string,
    notBefore: Date,
    error: string,
    countsAsAttempt: boolean,
    uncertain?: boolean,
  ): Promise<boolean>;
  /** Extends the lease of a batch's rows still `sending` under token; returns how many. */
  renew(token: string, leaseUntil: Date): Promise<number>;
  markDead(id: string, token: string, at: Date, error: string): Promise<boolean>;
  cancel(id: string, token: string, reason: string): Promise<boolean>;
  /** Marks the member unreachable (once) and cancels what is still queued for their 1:1 chat. */
  markMemberUnreachable(memberId: string, reason: string, at: Date): Promise<boolean>;
  /** Where the check-in prompt was posted, so it can be updated in place. */
  recordPromptRef(cycleId: string, memberId: string, ref: Record<string, unknown>): Promise<void>;
  existingKeys(dedupeKeys: readonly string[]): Promise<Set<string>>;
  deadBetween(from: Date, to: Date): Promise<DeadLetter[]>;
  statusCounts(): Promise<Record<OutboxStatus, number>>;
}

export interface SchedulerRunRepository {
  /** Claims a run by insert; true for exactly one caller per (name, slot), across replicas. */
  claim(name: string, slot: string, by: string, at: Date): Promise<boolean>;
  /** Forgets runs claimed before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export interface BoardCalendarRepository {
  /** Region and own holidays of each board asked for. */
  daysOf(boardIds: readonly string[]): Promise<Map<string, BoardDays>>;
  setHoliday(boardId: string, holiday: Holiday): Promise<void>;
  removeHoliday(boardId: string, schoolYear: string, name: string): Promise<boolean>;
}

export interface ItemStatusCount {
  itemId: string;
  status: UpdateStatus;
  boards: number;
  steeringNeeded: number;
}

export interface CycleResultRepository {
  /** The current answers of a cycle, counted per item and status. */
  itemCounts(cycleId: string): Promise<ItemStatusCount[]>;
  communitiesOfThemes(agendaId: string, themeIds: readonly string[]): Promise<Community[]>;
  /** Coordinators who can be reached. */
  coordinators(): Promise<Member[]>;
  unreachableBetween(from: Date, to: Date): Promise<Member[]>;
}
