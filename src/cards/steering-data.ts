import type { Core } from '../core/index';
import type { Member } from '../core/model';
import type { SteeringFormData } from './data';

/** The steering form for a cycle: its ambitions with their results and current decision (coordinators only). */
export async function steeringFormData(
  core: Core,
  member: Member,
  cycleId: string,
): Promise<SteeringFormData> {
  const cycle = await core.findCycle(cycleId);
  const steering = await core.cycleSteering({ memberId: member.id }, cycle.id);
  const agenda = core.agendas.get(cycle.agendaId);
  return {
    cycle: { id: cycle.id, name: cycle.name },
    ambitions: steering.map((s) => {
      const ambition = agenda.ambitions.find((a) => a.id === s.ambitionId);
      return {
        id: s.ambitionId,
        number: ambition?.number ?? 0,
        title: ambition?.title ?? s.ambitionId,
        statusCounts: s.byStatus,
        steeringNeeded: s.steeringNeeded,
        decided: s.current?.decision ?? null,
      };
    }),
    selectedAmbition: null,
  };
}
