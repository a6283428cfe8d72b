import { type Actor, actorId } from './access';
import { type Cycle, UPDATE_STATUSES, type UpdateStatus } from './model';
import type { CoreDeps, Repositories } from './ports';
import { DEFAULT_CALENDAR, nextWorkingMoment } from './schedule/working-time';

/** What one item (ambition or action) of a closed cycle got: boards per status, and how many ask to steer. */
export interface ItemResult {
  itemId: string;
  kind: 'ambition' | 'action';
  title: string;
  themeId: string | null;
  boards: number;
  byStatus: Record<UpdateStatus, number>;
  steeringNeeded: number;
}

/** The payload of a `cycle.results` message: one theme for its community's thread, or everything. */
export interface CycleResultsPayload {
  cycleId: string;
  cycleName: string;
  agendaId: string;
  /** `theme`: posted as a thread in the community channel of themeId; `all`: the full results. */
  scope: 'theme' | 'all';
  themeId: string | null;
  asked: number;
  answered: number;
  items: ItemResult[];
}

const resultsKey = (cycleId: string, to: string) => `cycle.results:${cycleId}:${to}`;

/**
 * Closes an open or scheduled cycle and, in the same transaction, queues its results: per theme a thread
 * in the community channel of that theme, and the full results to every coordinator. False when another
 * process closed it first (it queued the results then).
 */
export async function closeWithResults(
  repos: Repositories,
  deps: CoreDeps,
  actor: Actor,
  cycle: Cycle,
): Promise<boolean> {
  const now = deps.clock.now();
  if (!(await repos.cycles.transition(cycle.id, ['draft', 'scheduled', 'open'], 'closed', now))) return false;
  await repos.audit.write({
    at: now,
    actorId: actorId(actor),
    action: 'cycle.close',
    target: cycle.id,
    details: { name: cycle.name, via: 'system' in actor ? actor.system : 'chat' },
  });
  const scope = deps.agendas.scopeItems(cycle.agendaId, cycle.scope);
  const counts = await repos.cycleResults.itemCounts(cycle.id);
  const checkIns = await repos.checkIns.listByCycle(cycle.id);
  const items: ItemResult[] = scope.map((item) => {
    const byStatus = Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>;
    let steeringNeeded = 0;
    for (const c of counts.filter((x) => x.itemId === item.id)) {
      byStatus[c.status] += c.boards;
      steeringNeeded += c.steeringNeeded;
    }
    const boards = UPDATE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    return {
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      themeId: item.themeId ?? null,
      boards,
      byStatus,
      steeringNeeded,
    };
  });
  const base = {
    cycleId: cycle.id,
    cycleName: cycle.name,
    agendaId: cycle.agendaId,
    asked: checkIns.length,
    answered: checkIns.filter((c) => c.answeredAt).length,
  };
  const calendar = deps.calendar ?? DEFAULT_CALENDAR;
  const themeIds = [...new Set(items.flatMap((i) => (i.themeId ? [i.themeId] : [])))];
  const channelTime = nextWorkingMoment(now, { timeZone: calendar.timeZone, board: null }, calendar);
  for (const community of await repos.cycleResults.communitiesOfThemes(cycle.agendaId, themeIds)) {
    const workspace = await repos.workspaces.get(community.workspaceId);
    if (!workspace) continue; // communities reference their workspace: only a deleted one lands here
    const payload: CycleResultsPayload = {
      ...base,
      scope: 'theme',
      themeId: community.themeId,
      items: items.filter((i) => i.themeId === community.themeId),
    };
    await repos.outbox.enqueue(
      {
        dedupeKey: resultsKey(cycle.id, `community:${community.id}`),
        platform: workspace.platform,
        workspaceId: workspace.id,
        memberId: null,
        conversationId: community.channelId,
        kind: 'cycle.results',
        payload: { ...payload },
        notBefore: channelTime,
      },
      deps.ids(),
      now,
    );
  }
  for (const coordinator of await repos.cycleResults.coordinators()) {
    const payload: CycleResultsPayload = { ...base, scope: 'all', themeId: null, items };
    await repos.outbox.enqueue(
      {
        dedupeKey: resultsKey(cycle.id, `coordinator:${coordinator.id}`),
        platform: coordinator.platform,
        workspaceId: coordinator.workspaceId,
        memberId: coordinator.id,
        conversationId: null,
        kind: 'cycle.results',
        payload: { ...payload },
        notBefore: nextWorkingMoment(now, { timeZone: coordinator.timeZone, board: null }, calendar),
      },
      deps.ids(),
      now,
    );
  }
  return true;
}
