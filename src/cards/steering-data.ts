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
  options: { context?: boolean } = {},
): Promise<SteeringFormData> {
  const cycle = await core.findCycle(cycleId);
  if (options.context === false) return quickFormData(core, member, cycle);
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

/**
 * The same form with the results only, without the trend, requests and discussion (which summarise every
 * ambition): what Slack opens within its 3 s, and what reads a submission back.
 */
async function quickFormData(
  core: Core,
  member: Member,
  cycle: { id: string; name: string; agendaId: string },
): Promise<SteeringFormData> {
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
