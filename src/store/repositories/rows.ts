import type {
  Board,
  CheckIn,
  Community,
  Cycle,
  CycleAudience,
  Member,
  Platform,
  Practice,
  ReminderMoment,
  Update,
} from '../../core/model';

/** Row → record mappers. SQL selects use these column names (snake_case) as stored. */

type Row = Record<string, unknown>;

const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));

export const boardFromRow = (r: Row): Board => ({
  id: str(r.id),
  duoNumber: str(r.duo_number),
  name: str(r.name),
  region: r.region as Board['region'],
});

/** Select list for members: the workspace's platform comes along, and the date as text (no time-zone shift). */
export const MEMBER_COLUMNS = `m.id, m.workspace_id, w.platform, m.external_id, m.name, m.locale, m.time_zone, m.time_zone_from,
  m.board_id, m.board_confirmed, m.roles, m.away_until::text AS away_until, m.unreachable_at, m.peer_contact`;
export const MEMBER_FROM = 'members m JOIN workspaces w ON w.id = m.workspace_id';

export const memberFromRow = (r: Row): Member => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  platform: r.platform as Member['platform'],
  externalId: str(r.external_id),
  name: str(r.name),
  locale: r.locale as Member['locale'],
  timeZone: str(r.time_zone),
  timeZoneFrom: str(r.time_zone_from) as Member['timeZoneFrom'],
  boardId: strOrNull(r.board_id),
  boardConfirmed: Boolean(r.board_confirmed),
  roles: r.roles as Member['roles'],
  awayUntil: strOrNull(r.away_until),
  unreachableAt: dateOrNull(r.unreachable_at),
  peerContact: Boolean(r.peer_contact),
});

export const communityFromRow = (r: Row): Community => ({
  id: str(r.id),
  agendaId: str(r.agenda_id),
  themeId: str(r.theme_id),
  workspaceId: str(r.workspace_id),
  channelId: str(r.channel_id),
  name: strOrNull(r.name),
});

export const cycleFromRow = (r: Row): Cycle => ({
  id: str(r.id),
  agendaId: str(r.agenda_id),
  name: str(r.name),
  status: r.status as Cycle['status'],
  scope: r.scope as string[],
  audience: r.audience as CycleAudience,
  opensAt: date(r.opens_at),
  closesAt: date(r.closes_at),
  reminders: r.reminders as ReminderMoment[],
  createdBy: strOrNull(r.created_by),
  openedAt: dateOrNull(r.opened_at),
  closedAt: dateOrNull(r.closed_at),
});

export const checkInFromRow = (r: Row): CheckIn => ({
  id: str(r.id),
  cycleId: str(r.cycle_id),
  memberId: str(r.member_id),
  createdAt: date(r.created_at),
  answeredAt: dateOrNull(r.answered_at),
  remindersSent: Number(r.reminders_sent),
  lastRemindedAt: dateOrNull(r.last_reminded_at),
});

export const updateFromRow = (r: Row): Update => ({
  id: str(r.id),
  cycleId: str(r.cycle_id),
  boardId: str(r.board_id),
  memberId: strOrNull(r.member_id),
  itemId: str(r.item_id),
  version: Number(r.version),
  status: r.status as Update['status'],
  progress: Number(r.progress),
  done: str(r.done),
  steeringNeeded: Boolean(r.steering_needed),
  steeringExplanation: str(r.steering_explanation),
  link: strOrNull(r.link),
  createdAt: date(r.created_at),
});

export const practiceFromRow = (r: Row): Practice => ({
  id: str(r.id),
  agendaId: str(r.agenda_id),
  communityId: strOrNull(r.community_id),
  memberId: strOrNull(r.member_id),
  boardId: strOrNull(r.board_id),
  title: str(r.title),
  description: str(r.description),
  ambitionIds: r.ambition_ids as string[],
  instruments: str(r.instruments),
  contact: str(r.contact),
  createdAt: date(r.created_at),
});

/** Where a stored discussion message was said: its community, platform, channel, ids and time. */
export const messagePlaceFromRow = (r: Row) => ({
  messageId: r.id as string,
  communityId: r.community_id as string,
  workspaceId: r.workspace_id as string,
  platform: r.platform as Platform,
  channelId: r.channel_id as string,
  externalId: r.external_id as string,
  threadExternalId: (r.thread_external_id as string | null) ?? null,
  postedAt: date(r.posted_at),
});
