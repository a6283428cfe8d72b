import type { Update } from './model';

/** Peer matching (issue 18): a board behind on an ambition asks a board on track with it for contact. */

export type PeerContactStatus = 'asked' | 'accepted';

export interface PeerContact {
  id: string;
  agendaId: string;
  ambitionId: string;
  cycleId: string | null;
  fromBoardId: string;
  /** Null once the member erased their data. */
  fromMemberId: string | null;
  toBoardId: string;
  toMemberId: string | null;
  status: PeerContactStatus;
  askedAt: Date;
  acceptedAt: Date | null;
}

export interface PeerContactRepository {
  /** Stores the request unless the pair asked already on this ambition; returns the stored one. */
  ask(contact: PeerContact): Promise<{ contact: PeerContact; created: boolean }>;
  get(id: string): Promise<PeerContact | null>;
  /** Marks an asked request accepted; false when it was accepted already. */
  accept(id: string, at: Date): Promise<boolean>;
  /** The requests on an ambition (coordinators' counts). */
  listByAmbition(agendaId: string, ambitionId: string): Promise<PeerContact[]>;
  /** The requests a member made or received (their data export). */
  listByMember(memberId: string): Promise<PeerContact[]>;
  /** Per board, its current answer on the item in the latest cycle of the agenda it answered in. */
  latestByBoard(agendaId: string, itemId: string): Promise<Update[]>;
  /** Withdraws the member's consent and unhooks them from the requests (erasing their data). */
  eraseMember(memberId: string): Promise<void>;
}
