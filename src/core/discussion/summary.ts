import { type Actor, isCoordinator } from '../access';
import type { Agenda, Ambition } from '../agenda/model';
import { AppError } from '../errors';
import type { Cycle, LinkSource, Member, Update, UpdateStatus } from '../model';
import { UPDATE_STATUSES } from '../model';
import type { CoreDeps, Repositories } from '../ports';
import { DAY_MS } from '../time';
import { distinctQuestions, extract, type Question } from './extractive';
import type { AmbitionMessage, MessageRef, ThreadPost } from './ports';
import { settingsOf } from './settings';

/**
 * A summary of what was said and done about one ambition over a period: key points (each traced to its
 * messages), open questions, practices shared, participation, the status per review cycle with its trend,
 * and the steering signals. A typed object: cards, the dashboard, Markdown and the report render it.
 */

export const DEFAULT_SUMMARY_DAYS = 90;
export const MAX_KEY_POINTS = 5;
export const MAX_OPEN_QUESTIONS = 5;
/** Ranked sentences handed to the summariser. */
const CANDIDATES = 40;
/** Average progress must move this many points between two cycles to count as a trend. */
const TREND_POINTS = 5;

export interface KeyPoint {
  text: string;
  /** Where it was said: the first is the message it was taken from, then those saying the same. */
  sources: MessageRef[];
}

export interface OpenQuestion {
  text: string;
  source: MessageRef;
}

export interface PracticeItem {
  id: string;
  title: string;
  description: string;
  instruments: string;
  boardName: string | null;
  createdAt: Date;
}

export interface BoardParticipation {
  boardId: string | null;
  boardName: string | null;
  messages: number;
  members: number;
  /** The names of the people who wrote: only for a coordinator of the association, privately. */
  names?: string[];
}

export interface Participation {
  messages: number;
  members: number;
  boards: BoardParticipation[];
  namesShown: boolean;
}

export interface CycleStatusSummary {
  cycleId: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  open: boolean;
  /** Boards that answered about the ambition or its actions. */
  boards: number;
  answers: number;
  counts: Record<UpdateStatus, number>;
  averageProgress: number | null;
}

export type Trend = 'improving' | 'stable' | 'declining';

export interface SteeringSignal {
  cycleId: string;
  cycleName: string;
  itemId: string;
  itemTitle: string;
  status: UpdateStatus;
  explanation: string;
  /** The board that asks for steering: only for a coordinator of the association, privately. */
  boardName: string | null;
}

export interface AmbitionSummary {
  agenda: { id: string; name: string; association: string };
  theme: { id: string; title: string } | null;
  ambition: { id: string; number: number; title: string; tag: string; text: string };
  period: { from: Date; to: Date };
  generatedAt: Date;
  keyPointsBy: 'extractive' | 'llm';
  messages: { total: number; withText: number; bySource: Record<LinkSource, number> };
  keyPoints: KeyPoint[];
  openQuestions: OpenQuestion[];
  practices: PracticeItem[];
  participation: Participation;
  cycles: CycleStatusSummary[];
  trend: Trend | null;
  steering: SteeringSignal[];
}

export interface SummaryRequest {
  /** The ambition as people type it: a3, 3, #bredeopdracht or its title. */
  ambition: string;
  /** Needed when the ambition's id is in more than one agenda and the viewer's communities do not tell. */
  agendaId?: string;
  /** Default: the DEFAULT_SUMMARY_DAYS days before `to`. */
  from?: Date;
  /** Default: now. */
  to?: Date;
  /** Only this community's messages (a digest); all the agenda's communities when absent. */
  communityId?: string;
  /** Where it will be shown: people's names appear only in a private view. */
  visibility: 'private' | 'channel';
  locale?: 'nl' | 'en';
}

const toRef = (m: AmbitionMessage): MessageRef => ({
  messageId: m.messageId,
  communityId: m.communityId,
  workspaceId: m.workspaceId,
  platform: m.platform,
  channelId: m.channelId,
  externalId: m.externalId,
  threadExternalId: m.threadExternalId,
  postedAt: m.postedAt,
});

/** An ambition as a viewer types it: in the agenda given, or the one agenda of their workspace's communities. */
export async function findAmbition(
  deps: CoreDeps,
  viewer: Member | null,
  query: string,
  agendaId?: string,
): Promise<{ agenda: Agenda; ambition: Ambition }> {
  if (agendaId || !viewer) return deps.agendas.findAmbition(query, agendaId);
  const agendaIds = new Set(
    (await deps.store.repos.communities.listByWorkspace(viewer.workspaceId)).map((c) => c.agendaId),
  );
  const only = agendaIds.size === 1 ? [...agendaIds][0] : undefined;
  return deps.agendas.findAmbition(query, only);
}

/** A coordinator sees names of people within their own association: an agenda their workspace works on. */
async function seesNames(
  repos: Repositories,
  viewer: Member | null,
  agendaId: string,
  request: SummaryRequest,
) {
  if (request.visibility !== 'private' || !viewer || !isCoordinator(viewer)) return false;
  return (await repos.communities.listByWorkspace(viewer.workspaceId)).some((c) => c.agendaId === agendaId);
}

