import type { Member } from './model';

// What only the web dashboard stores: used sign-in links and sessions (006_dashboard.sql). A port the
// dashboard is handed where it is mounted (src/store/platform-stores.ts builds it); the core never reads it.

/** A dashboard session as stored: the cookie holds a random id, the table its SHA-256. */
export interface DashboardSession {
  memberId: string;
  csrf: string;
  via: 'link' | 'teams';
  expiresAt: Date;
}

export interface DashboardStore {
  /** Marks a link's nonce used; false when it was used before (a second use of the link). */
  useLink(nonce: string, memberId: string, at: Date): Promise<boolean>;
  linkUsed(nonce: string): Promise<boolean>;
  createSession(idHash: string, session: DashboardSession, at: Date): Promise<void>;
  /** The session unless it expired at `now`. */
  session(idHash: string, now: Date): Promise<DashboardSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes sessions that expired before `now`. */
  purgeSessions(now: Date): Promise<number>;
  /** A Teams member by tenant and Entra object id (from an SSO token). */
  teamsMember(tenantId: string, aadObjectId: string): Promise<Member | null>;
}
