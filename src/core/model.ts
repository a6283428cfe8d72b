/** The domain's records, as the core sees them (repositories map rows to these). */

export type Platform = 'slack' | 'teams';
export type Role = 'coordinator' | 'member';
export type Region = 'noord' | 'midden' | 'zuid';
export const REGIONS: readonly Region[] = ['noord', 'midden', 'zuid'];

export const UPDATE_STATUSES = ['on_track', 'attention', 'behind', 'not_started'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface Workspace {
  id: string;
  platform: Platform;
  externalId: string;
  name: string | null;
}

export interface Board {
  id: string;
  duoNumber: string;
  name: string;
  region: Region;
}

export interface Member {
  id: string;
  workspaceId: string;
  platform: Platform;
  externalId: string;
  name: string;
  locale: 'nl' | 'en';
  timeZone: string;
  /** Where the time zone came from: TIMEZONE, the platform, or the member's choice (absent: unknown). */
  timeZoneFrom?: 'default' | 'platform' | 'member';
  boardId: string | null;
  boardConfirmed: boolean;
  roles: Role[];
  /** A date (YYYY-MM-DD) in the member's time zone until which reminders wait. */
  awayUntil: string | null;
  unreachableAt: Date | null;
  /** Other boards may contact this member about ambitions their board is on track with (issue 18); off by default. */
  peerContact?: boolean;
}

export interface Community {
  id: string;
  agendaId: string;
  themeId: string;
  workspaceId: string;
  channelId: string;
  name: string | null;
}

export type CycleStatus = 'draft' | 'scheduled' | 'open' | 'closed';

/** A moment to remind those who have not answered: days after opening or before closing. */
export type ReminderMoment = { afterOpenDays: number } | { beforeCloseDays: number };

export interface CycleAudience {
  boards: string[];
  members: string[];
}

export interface Cycle {
  id: string;
  agendaId: string;
  name: string;
  status: CycleStatus;
  scope: string[];
  audience: CycleAudience;
  opensAt: Date;
  closesAt: Date;
  reminders: ReminderMoment[];
  createdBy: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
}

export interface CheckIn {
  id: string;
  cycleId: string;
  memberId: string;
  createdAt: Date;
  answeredAt: Date | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
}

/** One answer about one ambition or action, as a person fills it in. */
export interface UpdateAnswer {
  itemId: string;
  status: UpdateStatus;
  progress: number;
  done: string;
  steeringNeeded: boolean;
  steeringExplanation: string;
  link: string | null;
}

export interface Update extends UpdateAnswer {
  id: string;
  cycleId: string;
  boardId: string;
  memberId: string | null;
  version: number;
  createdAt: Date;
}

export interface Practice {
  id: string;
  agendaId: string;
  communityId: string | null;
  memberId: string | null;
  boardId: string | null;
  title: string;
  description: string;
  ambitionIds: string[];
  instruments: string;
  contact: string;
  createdAt: Date;
}

export type LinkSource = 'tag' | 'manual' | 'thread' | 'auto';

export interface AmbitionLink {
  ambitionId: string;
  source: LinkSource;
  score: number | null;
}

export interface DiscussionMessage {
  id: string;
  communityId: string;
  externalId: string;
  threadExternalId: string | null;
  memberId: string | null;
  text: string | null;
  postedAt: Date;
  links: AmbitionLink[];
}

/** Something to send, platform-neutral: delivery renders it with the recipient platform's adapter. */
export interface OutboxMessage {
  dedupeKey: string;
  platform: Platform;
  workspaceId: string;
  memberId: string | null;
  conversationId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  notBefore: Date;
}