function touches(cycle: Cycle, ambitionId: string) {
  return cycle.scope.some((item) => item === ambitionId || item.startsWith(`${ambitionId}.`));
}

/** Cycles overlapping the period, and the last one before it (for the trend, or when none overlaps). */
function cyclesInView(cycles: readonly Cycle[], agendaId: string, ambitionId: string, from: Date, to: Date) {
  const relevant = cycles
    .filter((c) => c.agendaId === agendaId && (c.status === 'open' || c.status === 'closed'))
    .filter((c) => touches(c, ambitionId) && c.opensAt < to)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const overlapping = relevant.filter((c) => c.closesAt > from);
  const before = relevant.filter((c) => c.closesAt <= from).at(-1);
  return { view: before ? [before, ...overlapping] : overlapping, overlapping };
}

export function cycleStatus(cycle: Cycle, updates: readonly Update[]): CycleStatusSummary {
  const mine = updates.filter((u) => u.cycleId === cycle.id);
  const counts = Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>;
  for (const u of mine) counts[u.status]++;
  return {
    cycleId: cycle.id,
    name: cycle.name,
    opensAt: cycle.opensAt,
    closesAt: cycle.closesAt,
    open: cycle.status === 'open',
    boards: new Set(mine.map((u) => u.boardId)).size,
    answers: mine.length,
    counts,
    averageProgress: mine.length
      ? Math.round(mine.reduce((sum, u) => sum + u.progress, 0) / mine.length)
      : null,
  };
}

export function trendOf(cycles: readonly CycleStatusSummary[]): Trend | null {
  const measured = cycles.filter((c) => c.averageProgress !== null);
  const [previous, last] = measured.slice(-2);
  if (!previous || !last) return null;
  const delta = (last.averageProgress as number) - (previous.averageProgress as number);
  return delta >= TREND_POINTS ? 'improving' : delta <= -TREND_POINTS ? 'declining' : 'stable';
}

/** Questions nobody else answered in their thread afterwards, newest first, near-duplicates left out. */
async function openQuestions(
  repos: Repositories,
  questions: readonly Question[],
  messages: ReadonlyMap<string, AmbitionMessage>,
): Promise<OpenQuestion[]> {
  const threadOf = (m: { communityId: string; threadExternalId: string | null; externalId: string }) =>
    `${m.communityId} ${m.threadExternalId ?? m.externalId}`;
  const asked = questions.flatMap((q) => {
    const m = messages.get(q.messageId);
    return m ? [{ q, m }] : [];
  });
  const threads = new Map(
    asked.map(({ m }) => [
      threadOf(m),
      { communityId: m.communityId, root: m.threadExternalId ?? m.externalId },
    ]),
  );
  const postsByThread = new Map<string, ThreadPost[]>();
  for (const p of await repos.discussion.threadPosts([...threads.values()])) {
    const key = `${p.communityId} ${p.root}`;
    const list = postsByThread.get(key);
    if (list) list.push(p);
    else postsByThread.set(key, [p]);
  }
  const answered = (m: AmbitionMessage) =>
    (postsByThread.get(threadOf(m)) ?? []).some(
      (p) => p.postedAt > m.postedAt && (p.memberId === null || p.memberId !== m.memberId),
    );
  const open = asked.filter(({ m }) => !answered(m));
  open.sort((a, b) => b.m.postedAt.getTime() - a.m.postedAt.getTime());
  return distinctQuestions(
    open.map(({ q }) => q),
    MAX_OPEN_QUESTIONS,
  ).map((q) => ({ text: q.text, source: toRef(messages.get(q.messageId) as AmbitionMessage) }));
}

function participation(
  messages: readonly AmbitionMessage[],
  boardNames: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string> | null,
): Participation {
  const byBoard = new Map<string | null, { messages: number; members: Set<string> }>();
  for (const m of messages) {
    const b = byBoard.get(m.boardId) ?? { messages: 0, members: new Set<string>() };
    b.messages++;
    if (m.memberId) b.members.add(m.memberId);
    byBoard.set(m.boardId, b);
  }
  const boards = [...byBoard].map(([boardId, b]): BoardParticipation => {
    const row: BoardParticipation = {
      boardId,
      boardName: boardId ? (boardNames.get(boardId) ?? null) : null,
      messages: b.messages,
      members: b.members.size,
    };
    if (names)
      row.names = [...b.members]
        .map((id) => names.get(id))
        .filter((n): n is string => Boolean(n))
        .sort((x, y) => x.localeCompare(y, 'nl'));
    return row;
  });
  boards.sort(
    (a, b) => b.messages - a.messages || (a.boardName ?? '~').localeCompare(b.boardName ?? '~', 'nl'),
  );
  return {
    messages: messages.length,
    members: new Set(messages.flatMap((m) => (m.memberId ? [m.memberId] : []))).size,
    boards,
    namesShown: names !== null,
  };
}

