import { type Actor, requireCoordinator } from './access';
import { extractiveSummariser } from './discussion/summariser';
import { summariseAmbition } from './discussion/summary';
import type { Trend } from './discussion/summary-model';
import { trendOf } from './discussion/summary-parts';
import { AppError } from './errors';
import type { Cycle, UpdateStatus } from './model';
import type { CoreDeps } from './ports';
import { cycleSteering } from './steering';
import type { SteeringDecision } from './steering-model';

/** What coordinators decide on per ambition at a cycle's close (issue 18): results, trend, requests, discussion. */

/** A few points of the discussion are enough to decide on; the summary has the rest. */
export const CONTEXT_KEY_POINTS = 3;
/** The steering requests shown per ambition; the rest are counted. */
export const CONTEXT_REQUESTS = 5;
const DAY_MS = 86_400_000;
const DISCUSSION_DAYS = 90;

export interface ContextRequest {
  boardName: string;
  status: UpdateStatus;
  explanation: string;
  answered: boolean;
}

export interface AmbitionContext {
  ambitionId: string;
  number: number;
  title: string;
  byStatus: Record<UpdateStatus, number>;
  steeringNeeded: number;
  /** Against the previous cycle on this ambition (average progress), or null without one. */
  trend: {
    direction: Trend;
    previousCycle: string;
    previousProgress: number;
    progress: number;
  } | null;
  requests: ContextRequest[];
  /** How many requests are not in `requests`. */
  moreRequests: number;
  keyPoints: string[];
  current: SteeringDecision | null;
}

export interface SteeringContext {
  cycle: Cycle;
  ambitions: AmbitionContext[];
}

/**
 * Per ambition of a closed (or open) cycle: the status mix, the trend against the previous cycle, the
 * boards' steering requests with their explanations and the discussion's key points (coordinators only).
 * `onlyAmbition` narrows it to one (the dashboard's ambition page).
 */
export async function steeringContext(
  deps: CoreDeps,
  actor: Actor,
  cycleId: string,
  options: { locale?: 'nl' | 'en'; onlyAmbition?: string } = {},
): Promise<SteeringContext> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await repos.cycles.get(cycleId);
  if (!cycle) throw new AppError('UNKNOWN_CYCLE', `no cycle ${cycleId}`, { cycle: cycleId });
  const agenda = deps.agendas.get(cycle.agendaId);
  const steering = (await cycleSteering(deps, actor, cycle.id)).filter(
    (s) => !options.onlyAmbition || s.ambitionId === options.onlyAmbition,
  );
  const requests = (await repos.steeringRequests.list()).filter((r) => r.update.cycleId === cycle.id);
  const boardNames = new Map<string, string>();
  for (const boardId of new Set(requests.map((r) => r.update.boardId)))
    boardNames.set(boardId, (await repos.boards.get(boardId))?.name ?? '?');

  // The extractive key points: a form with ten ambitions must not wait for a model ten times.
  const quick: CoreDeps = { ...deps, discussion: { ...deps.discussion, summariser: extractiveSummariser } };
  const ambitions: AmbitionContext[] = [];
  for (const s of steering) {
    const ambition = agenda.ambitions.find((a) => a.id === s.ambitionId);
    const summary = await summariseAmbition(quick, actor, {
      ambition: s.ambitionId,
      agendaId: cycle.agendaId,
      from: new Date(cycle.opensAt.getTime() - DISCUSSION_DAYS * DAY_MS),
      to: cycle.closesAt,
      visibility: 'private',
      locale: options.locale ?? 'nl',
    });
    // The trend of this cycle against the one before it: the summary's view ends with this cycle.
    const upTo = summary.cycles.slice(0, summary.cycles.findIndex((c) => c.cycleId === cycle.id) + 1);
    const direction = trendOf(upTo);
    const measured = upTo.filter((c) => c.averageProgress !== null);
    const [previous, last] = measured.slice(-2);
    const mine = requests.filter(
      (r) => r.update.itemId === s.ambitionId || r.update.itemId.startsWith(`${s.ambitionId}.`),
    );
    ambitions.push({
      ambitionId: s.ambitionId,
      number: ambition?.number ?? 0,
      title: ambition?.title ?? s.ambitionId,
      byStatus: s.byStatus,
      steeringNeeded: s.steeringNeeded,
      trend:
        direction && previous && last && last.cycleId === cycle.id
          ? {
              direction,
              previousCycle: previous.name,
              previousProgress: previous.averageProgress as number,
              progress: last.averageProgress as number,
            }
          : null,
      requests: mine.slice(0, CONTEXT_REQUESTS).map((r) => ({
        boardName: boardNames.get(r.update.boardId) ?? '?',
        status: r.update.status,
        explanation: r.update.steeringExplanation,
        answered: r.answer !== null,
      })),
      moreRequests: Math.max(0, mine.length - CONTEXT_REQUESTS),
      keyPoints: summary.keyPoints.slice(0, CONTEXT_KEY_POINTS).map((p) => p.text),
      current: s.current,
    });
  }
  return { cycle, ambitions };
}

/** The closed cycles that asked about an ambition, newest first (where a decision on it can be taken). */
export async function closedCyclesOfAmbition(
  deps: CoreDeps,
  agendaId: string,
  ambitionId: string,
): Promise<Cycle[]> {
  return (await deps.store.repos.cycles.list())
    .filter(
      (c) =>
        c.agendaId === agendaId &&
        c.status === 'closed' &&
        c.scope.some((item) => item === ambitionId || item.startsWith(`${ambitionId}.`)),
    )
    .sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime());
}
