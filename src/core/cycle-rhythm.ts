import { SCHEDULER } from './access';
import { planCycleIn } from './cycles';
import type { Cycle } from './model';
import type { CoreDeps } from './ports';
import { type CycleRhythm, rhythmCyclesDue } from './schedule/rhythm';
import { DEFAULT_CALENDAR } from './schedule/working-time';

/**
 * Plans the cycles of the configured rhythm whose planning day has come. The slot claim and the plan are
 * one transaction, so each occurrence is planned once across replicas and restarts; a coordinator who
 * closes a planned cycle early does not get it back.
 */
export async function planFromRhythm(deps: CoreDeps, rhythm: CycleRhythm, replica: string): Promise<Cycle[]> {
  const now = deps.clock.now();
  const planned: Cycle[] = [];
  for (const due of rhythmCyclesDue(rhythm, now, (deps.calendar ?? DEFAULT_CALENDAR).timeZone)) {
    const cycle = await deps.store.transaction(async (repos) => {
      if (!(await repos.schedulerRuns.claim('rhythm', due.slot, replica, now))) return null;
      return planCycleIn(repos, deps, SCHEDULER, {
        agendaId: rhythm.agendaId,
        name: due.name,
        scope: [],
        audience: { boards: [], members: [] },
        opensAt: due.opensAt,
        closesAt: due.closesAt,
      });
    });
    if (cycle) planned.push(cycle);
  }
  return planned;
}
