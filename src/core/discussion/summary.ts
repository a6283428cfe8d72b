import { type Actor, isCoordinator } from '../access';
import type { Agenda, Ambition } from '../agenda/model';
import { AppError } from '../errors';
import type { LinkSource, Member } from '../model';
import type { CoreDeps, Repositories } from '../ports';
import { DAY_MS } from '../time';
import { analyseMessage, MIN_TERMS } from './analysis';
import { extract } from './extractive';
import { messageLink, toRef } from './message-links';
import { newestFirst, openQuestions, QUESTIONS_READ } from './open-questions';
import type { AmbitionScope, AuthorActivity, StoredSentence } from './ports';
import { settingsOf } from './settings';
import {
  type AmbitionSummary,
  DEFAULT_SUMMARY_DAYS,
  KEY_POINT_SOURCES,
  type KeyPoint,
  MAX_KEY_POINTS,
  type SteeringSignal,
  type SummaryRequest,
} from './summary-model';
import { cycleStatus, cyclesInView, participation, trendOf } from './summary-parts';

export * from './summary-model';
export { cycleStatus, trendOf } from './summary-parts';

/** Ranked sentences handed to the summariser. */
const CANDIDATES = 40;

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

/**
 * The messages whose sentences the store hands to a summary at most: the surest `messages` and the newest
 * `recent`. A larger scope is counted whole, but its key points come from these.
 */
export const SUMMARY_PICK = { minTerms: MIN_TERMS, messages: 400, recent: 200 };

/**
 * The candidate sentences of the scope: stored at ingestion, picked by the store; messages recorded
 * before sentences were stored are analysed here.
 */
async function sentencesOf(
  repos: Repositories,
  scope: AmbitionScope,
  stored: StoredSentence[],
  activity: readonly AuthorActivity[],
): Promise<StoredSentence[]> {
  if (!activity.some((a) => a.unanalysed > 0)) return stored;
  for (const { messageId, boardId, postedAt, text } of await repos.discussion.unanalysedTexts(scope))
    for (const s of analyseMessage(text).sentences)
      stored.push({ ...s, messageId, boardId, askedAt: s.question ? postedAt.getTime() : null });
  return stored;
}

/**
 * What a summary shows beside the discussion: the agenda's cycles in the period, the boards' current
 * updates on the ambition in them, its practices, and the names of every board these and the activity name.
 */
async function factsAround(
  repos: Repositories,
  agendaId: string,
  ambitionId: string,
  from: Date,
  to: Date,
  activityRead: Promise<AuthorActivity[]>,
) {
  const [cycles, practices] = await Promise.all([
    repos.cycles.list().then(async (all) => {
      const { view, overlapping } = cyclesInView(all, agendaId, ambitionId, from, to);
      const ids = view.map((c) => c.id);
      return {
        view,
        overlapping,
        updates: await repos.discussion.currentUpdatesForAmbition(ambitionId, ids),
      };
    }),
    repos.discussion.practicesForAmbition(agendaId, ambitionId, from, to),
  ]);
  const activity = await activityRead;
  const boardIds = new Set<string>();
  for (const a of activity) if (a.boardId) boardIds.add(a.boardId);
  for (const p of practices) if (p.boardId) boardIds.add(p.boardId);
  for (const u of cycles.updates) boardIds.add(u.boardId);
  return { ...cycles, practices, activity, boardNames: await repos.discussion.boardNames([...boardIds]) };
}

/** The scope's candidate sentences, ranked, and the key points the summariser drafts from them. */
async function draftedPoints(
  deps: CoreDeps,
  scope: AmbitionScope,
  ambition: Ambition,
  locale: NonNullable<SummaryRequest['locale']>,
  activityRead: Promise<AuthorActivity[]>,
) {
  const repos = deps.store.repos;
  const [activity, stored] = await Promise.all([
    activityRead,
    repos.discussion.summarySentences(scope, SUMMARY_PICK),
  ]);
  const sentences = await sentencesOf(repos, scope, stored, activity);
  const ambitionText = [ambition.title, ambition.text, ...ambition.actions.map((a) => a.text)].join('. ');
  const extraction = extract(sentences, ambitionText, CANDIDATES);
  const drafted = await settingsOf(deps).summariser.keyPoints({
    ambition: { id: ambition.id, title: ambition.title, text: ambition.text },
    candidates: extraction.candidates,
    maxPoints: MAX_KEY_POINTS,
    locale,
  });
  return { sentences, extraction, drafted };
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

  // The reads that do not depend on each other go out together, the small ones first: the facts around
  // the discussion (cycles, updates, practices, the boards' names) are read while this process ranks the
  // sentences, which come last.
  const activityRead = repos.discussion.ambitionActivity(scope);
  const [facts, { sentences, extraction, drafted }] = await Promise.all([
    factsAround(repos, agenda.id, ambition.id, from, to, activityRead),
    draftedPoints(deps, scope, ambition, request.locale ?? 'nl', activityRead),
  ]);
  const { activity, view, overlapping, updates, practices, boardNames } = facts;

  // Where the messages named by key points are, and the newest questions' (one read): only those are read.
  // A key point's boards are counted over all its messages, whose boards came with their sentences.
  const boardOf = new Map(sentences.map((s) => [s.messageId, s.boardId]));
  const questions = newestFirst(sentences, extraction.questions);
  const refIds = new Set([
    ...drafted.points.flatMap((p) => p.messageIds.slice(0, KEY_POINT_SOURCES)),
    ...questions.ids.slice(0, QUESTIONS_READ),
  ]);
  const byId = new Map((await repos.discussion.messageRefs([...refIds])).map((m) => [m.messageId, m]));
  const open = await openQuestions(repos, questions.newest, byId, refIds);
  const keyPoints = drafted.points.flatMap((p): KeyPoint[] => {
    const from = p.messageIds.slice(0, KEY_POINT_SOURCES).flatMap((id) => byId.get(id) ?? []);
    const sources = from.map((m) => {
      const ref = toRef(m);
      return {
        ...ref,
        boardName: m.boardId ? (boardNames.get(m.boardId) ?? null) : null,
        link: messageLink(ref),
      };
    });
    const boards = new Set(p.messageIds.flatMap((id) => boardOf.get(id) ?? [])).size;
    return sources.length ? [{ text: p.text, sources, messages: p.messageIds.length, boards }] : [];
  });
  const memberIds = [...new Set(activity.flatMap((a) => (a.memberId ? [a.memberId] : [])))];
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
  const count = { total: 0, withText: 0, steering: 0 };
  for (const a of activity) {
    for (const source of Object.keys(bySource) as LinkSource[]) bySource[source] += a.bySource[source];
    count.total += a.messages;
    count.withText += a.withText;
    count.steering += a.steering;
  }
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
    messages: { total: count.total, withText: count.withText, bySource, steering: count.steering },
    keyPoints,
    openQuestions: open,
    practices: practices.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      instruments: p.instruments,
      boardName: p.boardId ? (boardNames.get(p.boardId) ?? null) : null,
      createdAt: p.createdAt,
    })),
    participation: participation(activity, boardNames, names),
    cycles,
    trend: trendOf(cycles),
    steering,
  };
}
