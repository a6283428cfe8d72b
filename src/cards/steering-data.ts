import type { Core } from '../core/index';
import type { Member } from '../core/model';
import type { SteeringFormData } from './data';

/**
 * The steering form for a cycle: per ambition its results, the trend, the boards' steering requests, the
 * discussion's key points and the current decision (coordinators only: the core checks).
 */
export async function steeringFormData(
  core: Core,
  member: Member,
  cycleId: string,
): Promise<SteeringFormData> {
  const cycle = await core.findCycle(cycleId);
  const context = await core.steeringContext({ memberId: member.id }, cycle.id, { locale: member.locale });
  return {
    cycle: { id: cycle.id, name: cycle.name },
    ambitions: context.ambitions.map((a) => ({
      id: a.ambitionId,
      number: a.number,
      title: a.title,
      statusCounts: a.byStatus,
      steeringNeeded: a.steeringNeeded,
      decided: a.current?.decision ?? null,
      trend: a.trend,
      requests: a.requests.map((r) => ({
        boardName: r.boardName,
        explanation: r.explanation,
        answered: r.answered,
      })),
      moreRequests: a.moreRequests,
      keyPoints: a.keyPoints,
    })),
    selectedAmbition: null,
  };
}
