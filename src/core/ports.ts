import type { AgendaCatalog } from './agenda/catalog';
import type { Agenda } from './agenda/model';
import type {
  BoardCalendarRepository,
  CycleResultRepository,
  OutboxDeliveryRepository,
  SchedulerRunRepository,
} from './delivery-ports';
import type {
  Board,
  CheckIn,
  Community,
  Cycle,
  CycleStatus,
  DiscussionMessage,
  LinkSource,
  Member,
  OutboxMessage,
  Platform,
  Practice,
  Region,
  Role,
  Update,
  UpdateAnswer,
  Workspace,
} from './model';

/** What the core needs from the outside world, passed in by main.ts (and by tests). */

export interface Clock {
  now(): Date;
}

export type IdGenerator = () => string;

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface NewBoard {
  duoNumber: string;
  name: string;
  region: Region;
}

export interface MemberIdentity {
  workspaceId: string;
  externalId: string;
  name?: string;
  aadObjectId?: string;
  locale?: 'nl' | 'en';
  timeZone?: string;
}

export interface BoardRepository {
  /** Inserts new boards and updates name and region of known DUO numbers; returns counts. */
  upsertMany(boards: readonly NewBoard[], ids: IdGenerator): Promise<{ inserted: number; updated: number }>;
  get(id: string): Promise<Board | null>;
  findByDuo(duoNumber: string): Promise<Board | null>;
  search(query: string, limit: number): Promise<Board[]>;
  count(): Promise<number>;
}

export interface WorkspaceRepository {
  upsert(platform: Platform, externalId: string, name?: string): Promise<Workspace>;
  get(id: string): Promise<Workspace | null>;
}

export interface MemberRepository {
  /**
   * Finds the member by workspace and platform id, creating it on first contact; a time zone the
   * platform gives replaces the default (`defaultTimeZone`, the installation's) but not the member's choice.
   */
  upsert(
    identity: MemberIdentity,
    ids: IdGenerator,
    defaultRoles: Role[],
    defaultTimeZone: string,
  ): Promise<Member>;
  /**
   * The member, when upsert would change nothing about them (name, Entra id and time zone as given are
   * stored already): the common contact of a known member is one read, not a write. Otherwise null.
   */
  unchanged(
    platform: Platform,
    workspaceExternalId: string,
    identity: Omit<MemberIdentity, 'workspaceId'>,
  ): Promise<Member | null>;
  get(id: string): Promise<Member | null>;
  findByExternal(workspaceId: string, externalId: string): Promise<Member | null>;
  setBoard(memberId: string, boardId: string, confirmed: boolean): Promise<void>;
  setRoles(memberId: string, roles: Role[]): Promise<void>;
  setProfile(
    memberId: string,
    profile: {
      locale?: 'nl' | 'en';
      timeZone?: string;
      awayUntil?: string | null;
      peerContact?: boolean;
    },
  ): Promise<void>;
  listByBoards(boardIds: readonly string[]): Promise<Member[]>;
  listWithBoard(): Promise<Member[]>;
  listWithoutBoard(): Promise<Member[]>;
  listByIds(ids: readonly string[]): Promise<Member[]>;
}

export interface AgendaRepository {
  /** Stores the agenda and its themes, ambitions, actions and goals, replacing an earlier version. */
  save(agenda: Agenda): Promise<void>;
  list(): Promise<Agenda[]>;
}

export interface CommunityRepository {
  create(community: Community, createdBy: string): Promise<void>;
  findByChannel(workspaceId: string, channelId: string): Promise<Community | null>;
  get(id: string): Promise<Community | null>;
  listByWorkspace(workspaceId: string): Promise<Community[]>;
  /** Returns false when the member already was (or was not) a member. */
  join(communityId: string, memberId: string, at: Date): Promise<boolean>;
  leave(communityId: string, memberId: string): Promise<boolean>;
  listMemberIds(communityId: string): Promise<string[]>;
  listByMember(memberId: string): Promise<Community[]>;
}

export interface CycleRepository {
  insert(cycle: Cycle): Promise<void>;
  get(id: string): Promise<Cycle | null>;
  list(): Promise<Cycle[]>;
  listByStatus(statuses: readonly CycleStatus[]): Promise<Cycle[]>;
  /** Moves the cycle from one status to another; false when it was not in `from` (someone else moved it). */
  transition(id: string, from: readonly CycleStatus[], to: CycleStatus, at: Date): Promise<boolean>;
}