/** Builds the summary of one ambition for a viewer (a member, or the system for digests and reports). */
export async function summariseAmbition(
  deps: CoreDeps,
  viewerActor: Actor,
  request: SummaryRequest,
): Promise<AmbitionSummary> {
  const repos = deps.store.repos;
  const viewer = 'memberId' in viewerActor ? await repos.members.get(viewerActor.memberId) : null;
  if ('memberId' in viewerActor && !viewer)
    throw new AppError('UNKNOWN_MEMBER', `no member ${viewerActor.memberId}`);
  const { agenda, ambition } = await findAmbition(deps, viewer, request.ambition, request.agendaId);
  const now = deps.clock.now();
  const to = request.to ?? now;
  const from = request.from ?? new Date(to.getTime() - DEFAULT_SUMMARY_DAYS * DAY_MS);
  const showNames = await seesNames(repos, viewer, agenda.id, request);
  const scope = { agendaId: agenda.id, ambitionId: ambition.id, from, to, communityId: request.communityId };

  const messages = await repos.discussion.messagesForAmbition(scope);
  const byId = new Map(messages.map((m) => [m.messageId, m]));
  const withText = messages.flatMap((m) => (m.text === null ? [] : [{ id: m.messageId, text: m.text }]));
  const ambitionText = [ambition.title, ambition.text, ...ambition.actions.map((a) => a.text)].join('. ');
  const extraction = extract(withText, ambitionText, CANDIDATES);
  const drafted = await settingsOf(deps).summariser.keyPoints({
    ambition: { id: ambition.id, title: ambition.title, text: ambition.text },
    candidates: extraction.candidates,
    maxPoints: MAX_KEY_POINTS,
    locale: request.locale ?? 'nl',
  });
  const keyPoints = drafted.points.flatMap((p): KeyPoint[] => {
    const sources = p.messageIds.flatMap((id) => {
      const m = byId.get(id);
      return m ? [toRef(m)] : [];
    });
    return sources.length ? [{ text: p.text, sources }] : [];
  });

  const { view, overlapping } = cyclesInView(await repos.cycles.list(), agenda.id, ambition.id, from, to);
  const updates = await repos.discussion.currentUpdatesForAmbition(
    ambition.id,
    view.map((c) => c.id),
  );
  const practices = await repos.discussion.practicesForAmbition(agenda.id, ambition.id, from, to);
  const boardIds = new Set<string>();
  for (const m of messages) if (m.boardId) boardIds.add(m.boardId);
  for (const p of practices) if (p.boardId) boardIds.add(p.boardId);
  for (const u of updates) boardIds.add(u.boardId);
  const boardNames = await repos.discussion.boardNames([...boardIds]);
  const memberIds = [...new Set(messages.flatMap((m) => (m.memberId ? [m.memberId] : [])))];
  const names = showNames
    ? new Map((await repos.members.listByIds(memberIds)).map((m) => [m.id, m.name]))
    : null;

  const steeringCycles = overlapping.length ? overlapping : view.slice(-1);
  const items = new Map(deps.agendas.scope(agenda.id).map((i) => [i.id, i.title]));
  const steering = updates
    .filter((u) => u.steeringNeeded && steeringCycles.some((c) => c.id === u.cycleId))
    .map(
      (u): SteeringSignal => ({
        cycleId: u.cycleId,
        cycleName: steeringCycles.find((c) => c.id === u.cycleId)?.name ?? u.cycleId,
        itemId: u.itemId,
        itemTitle: items.get(u.itemId) ?? u.itemId,
        status: u.status,
        explanation: u.steeringExplanation,
        boardName: showNames ? (boardNames.get(u.boardId) ?? null) : null,
      }),
    );
  const cycles = view.map((c) => cycleStatus(c, updates));
  const bySource: Record<LinkSource, number> = { tag: 0, manual: 0, thread: 0, auto: 0 };
  for (const m of messages) bySource[m.source]++;
  const theme = agenda.themes.find((t) => t.id === ambition.theme);

  return {
    agenda: { id: agenda.id, name: agenda.name, association: agenda.association },
    theme: theme ? { id: theme.id, title: theme.title } : null,
    ambition: {
      id: ambition.id,
      number: ambition.number,
      title: ambition.title,
      tag: ambition.tag,
      text: ambition.text,
    },
    period: { from, to },
    generatedAt: now,
    keyPointsBy: drafted.by,
    messages: { total: messages.length, withText: withText.length, bySource },
    keyPoints,
    openQuestions: await openQuestions(repos, extraction.questions, byId),
    practices: practices.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      instruments: p.instruments,
      boardName: p.boardId ? (boardNames.get(p.boardId) ?? null) : null,
      createdAt: p.createdAt,
    })),
    participation: participation(messages, boardNames, names),
    cycles,
    trend: trendOf(cycles),
    steering,
  };
}
