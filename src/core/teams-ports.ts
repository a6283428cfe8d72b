// What the Teams adapter keeps beyond the domain, behind ports the core hands on without reading.

/** Where the bot can write: a 1:1 chat, a channel or a group chat, with the platform's own reference to it. */
export interface ConversationRef {
  workspaceId: string;
  conversationId: string;
  kind: 'personal' | 'channel' | 'groupChat';
  memberId: string | null;
  teamId: string | null;
  /** The platform's reference (for Teams a Bot Framework ConversationReference): opaque to the core. */
  reference: Record<string, unknown>;
  updatedAt: Date;
}

/** A member's Teams user id (29:…) and where it was seen: enough to open a 1:1 chat with them. */
export interface TeamsUser {
  memberId: string;
  userId: string;
  tenantId: string;
  teamId: string | null;
  serviceUrl: string;
}

/** What the Teams adapter stores beyond the domain (004_teams.sql and conversation_refs). */
export interface TeamsRepository {
  saveConversationRef(ref: ConversationRef): Promise<void>;
  conversationRef(workspaceId: string, conversationId: string): Promise<ConversationRef | null>;
  personalConversationRef(memberId: string): Promise<ConversationRef | null>;
  /** A channel of the team the bot is installed in: its service URL and the bot's account. */
  teamConversationRef(workspaceId: string, teamId: string): Promise<ConversationRef | null>;
  saveUser(user: TeamsUser, at: Date): Promise<void>;
  user(memberId: string): Promise<TeamsUser | null>;
  invokeResponse(activityKey: string): Promise<unknown | null>;
  saveInvokeResponse(activityKey: string, response: unknown, at: Date): Promise<void>;
  /** The member installed the bot again after removing it: reachable again. */
  clearUnreachable(memberId: string): Promise<void>;
}
