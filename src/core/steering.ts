import { type Actor, actorId, requireCoordinator } from './access';
import { AppError } from './errors';
import { type Cycle, UPDATE_STATUSES, type UpdateStatus } from './model';
import type { CoreDeps, Repositories } from './ports';
import type { SteeringChoice, SteeringDecision } from './steering-model';

export interface DecideInput {
  cycleId: string;
  ambitionId: string;
  decision: SteeringChoice;
  rationale: string;
  change?: { what?: string; who?: string; by?: string };
}

/** The ambitions a cycle asked about: those in its scope, directly or through one of their actions. */
export function cycleAmbitionIds(deps: CoreDeps, cycle: Cycle): string[] {
  const agenda = deps.agendas.get(cycle.agendaId);
  return agenda.ambitions
    .filter((a) => cycle.scope.some((item) => item === a.id || item.startsWith(`${a.id}.`)))
    .map((a) => a.id);
}

async function closedCycle(repos: Repositories, cycleId: string): Promise<Cycle> {
  const cycle = await repos.cycles.get(cycleId);
  if (!cycle) throw new AppError('UNKNOWN_CYCLE', `no cycle ${cycleId}`, { cycle: cycleId });
  if (cycle.status !== 'closed')
    throw new AppError('CYCLE_NOT_CLOSED', `cycle ${cycle.id} is ${cycle.status}`, { cycle: cycle.name });
  return cycle;
}

/**
 * Records the coordinators' decision on one ambition of a closed cycle (a later one supersedes it, the
 * earlier stays in the history) and queues it for the theme's community channels.
 */
export async function decideSteering(
  deps: CoreDeps,
  actor: Actor,
  input: DecideInput,
): Promise<SteeringDecision> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    await requireCoordinator(repos, actor);
    const cycle = await closedCycle(repos, input.cycleId);
    const { ambition } = deps.agendas.findAmbition(input.ambitionId, cycle.agendaId);
    if (!cycleAmbitionIds(deps, cycle).includes(ambition.id))
      throw new AppError('UNKNOWN_SCOPE_ITEM', `${ambition.id} not in cycle ${cycle.id}`, {
        item: ambition.title,
      });
    const rationale = input.rationale.trim();
    if (rationale === '') throw new AppError('INPUT_INVALID', 'no rationale', { detail: 'rationale' });
    const adjust = input.decision === 'adjust';
    const decision: SteeringDecision = {
      id: deps.ids(),
      cycleId: cycle.id,
      agendaId: cycle.agendaId,
      ambitionId: ambition.id,
      decision: input.decision,
      rationale,
      change: {
        what: adjust ? (input.change?.what ?? '').trim() : '',
        who: adjust ? (input.change?.who ?? '').trim() : '',
        by: adjust ? (input.change?.by ?? '').trim() : '',
      },
      decidedBy: actorId(actor),
      decidedAt: now,
    };
    await repos.steeringDecisions.insert(decision);
    await repos.audit.write({
      at: now,
      actorId: decision.decidedBy,
      action: 'steering.decide',
      target: cycle.id,
      details: { ambitionId: ambition.id, decision: decision.decision },
    });
    const communities = ambition.theme
      ? await repos.cycleResults.communitiesOfThemes(cycle.agendaId, [ambition.theme])
      : [];
    for (const community of communities) {
      const workspace = await repos.workspaces.get(community.workspaceId);
      if (!workspace) continue;
      await repos.outbox.enqueue(
        {
          dedupeKey: `steering:${decision.id}:${community.id}`,
          platform: workspace.platform,
          workspaceId: community.workspaceId,
          memberId: null,
          conversationId: community.channelId,
          kind: 'steering.decided',
          payload: { decisionId: decision.id },
          notBefore: now,
        },
        deps.ids(),
        now,
      );
    }
    return decision;
  });
}

export interface AmbitionSteering {
  ambitionId: string;
  /** Boards per status on the ambition itself, and how many of them ask for steering. */
  byStatus: Record<UpdateStatus, number>;
  steeringNeeded: number;
  /** The latest decision, or null; the history holds every one, oldest first. */
  current: SteeringDecision | null;
  history: SteeringDecision[];
}

/** Per ambition of the cycle: its results, its current decision and the history (for coordinators). */
export async function cycleSteering(
  deps: CoreDeps,
  actor: Actor,
  cycleId: string,
): Promise<AmbitionSteering[]> {
  const repos = deps.store.repos;
  await requireCoordinator(repos, actor);
  const cycle = await repos.cycles.get(cycleId);
  if (!cycle) throw new AppError('UNKNOWN_CYCLE', `no cycle ${cycleId}`, { cycle: cycleId });
  const all = await repos.steeringDecisions.listByCycle(cycle.id);
  const counts = await repos.cycleResults.itemCounts(cycle.id);
  return cycleAmbitionIds(deps, cycle).map((ambitionId) => {
    const byStatus = Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>;
    let steeringNeeded = 0;
    for (const c of counts.filter((x) => x.itemId === ambitionId)) {
      byStatus[c.status] += c.boards;
      steeringNeeded += c.steeringNeeded;
    }
    const history = all.filter((d) => d.ambitionId === ambitionId);
    return { ambitionId, byStatus, steeringNeeded, current: history.at(-1) ?? null, history };
  });
}

/** Every decision on an ambition over all cycles, newest first, with the cycle's name (the ambition page). */
export async function ambitionDecisions(
  deps: CoreDeps,
  agendaId: string,
  ambitionId: string,
): Promise<(SteeringDecision & { cycleName: string })[]> {
  const repos = deps.store.repos;
  const decisions = await repos.steeringDecisions.listByAmbition(agendaId, ambitionId);
  const names = new Map((await repos.cycles.list()).map((c) => [c.id, c.name]));
  return decisions.map((d) => ({ ...d, cycleName: names.get(d.cycleId) ?? d.cycleId }));
}