export interface CheckInRepository {
  /** Creates each check-in unless it exists, in one statement; `cycleId:memberId` of those this call created. */
  createMany(checkIns: readonly CheckIn[]): Promise<Set<string>>;
  get(cycleId: string, memberId: string): Promise<CheckIn | null>;
  listByCycle(cycleId: string): Promise<CheckIn[]>;
  markAnswered(cycleId: string, memberId: string, at: Date): Promise<void>;
  /** Where the check-in prompt was posted (the platform's message reference), to update it in place. */
  messageRef(cycleId: string, memberId: string): Promise<Record<string, unknown> | null>;
  /** Counts a reminder unless another process counted this one already; true when this call did. */
  recordReminder(cycleId: string, memberId: string, expectedSent: number, at: Date): Promise<boolean>;
}

export interface UpdateRepository {
  current(cycleId: string, boardId: string): Promise<Update[]>;
  /** Writes a new version of each answer, superseding the previous one; returns the stored updates. */
  save(
    cycleId: string,
    boardId: string,
    memberId: string,
    answers: readonly UpdateAnswer[],
    at: Date,
    ids: IdGenerator,
  ): Promise<Update[]>;
  history(cycleId: string, boardId: string, itemId: string): Promise<Update[]>;
}

export interface PracticeRepository {
  insert(practice: Practice): Promise<void>;
  listByAmbition(agendaId: string, ambitionId: string): Promise<Practice[]>;
  get(id: string): Promise<Practice | null>;
}

export interface NewDiscussionMessage {
  id: string;
  communityId: string;
  externalId: string;
  threadExternalId: string | null;
  memberId: string | null;
  boardId: string | null;
  text: string;
  postedAt: Date;
}

export interface MessageRepository {
  findByExternal(communityId: string, externalId: string): Promise<DiscussionMessage | null>;
  link(
    messageId: string,
    ambitionId: string,
    source: LinkSource,
    score: number | null,
    linkedBy: string | null,
    at: Date,
  ): Promise<void>;
  get(id: string): Promise<DiscussionMessage | null>;
}

export interface OutboxRepository {
  /** Queues the message unless one with the same dedupe key exists; true when this call queued it. */
  enqueue(message: OutboxMessage, id: string, at: Date): Promise<boolean>;
  /** The same for many in one statement; how many this call queued. */
  enqueueMany(messages: readonly { message: OutboxMessage; id: string }[], at: Date): Promise<number>;
}

export interface InboundEventRepository {
  /** Records that an event was received; false when it was already (a retry or a resend). */
  claim(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  /** Lets a retry through again, when handling the first delivery failed before anything was written. */
  forget(platform: Platform, eventId: string): Promise<void>;
  /** Forgets events received before `before` (no platform resends that late); returns how many. */
  prune(before: Date): Promise<number>;
}

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export interface AuditRepository {
  write(entry: AuditEntry): Promise<void>;
  list(limit: number): Promise<AuditEntry[]>;
}

export interface Repositories {
  workspaces: WorkspaceRepository;
  boards: BoardRepository;
  members: MemberRepository;
  agendas: AgendaRepository;
  communities: CommunityRepository;
  cycles: CycleRepository;
  checkIns: CheckInRepository;
  updates: UpdateRepository;
  practices: PracticeRepository;
  messages: MessageRepository;
  discussion: import('./discussion/ports').DiscussionRepository;
  personalData: import('./discussion/ports').PersonalDataRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  inboundEvents: InboundEventRepository;
  delivery: OutboxDeliveryRepository;
  schedulerRuns: SchedulerRunRepository;
  boardCalendars: BoardCalendarRepository;
  cycleResults: CycleResultRepository;
  teams: import('./teams-ports').TeamsRepository;
  steeringDecisions: import('./steering-model').SteeringDecisionRepository;
  steeringRequests: import('./steering-model').SteeringRequestRepository;
  peerContacts: import('./peer-model').PeerContactRepository;
}

export type { ConversationRef, TeamsRepository, TeamsUser } from './teams-ports';

/** The repositories, outside a transaction or inside one. */
export interface Store {
  repos: Repositories;
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface CoreDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  agendas: AgendaCatalog;
  /** People who are coordinators from their first contact: "platform:workspace:user id" (or "platform:user id"). */
  coordinators: ReadonlySet<string>;
  /** Retention, digest rhythm and the summariser; defaults when absent (see core/discussion/settings.ts). */
  discussion?: import('./discussion/ports').DiscussionSettings;
  /** Working hours, working days and school holidays; without it: 09:00-17:00 on weekdays, no holidays. */
  calendar?: import('./schedule/working-time').WorkCalendar;
  /** A signed, single-use sign-in link to the dashboard for a member (the web adapter); absent without PUBLIC_URL. */
  dashboardLink?: (memberId: string) => string;
  /** Days a steering request may wait for an answer before the coordinators are reminded; default 5. */
  steeringAnswerDays?: number;
}
